/** The base URL is defined once per vendor: the request path and the credential test must agree. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { baseUrlExpression, baseUrlOf } from '../../nodes/shared/api';
import type { ApiSpec } from '../../nodes/shared/types';
import { KWIGA_API } from '../../nodes/Kwiga/api';
import { PROVI_API } from '../../nodes/Provi/api';
import { PSB_API } from '../../nodes/PsbHosting/api';
import { REMP_API } from '../../nodes/RempCrm/api';
import { singleNodeWorkflow } from '../harness/engine';
import { RempCrm } from '../../nodes/RempCrm/RempCrm.node';

/** Evaluates a credential-test URL expression the way n8n does, with `$credentials`. */
function evaluate(expression: string, credentials: ICredentialDataDecryptedObject): unknown {
	const { workflow, node } = singleNodeWorkflow({
		node: new RempCrm(),
		parameters: {},
		credentials: {},
		credentialTypes: [],
	});
	return workflow.expression.getParameterValue(expression, null, 0, 0, node.name, [], 'internal', { $credentials: credentials });
}

const cases: Array<[ApiSpec, ICredentialDataDecryptedObject[]]> = [
	[KWIGA_API, [{}, { baseUrl: 'https://api.kwiga.test/' }, { baseUrl: '' }]],
	[
		PROVI_API,
		[
			{},
			{ environment: 'staging' },
			{ environment: 'production', apiVersion: 'v3' },
			{ environment: 'custom', baseUrl: 'http://127.0.0.1:9000//', apiVersion: '/v4/' },
			{ environment: 'custom', baseUrl: 'http://127.0.0.1:9000', apiVersion: '' },
		],
	],
	[PSB_API, [{}, { baseUrl: 'http://127.0.0.1:1/' }]],
	[REMP_API, [{ baseUrl: 'https://crm.example.com' }, { baseUrl: 'https://crm.example.com/' }]],
];

describe.each(cases.map(([api, sets]) => [api.displayName, api, sets] as const))('%s', (_name, api, credentialSets) => {
	test.each(credentialSets)('credentials %j give the same URL to requests and to the credential test', (credentials) => {
		const url = baseUrlOf(api.baseUrl, credentials);
		expect(url).not.toMatch(/\/$/);
		expect(evaluate(baseUrlExpression(api.baseUrl), credentials)).toBe(url);
	});
});

test('the URLs are what each vendor documents', () => {
	expect(baseUrlOf(KWIGA_API.baseUrl, {})).toBe('https://api.kwiga.com');
	expect(baseUrlOf(PROVI_API.baseUrl, {})).toBe('https://ms-checkout.provi.com.br/v4');
	expect(baseUrlOf(PROVI_API.baseUrl, { environment: 'staging' })).toBe('https://ms-checkout-staging.provi.com.br/v4');
	expect(baseUrlOf(PSB_API.baseUrl, {})).toBe('https://backend.psb.hosting');
});
