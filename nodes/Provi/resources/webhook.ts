import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';
import { HISTORY_STATUSES, TEST_EVENTS } from '../options';

export const webhookResource: ResourceSpec = {
	value: 'webhook',
	name: 'Webhook',
	description: 'Webhook deliveries: history, test and resend',
	defaultOperation: 'getHistory',
	operations: [
		{
			value: 'getHistory',
			name: 'Get History',
			action: 'Get the webhook delivery history',
			description: 'List webhooks sent and their response status',
			method: 'GET',
			path: '/webhooks',
			list: { records: 'content', pagination: { style: 'provi', sizeParam: 'limit' } },
			optionalIn: 'filters',
			ref: 'provi.webhookHistory.getAll',
			fields: [
				f.options('sort', 'Sort', [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				], { in: 'query', at: 'options', default: 'asc', description: 'Order of the deliveries by date' }),
				f.number('requestStatus', 'Response Status', { in: 'query', default: 200, description: 'Only deliveries answered with this HTTP status' }),
				f.number('requestStatusNe', 'Response Status Not', { in: 'query', default: 200, description: 'Only deliveries not answered with this HTTP status (e.g. 200 to find failures)' }),
				f.date('startDate', 'Sent After', { description: 'Deliveries sent on or after this day' }),
				f.date('endDate', 'Sent Before', { description: 'Deliveries sent on or before this day' }),
				f.options('webhookStatus', 'Event', HISTORY_STATUSES, {
					in: 'query',
					default: 'made_effective',
					description: 'Only deliveries of this event. For a status not listed, use an expression giving its value.',
				}),
				f.string('creditRequest', 'Sale ID', { in: 'query', description: 'Only deliveries of this sale (CreditRequestId)' }),
				f.string('campaignCustomIdentifier', 'Campaign Custom Identifier', { in: 'query', description: 'Only deliveries of the campaign with this custom identifier' }),
			],
		},
		{
			value: 'resend',
			name: 'Resend',
			action: 'Resend webhooks',
			description: 'Resend deliveries that were not answered with 200 (at most 4 manual resends each)',
			method: 'POST',
			path: '/webhook/dispatch-retry',
			ref: 'provi.webhook.resend',
			fields: [
				f.list('webhookIds', 'Webhook IDs', {
					required: true,
					placeholder: 'e.g. 123abs,456def',
					description: 'Comma-separated IDs of the deliveries to resend (from Get History)',
				}),
			],
		},
		{
			value: 'sendTest',
			name: 'Send Test',
			action: 'Send a test webhook',
			description: 'Send a delivery with fictitious data to a URL',
			method: 'POST',
			path: '/webhook/dispatch-test',
			ref: 'provi.webhook.sendTest',
			fields: [
				f.string('url', 'URL', { required: true, placeholder: 'https://www.example.com/provi', description: 'The URL the test delivery is sent to' }),
				f.options('event', 'Event', TEST_EVENTS, { required: true, default: 'made_effective', description: 'The event to simulate (only these two can be tested)' }),
			],
		},
	],
};
