import { f } from '../../shared/fields';
import type { OperationSpec, ResourceSpec } from '../../shared/types';

import { contactLocator, productLocator } from './common';

const subscriptionAction = (
	value: string,
	name: string,
	action: string,
	path: string,
	ref: string,
	extra: Partial<OperationSpec> = {},
): OperationSpec => ({
	value,
	name,
	action,
	method: 'POST',
	path: `/contacts/{contact}/products/{product}/${path}`,
	unwrap: 'data',
	ref,
	...extra,
	fields: [contactLocator, productLocator, ...(extra.fields ?? [])],
});

export const contactProductResource: ResourceSpec = {
	value: 'contactProduct',
	name: 'Contact Product',
	description: 'Products a contact has access to, and their subscriptions',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many products of a contact',
			method: 'GET',
			path: '/contacts/{contact}/products',
			list: { records: 'data' },
			ref: 'kwiga.contactProduct.getAll',
			fields: [contactLocator],
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Remove a product from a contact',
			description: 'Take away the contact\'s access to the product',
			method: 'DELETE',
			path: '/contacts/{contact}/products/{product}',
			ref: 'kwiga.contactProduct.delete',
			fields: [contactLocator, productLocator],
		},
		{
			value: 'deleteBulk',
			name: 'Delete by Email',
			action: 'Remove a product from a contact by email',
			description: 'Take away access to a product (optionally only some of its offers) from the contact with this email',
			method: 'DELETE',
			path: '/contacts/products',
			unwrap: 'data',
			optionalIn: 'additionalFields',
			ref: 'kwiga.contactProduct.deleteBulk',
			fields: [
				f.string('email', 'Email', { required: true, placeholder: 'name@email.com' }),
				f.string('productId', 'Product Name or ID', { key: 'product_id', type: 'options', loadOptions: 'getProducts', required: true }),
				f.string('offers', 'Offer Names or IDs', {
					type: 'multiOptions',
					loadOptions: 'getOffers',
					format: 'numberList',
					description: 'Only the subscriptions bought through these offers',
				}),
			],
		},
		subscriptionAction('freeze', 'Freeze', 'Freeze a contact subscription', 'freeze', 'kwiga.contactProduct.freeze', {
			description: 'Pause the contact\'s subscription on a product for a number of days',
			fields: [f.number('countFrozenDays', 'Days', { key: 'count_frozen_days', required: true, default: 30, minValue: 1, description: 'How many days to freeze the subscription for' })],
		}),
		subscriptionAction('unfreeze', 'Unfreeze', 'Unfreeze a contact subscription', 'unfreeze', 'kwiga.contactProduct.unfreeze'),
		subscriptionAction('extend', 'Extend', 'Extend a contact subscription', 'extend', 'kwiga.contactProduct.extend', {
			description: 'Add days to the contact\'s subscription on a product',
			fields: [f.number('countExtendDays', 'Days', { key: 'count_extend_days', required: true, default: 14, minValue: 1, description: 'How many days to add' })],
		}),
		subscriptionAction('setEndDate', 'Set End Date', 'Set the end date of a contact subscription', 'end-date', 'kwiga.contactProduct.setEndDate', {
			method: 'PUT',
			fields: [
				{
					...f.string('endAt', 'End At', { key: 'end_at', required: true, type: 'dateTime', format: 'dateTime' }),
					description: 'When the subscription ends, as wall-clock time in the chosen timezone',
				},
				f.string('timezoneId', 'Timezone Name or ID', { key: 'timezone_id', type: 'options', loadOptions: 'getTimezones', required: true }),
			],
		}),
	],
};
