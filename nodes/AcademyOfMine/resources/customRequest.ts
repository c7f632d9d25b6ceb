import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';
import { HTTP_METHODS } from '../../shared/types';

const METHODS = HTTP_METHODS.map((m) => ({ name: m, value: m }));

/** Any request on the Academy of Mine credential, for what the route table gets wrong or lacks. */
export const customRequestResource: ResourceSpec = {
	value: 'customRequest',
	name: 'Custom Request',
	description: 'Any call of the API with this credential, for what the other resources lack',
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
				f.options('method', 'Method', METHODS, { in: 'none', required: true, default: 'GET' }),
				f.string('path', 'Path', {
					in: 'none',
					required: true,
					placeholder: 'e.g. /courses/tabular-list',
					description: "Path after the credential's base URL, starting with /",
				}),
				f.json('query', 'Query Parameters (JSON)', {
					in: 'query',
					spread: true,
					at: 'options',
					description: 'Query parameters as a JSON object, e.g. {"page_size": 10, "page_number": 1}',
				}),
				f.json('body', 'Body (JSON)', { spread: true, at: 'options', description: 'JSON body; not sent when empty' }),
			],
		},
	],
};
