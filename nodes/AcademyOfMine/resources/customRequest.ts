import type { ResourceSpec } from '../../shared/types';

/** Any request on the Academy of Mine credential, for what the route table gets wrong or lacks. */
export const customRequestResource: ResourceSpec = {
	value: 'customRequest',
	name: 'Custom Request',
	operations: [
		{
			value: 'send',
			name: 'Send',
			action: 'Send a custom request',
			description: 'Call any Academy of Mine endpoint with the credential',
			method: 'GET',
			path: '/',
			routeFrom: { method: 'method', path: 'path' },
			ref: 'aom.custom-request',
			fields: [
				{
					name: 'method',
					displayName: 'Method',
					type: 'options',
					in: 'none',
					required: true,
					default: 'GET',
					options: ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'].map((m) => ({ name: m, value: m })),
				},
				{
					name: 'path',
					displayName: 'Path',
					type: 'string',
					in: 'none',
					required: true,
					default: '',
					placeholder: 'e.g. /courses/tabular-list',
					description: "Path after the credential's base URL, starting with /",
				},
				{
					name: 'query',
					displayName: 'Query Parameters (JSON)',
					type: 'json',
					in: 'query',
					format: 'json',
					spread: true,
					at: 'options',
					default: '{}',
					description: 'Query parameters as a JSON object, e.g. {"page_size": 10, "page_number": 1}',
				},
				{
					name: 'body',
					displayName: 'Body (JSON)',
					type: 'json',
					in: 'body',
					format: 'json',
					spread: true,
					at: 'options',
					default: '{}',
					description: 'JSON body; not sent when empty',
				},
			],
		},
	],
};
