import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { AOM_API } from '../nodes/AcademyOfMine/api';
import { ROUTES } from '../nodes/AcademyOfMine/routes';
import { baseUrlExpression } from '../nodes/shared/api';

/** A read-only lookup with no parameters: the 13 webhook events. */
const TEST_ROUTE = ROUTES['aom.webhooks.webhook-event-lookup'];

export class AcademyOfMineApi implements ICredentialType {
	name = 'academyOfMineApi';

	displayName = 'Academy of Mine API';

	icon: Icon = { light: 'file:../icons/academy-of-mine.svg', dark: 'file:../icons/academy-of-mine.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-course-stack/n8n-nodes-course-stack#academy-of-mine-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://myacademy.example.com/api',
			description: "Your academy's API root: every operation's path is added to it",
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Header Scheme',
			name: 'headerScheme',
			type: 'options',
			default: 'bearer',
			options: [
				{ name: 'Authorization: Bearer <Key>', value: 'bearer' },
				{ name: 'Custom Header', value: 'custom' },
			],
			description: 'How the API key is sent with each request',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-API-Key',
			required: true,
			displayOptions: { show: { headerScheme: ['custom'] } },
		},
		{
			displayName: 'Value Prefix',
			name: 'headerPrefix',
			type: 'string',
			default: '',
			placeholder: 'e.g. Token',
			description: 'Written before the key, separated by a space (leave empty to send the key alone)',
			displayOptions: { show: { headerScheme: ['custom'] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'={{$credentials.headerScheme === "custom" ? $credentials.headerName : "Authorization"}}':
					'={{$credentials.headerScheme === "custom" ? ($credentials.headerPrefix ? $credentials.headerPrefix + " " : "") + $credentials.apiKey : "Bearer " + $credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(AOM_API.baseUrl),
			url: TEST_ROUTE.path,
			method: TEST_ROUTE.method,
		},
	};
}
