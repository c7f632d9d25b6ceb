import { f } from '../../shared/fields';
import type { FieldSpec, ResourceSpec } from '../../shared/types';

import { contactLocator } from './common';

const additionalFields: FieldSpec = {
	displayName: 'Custom Fields',
	name: 'additionalFields',
	key: 'additional_fields',
	type: 'fixedCollection',
	default: {},
	in: 'body',
	multiple: true,
	description: 'Values of the cabinet\'s additional contact fields (field IDs are shown in the Kwiga contact settings)',
	values: [
		f.number('fieldId', 'Field ID', { key: 'field_id', default: 0 }),
		f.string('value', 'Value'),
	],
};

const person = (sendEmailLabel: string): FieldSpec[] => [
	f.string('firstName', 'First Name', { key: 'first_name' }),
	f.string('lastName', 'Last Name', { key: 'last_name' }),
	f.string('phone', 'Phone', { description: 'Phone in international format, e.g. +380931234567' }),
	f.boolean('sendActivationEmail', 'Send Activation Email', {
		key: 'send_activation_email',
		description: `Whether to ${sendEmailLabel}`,
	}),
	additionalFields,
];

export const contactResource: ResourceSpec = {
	value: 'contact',
	name: 'Contact',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a contact',
			method: 'POST',
			path: '/contacts',
			unwrap: 'data',
			optionalIn: 'additionalFields',
			ref: 'kwiga.contact.create',
			fields: [
				f.string('email', 'Email', { required: true, placeholder: 'name@email.com' }),
				...person('email the contact an invitation to activate their account'),
				f.list('managerIds', 'Manager IDs', {
					key: 'manager_ids',
					format: 'numberList',
					description: 'Comma-separated IDs of the cabinet managers responsible for the contact',
				}),
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a contact',
			method: 'GET',
			path: '/contacts/{contact}',
			unwrap: 'data',
			ref: 'kwiga.contact.get',
			fields: [contactLocator],
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many contacts',
			description: 'List contacts, optionally filtered; long filter lists use the POST query endpoint',
			method: 'GET',
			path: '/contacts',
			list: { records: 'data', pagination: { style: 'laravel' } },
			optionalIn: 'filters',
			ref: 'kwiga.contact.getAll',
			fields: [
				f.date('dateFrom', 'Created After', { key: 'filters[date_from]', description: 'Only contacts created on or after this date' }),
				f.string('search', 'Search', { in: 'query', key: 'filters[search]', description: 'Text to search in name, email and phone' }),
				f.boolean('withOffers', 'Include Offers', {
					in: 'query',
					key: 'with_offers',
					description: 'Whether to add each contact\'s offers to the output',
					format: 'flag',
				}),
			],
		},
		{
			value: 'query',
			name: 'Get Many by IDs or Emails',
			action: 'Get many contacts by ID or email',
			description: 'Find contacts by long lists of IDs or emails (POST /contacts/query)',
			method: 'POST',
			path: '/contacts/query',
			list: { records: 'data', pagination: { style: 'laravel' } },
			ref: 'kwiga.contact.query',
			fields: [
				f.list('contactIds', 'Contact IDs', { key: 'filters.contact_ids', format: 'numberList', at: 'filters' }),
				f.list('emails', 'Emails', { key: 'filters.emails', at: 'filters', placeholder: 'e.g. alice@example.com,bob@example.com' }),
			],
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a contact',
			method: 'PUT',
			path: '/contacts/{contact}',
			unwrap: 'data',
			optionalIn: 'updateFields',
			ref: 'kwiga.contact.update',
			fields: [
				contactLocator,
				f.string('email', 'Email', { placeholder: 'name@email.com' }),
				f.string('firstName', 'First Name', { key: 'first_name' }),
				f.string('lastName', 'Last Name', { key: 'last_name' }),
				f.string('phone', 'Phone', { description: 'Phone in international format, e.g. +380931234567' }),
				f.list('tags', 'Tags', { description: 'Comma-separated tag names; replaces the contact\'s tags', placeholder: 'e.g. vip,webinar' }),
			],
		},
		{
			value: 'addPurchase',
			name: 'Add Purchase',
			action: 'Add a purchase to a contact',
			description: 'Create or find the contact by email and give them an offer (creates an order)',
			method: 'POST',
			path: '/contacts/purchases',
			unwrap: 'data',
			optionalIn: 'additionalFields',
			ref: 'kwiga.contact.addPurchase',
			fields: [
				f.string('email', 'Email', { required: true, placeholder: 'name@email.com' }),
				f.string('offerId', 'Offer Name or ID', {
					key: 'offer_id',
					required: true,
					type: 'options',
					loadOptions: 'getOffers',
					description: 'The offer the contact gets',
				}),
				...person('email the contact an invitation to activate their account'),
			],
		},
	],
};
