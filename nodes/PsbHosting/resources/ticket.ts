import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

import { binaryPropertiesField, FORM } from './common';

export const ticketLocator = f.path('ticketId', 'Ticket', { locator: 'searchTickets', description: 'The ticket to use' });

export const ticketResource: ResourceSpec = {
	value: 'ticket',
	name: 'Ticket',
	description: 'Support tickets',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many tickets',
			description: 'Get your support tickets. Type and status values are returned in Russian, as the API sends them.',
			method: 'GET',
			path: '/tickets',
			list: { records: 'items', pagination: { style: 'psbPage', maxPageSize: 10 } },
			ref: 'psb.ticket.getAll',
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a ticket',
			method: 'GET',
			path: '/tickets/{ticketId}',
			ref: 'psb.ticket.get',
			fields: [ticketLocator],
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a ticket',
			description: 'Open a support ticket; the message and the attached files are sent as its first message',
			method: 'POST',
			path: '/tickets',
			multipart: FORM,
			optionalIn: 'additionalFields',
			ref: 'psb.ticket.create',
			fields: [
				f.string('title', 'Title', { required: true }),
				f.options(
					'department',
					'Department',
					[
						{ name: 'Sales Department', value: 'Отдел продаж' },
						{ name: 'Technical Department', value: 'Технический отдел' },
					],
					{ key: 'type', required: true, default: 'Технический отдел', description: 'The department the ticket goes to' },
				),
				f.string('message', 'Message', { required: true, typeOptions: { rows: 4 } }),
				binaryPropertiesField('ticket'),
				f.string('orderIds', 'Order Names or IDs', {
					key: 'order_ids',
					type: 'multiOptions',
					loadOptions: 'getOrders',
					format: 'csv',
					description: 'Orders the ticket is about',
				}),
			],
		},
		{
			value: 'close',
			name: 'Close',
			action: 'Close a ticket',
			method: 'PUT',
			path: '/tickets/{ticketId}/close',
			ref: 'psb.ticket.close',
			fields: [ticketLocator],
		},
	],
};
