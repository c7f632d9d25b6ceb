import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { aomAuthHeader } from '../nodes/AcademyOfMine/api';
import { headerAuthentication } from '../nodes/shared/api';

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
		{
			displayName: 'API Description',
			name: 'apiDescription',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			placeholder: 'e.g. https://myacademy.example.com/api/docs/openapi.json',
			description:
				"Optional. The URL of your academy's API description (its OpenAPI JSON document or its Redoc page), or the document pasted in. Its routes replace the node's inferred ones: the credential test says how many it confirmed.",
		},
	];

	// The credential test is the node's (methods.credentialTest): it follows the API description's routes.

	authenticate = headerAuthentication((c) => Object.fromEntries([aomAuthHeader(c)]));
}
