import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { PSB_API } from '../nodes/PsbHosting/api';
import { baseUrlExpression, headerAuthentication } from '../nodes/shared/api';

export class PsbHostingApi implements ICredentialType {
	name = 'psbHostingApi';

	displayName = 'PSB Hosting API';

	icon: Icon = { light: 'file:../icons/psb-hosting.svg', dark: 'file:../icons/psb-hosting.dark.svg' };

	documentationUrl = 'https://documenter.getpostman.com/view/32579516/2sB2jAanMc';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API token of your PSB Hosting account. It is sent as is in the Authorization header (no "Bearer" prefix).',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://backend.psb.hosting',
			description: 'Change only to reach a PSB Hosting proxy or test environment',
		},
	];

	authenticate = headerAuthentication((c) => ({ Authorization: String(c.token) }));

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(PSB_API.baseUrl),
			url: '/users/me',
			method: 'GET',
		},
	};
}
