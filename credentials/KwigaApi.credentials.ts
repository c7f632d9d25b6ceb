import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { KWIGA_API } from '../nodes/Kwiga/api';
import { baseUrlExpression, headerAuthentication } from '../nodes/shared/api';

export class KwigaApi implements ICredentialType {
	name = 'kwigaApi';

	displayName = 'Kwiga API';

	icon: Icon = { light: 'file:../icons/kwiga.svg', dark: 'file:../icons/kwiga.dark.svg' };

	documentationUrl = 'https://kwiga.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API token from your Kwiga cabinet (Settings > API)',
		},
		{
			displayName: 'Cabinet Hash',
			name: 'cabinetHash',
			type: 'string',
			default: '',
			required: true,
			description: 'The hash of the Kwiga cabinet (school) the token belongs to, shown next to the token in Settings > API',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.kwiga.com',
			description: 'Change only to reach a Kwiga test or private environment',
		},
	];

	authenticate = headerAuthentication((c) => ({ Token: String(c.token), 'Cabinet-Hash': String(c.cabinetHash) }));

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(KWIGA_API.baseUrl),
			url: '/timezones',
			method: 'GET',
		},
	};
}
