import { f } from '../../shared/fields';
import type { FieldSpec, ResourceSpec } from '../../shared/types';

import { coursesCollection, cpfField, dateFilter } from './common';

const salePath = f.path('saleId', 'Sale ID', {
	placeholder: 'e.g. 57060',
	description: 'ID of the exclusive sale (CreditRequestId)',
});

/** A repeatable filter filled from GET /sales/available-filters. */
const saleFilter = (name: string, displayName: string, loadOptions: string, description: string): FieldSpec => ({
	name,
	displayName,
	type: 'multiOptions',
	in: 'query',
	loadOptions,
	default: [],
	description,
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

export const saleResource: ResourceSpec = {
	value: 'sale',
	name: 'Sale',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many sales',
			description: 'List sales, exclusive or otherwise. A lone start date is also used as the end date.',
			method: 'GET',
			path: '/sales',
			list: { records: 'content', pagination: { style: 'provi', sizeParam: 'limit' } },
			optionalIn: 'filters',
			ref: 'provi.sale.getAll',
			fields: [
				f.string('creditRequestId', 'Sale ID', { in: 'query', key: 'CreditRequestId', description: 'Only the sale with this ID (CreditRequestId)' }),
				cpfField({ in: 'query', description: 'Only sales of this CPF; formatting is removed and 11 digits are sent' }),
				f.string('email', 'Email', { in: 'query', placeholder: 'name@email.com', description: 'Only sales of this student email' }),
				f.string('name', 'Name', { in: 'query', description: 'Only sales of this student name' }),
				saleFilter('status', 'Status Names or IDs', 'getSaleStatuses', 'Only sales in these statuses'),
				saleFilter('cridOrigin', 'Origin Names or IDs', 'getSaleOrigins', 'Only sales of these origins'),
				saleFilter('courseId', 'Course Names or IDs', 'getSaleCourses', 'Only sales of these courses'),
				saleFilter('productType', 'Product Type Names or IDs', 'getSaleProductTypes', 'Only sales of these product types'),
				saleFilter('creator', 'Creator Names or IDs', 'getSaleCreators', 'Only sales created by these users'),
				saleFilter('campaign', 'Campaign Names or IDs', 'getSaleCampaigns', 'Only sales of these campaigns'),
				f.string('campaignCustomIdentifier', 'Campaign Custom Identifier', { in: 'query', description: 'Only sales of the campaign with this custom identifier' }),
				dateFilter('startDate', 'Created After', 'Sales created on or after this day'),
				dateFilter('endDate', 'Created Before', 'Sales created on or before this day'),
				dateFilter('startEffectiveDate', 'Made Effective After', 'Sales made effective on or after this day'),
				dateFilter('endEffectiveDate', 'Made Effective Before', 'Sales made effective on or before this day'),
				dateFilter('startExpectedPaymentDate', 'Expected Payment After', 'Expected payment on or after this day'),
				dateFilter('endExpectedPaymentDate', 'Expected Payment Before', 'Expected payment on or before this day'),
				dateFilter('startNextPaymentDate', 'Next Payment After', 'Next payment on or after this day'),
				dateFilter('endNextPaymentDate', 'Next Payment Before', 'Next payment on or before this day'),
				dateFilter('startReleasedDate', 'Course Released After', 'Course access released on or after this day'),
				dateFilter('endReleasedDate', 'Course Released Before', 'Course access released on or before this day'),
			],
		},
		{
			value: 'getAvailableFilters',
			name: 'Get Available Filters',
			action: 'Get the available sale filters',
			description: 'List the values the sale filters accept (statuses, origins, courses, product types, creators, campaigns)',
			method: 'GET',
			path: '/sales/available-filters',
			unwrap: 'content',
			ref: 'provi.sale.getAvailableFilters',
		}
	],
};
