import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { REMP_API } from '../nodes/RempCrm/api';
import { baseUrlExpression, headerAuthentication } from '../nodes/shared/api';

export class RempCrmApi implements ICredentialType {
	name = 'rempCrmApi';

	displayName = 'REMP CRM API';

	icon: Icon = { light: 'file:../icons/remp-crm.svg', dark: 'file:../icons/remp-crm.dark.svg' };

	documentationUrl = 'https://github.com/remp2020/crm-coupon-module';

	properties: INodeProperties[] = [
		{
			displayName: 'CRM Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://crm.example.com',
			description: 'The address of your self-hosted REMP CRM (without /api/v1)',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A user token (from the n_token cookie or the /api/v1/users/login response) or an API token from CRM admin (/api/api-tokens-admin/) whitelisted for the coupon activation endpoint. The credential test reads /api/v1/user/info: every user token may, an API token only when whitelisted for it too.',
		},
	];

	authenticate = headerAuthentication((c) => ({ Authorization: `Bearer ${String(c.token)}` }));

	/**
	 * The users module (part of every REMP CRM) tells who a token belongs to, with no side effect.
	 * API keys are whitelisted per endpoint, so a key allowed only to activate coupons fails here:
	 * the message says so instead of "HTTP 403".
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(REMP_API.baseUrl),
			url: '/api/v1/user/info',
			method: 'GET',
		},
		rules: [
			...[401, 403].map((code) => ({
				type: 'responseCode' as const,
				properties: {
					value: code,
					message: `REMP CRM refused the token for GET /api/v1/user/info (HTTP ${code}). A user token should pass. An API token passes only if it is whitelisted for /api/v1/user/info as well; the node itself needs just POST /api/v1/coupon/activate, so a token whitelisted for that alone works in the node: save the credential without the test.`,
				},
			})),
			{
				type: 'responseCode' as const,
				properties: {
					value: 404,
					message:
						'REMP CRM answered GET /api/v1/user/info with HTTP 404: the endpoint is absent from this CRM or not whitelisted for the token. The node itself needs only POST /api/v1/coupon/activate: if the base URL is right, save the credential without the test.',
				},
			},
		],
	};
}
