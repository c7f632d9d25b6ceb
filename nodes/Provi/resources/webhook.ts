import { f } from '../../shared/fields';
import type { FieldSpec, ResourceSpec } from '../../shared/types';

import { TEST_EVENTS, WEBHOOK_EVENTS, WEBHOOK_EVENTS_WITH_ALL } from '../options';

const preferenceId = (location: 'path' | 'body'): FieldSpec => ({
	...f.options('preferenceId', 'Webhook Preference Name or ID', [], {
		loadOptions: 'getWebhookPreferences',
		description: 'The webhook preference (endpoint)',
	}),
	in: location,
	required: true,
	...(location === 'body' ? { key: 'id' } : {}),
});

export const webhookPreferenceResource: ResourceSpec = {
	value: 'webhookPreference',
	name: 'Webhook Preference',
	description: 'Endpoints that receive sales funnel webhooks',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many webhook preferences',
			method: 'GET',
			path: '/webhook/preferences',
			list: { records: 'content' },
			optionalIn: 'filters',
			ref: 'provi.webhookPreference.getAll',
			fields: [f.string('id', 'Preference ID', { in: 'query', description: 'Only the preference with this ID' })],
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a webhook preference',
			description: 'Register an endpoint URL; it receives all events until you update it',
			method: 'POST',
			path: '/webhook/preference',
			unwrap: 'data',
			ref: 'provi.webhookPreference.create',
			fields: [f.string('url', 'URL', { required: true, placeholder: 'https://www.example.com/provi', description: 'The URL the webhooks are sent to' })],
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a webhook preference',
			method: 'DELETE',
			path: '/webhook/preference/{preferenceId}',
			unwrap: 'data',
			ref: 'provi.webhookPreference.delete',
			fields: [preferenceId('path')],
		},
		{
			value: 'regenerateSignature',
			name: 'Regenerate Signature',
			action: 'Regenerate the signature of a webhook preference',
			description: 'Create a new signature token, sent in the headers of every delivery',
			method: 'PATCH',
			path: '/webhook/preference/regenerate-signature',
			unwrap: 'data',
			ref: 'provi.webhookPreference.regenerateSignature',
			fields: [
				preferenceId('body'),
				f.boolean('replaceCurrentSignature', 'Replace Current Signature', {
					required: true,
					default: true,
					description: 'Whether the new signature replaces the current one',
				}),
			],
		},
		{
			value: 'update',
			name: 'Update Events',
			action: 'Update the events of a webhook preference',
			description: 'Choose which events the endpoint receives',
			method: 'PATCH',
			path: '/webhook-endpoint',
			unwrap: 'data',
			optionalIn: 'updateFields',
			ref: 'provi.webhookPreference.update',
			fields: [
				preferenceId('body'),
				{
					...f.options('enabledEvents', 'Events', WEBHOOK_EVENTS_WITH_ALL, { required: true, default: ['*'] }),
					type: 'multiOptions',
					description: 'The events the endpoint receives; "All Events" sends *',
				},
				f.string('url', 'URL', { description: 'A new URL for the endpoint' }),
			],
		}
	],
};

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
				f.options('webhookStatus', 'Event', WEBHOOK_EVENTS, { in: 'query', default: 'made_effective', description: 'Only deliveries of this event' }),
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
