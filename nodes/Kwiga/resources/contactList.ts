import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

export const contactListResource: ResourceSpec = {
	value: 'contactList',
	name: 'Contact List',
	description: 'Mailing contact lists',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many contact lists',
			method: 'GET',
			path: '/mailing/contact-lists',
			list: { records: 'data', pagination: { style: 'laravel' } },
			ref: 'kwiga.contactList.getAll',
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a contact list',
			description: 'Get a contact list with all its contacts',
			method: 'GET',
			path: '/mailing/contact-lists/{list}',
			unwrap: 'data',
			ref: 'kwiga.contactList.get',
			fields: [f.path('list', 'Contact List Name or ID', { type: 'options', loadOptions: 'getContactLists', description: 'The contact list to get' })],
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a contact list',
			method: 'POST',
			path: '/mailing/contact-lists',
			unwrap: 'data',
			optionalIn: 'additionalFields',
			ref: 'kwiga.contactList.create',
			fields: [f.string('title', 'Title', { required: true }), f.string('description', 'Description')],
		},
		{
			value: 'addContacts',
			name: 'Add Contacts',
			action: 'Add contacts to contact lists',
			method: 'POST',
			path: '/mailing/contact-lists/bulk-contacts',
			ref: 'kwiga.contactList.addContactsBulk',
			// The reference sends one ID as a number ("contacts[]": 2); several go as an array under the same key.
			fields: [
				f.list('contacts', 'Contact IDs', { key: 'contacts[]', format: 'numbers', required: true, description: 'Comma-separated IDs of the contacts to add' }),
				f.string('contactLists', 'Contact List Names or IDs', {
					key: 'contact_lists[]',
					type: 'multiOptions',
					loadOptions: 'getContactLists',
					format: 'numbers',
					required: true,
					default: [],
				}),
			],
		},
	],
};
