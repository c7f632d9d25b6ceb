import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ApiSpec } from '../shared/types';

/**
 * How Academy of Mine is reached: the academy's own API root (the reference documents none) and
 * the API key in the header the credential chooses. The node, its trigger, its dropdowns and the
 * credential test share this.
 */
export const AOM_API: ApiSpec = {
	displayName: 'Academy of Mine',
	credential: 'academyOfMineApi',
	baseUrl: { field: 'baseUrl' },
	secrets: ['apiKey'],
};

/** The header carrying the API key (`Authorization: Bearer <key>`, or the credential's own header). */
export function aomAuthHeader(credentials: ICredentialDataDecryptedObject): [string, string] {
	const key = String(credentials.apiKey ?? '');
	if (credentials.headerScheme !== 'custom') return ['Authorization', `Bearer ${key}`];
	const prefix = String(credentials.headerPrefix ?? '');
	return [String(credentials.headerName || 'X-API-Key'), prefix ? `${prefix} ${key}` : key];
}
