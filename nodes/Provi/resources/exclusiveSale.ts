import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

import { coursesCollection, cpfField } from './common';

const salePath = f.path('saleId', 'Sale ID', {
	format: 'integer',
	placeholder: 'e.g. 57060',
	description: 'ID of the exclusive sale (CreditRequestId)',
});

export const exclusiveSaleResource: ResourceSpec = {
	value: 'exclusiveSale',
	name: 'Exclusive Sale',
	defaultOperation: 'create',
	operations: [
		{
			value: 'cancel',
			name: 'Cancel',
			action: 'Cancel an exclusive sale',
			description: 'Cancel an exclusive sale so that the CPF owner can no longer access it',
			method: 'PATCH',
			// Reference contradiction (README, Provi 3): the id in the path and no body, as the request and its
			// 204 example have it; the description puts it in the body.
			path: '/sales/exclusive-sale/cancel/{saleId}',
			ref: 'provi.exclusiveSale.cancel',
			fields: [salePath],
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create an exclusive sale',
			description: 'Create a sale with special conditions tied to one CPF',
			method: 'POST',
			// Reference contradiction (README, Provi 3): the request's path, not the examples' `/sales`.
			path: '/sales/exclusive-sale',
			unwrap: 'content',
			optionalIn: 'additionalFields',
			ref: 'provi.exclusiveSale.create',
			fields: [
				cpfField({ required: true }),
				f.number('checkoutPriceInCents', 'Checkout Price (Cents)', {
					key: 'checkout_price_in_cents',
					required: true,
					minValue: 0,
					description: 'Final price of the sale in cents (R$ 1.500,00 = 150000); lower than the sum of the course prices',
				}),
				coursesCollection,
				f.number('upfrontAmountInCents', 'Upfront Amount (Cents)', {
					key: 'upfront_amount_in_cents',
					minValue: 0,
					description: "Upfront amount in cents; not lower than the course's (or partner's) default upfront amount",
				}),
				f.string('consultantId', 'Consultant ID', {
					key: 'consultant_id',
					placeholder: 'e.g. seller@email.com',
					description: 'The seller responsible for the sale (usually an email)',
				}),
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get an exclusive sale',
			description: 'Get an exclusive sale (regular sales are found with Sale > Get Many)',
			method: 'GET',
			path: '/sales/exclusive-sale/{saleId}',
			unwrap: 'content',
			ref: 'provi.exclusiveSale.get',
			fields: [salePath],
		},
	],
};
