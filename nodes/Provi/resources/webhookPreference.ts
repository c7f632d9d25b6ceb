import { f } from '../../shared/fields';
import type { FieldSpec, ResourceSpec } from '../../shared/types';
import { WEBHOOK_EVENTS_WITH_ALL } from '../options';

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
			// The response carries `paging` like the other Provi lists.
			list: { records: 'content', pagination: { style: 'provi', sizeParam: 'limit' } },
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
			// Reference contradiction (README, Provi 4): the request's path, not the example URL's /webhook-endpoint.
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
			name: 'Update',
			action: 'Update the events or URL of a webhook preference',
			description: 'Change which events the endpoint receives, or its URL; only what you set is sent',
			method: 'PATCH',
			path: '/webhook-endpoint',
			unwrap: 'data',
			optionalIn: 'updateFields',
			ref: 'provi.webhookPreference.update',
			fields: [
				preferenceId('body'),
				// Optional: a URL-only update must not turn every event back on.
				{
					...f.options('enabledEvents', 'Events', WEBHOOK_EVENTS_WITH_ALL, { default: [] }),
					type: 'multiOptions',
					description: 'The events the endpoint receives ("All Events" sends *); left empty, they stay as they are',
				},
				f.string('url', 'URL', { description: 'A new URL for the endpoint' }),
			],
		}
	],
};
