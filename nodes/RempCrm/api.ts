import type { ApiSpec } from '../shared/types';

/** How a self-hosted REMP CRM is reached: its own base URL, `Authorization: Bearer <token>`. */
export const REMP_API: ApiSpec = {
	displayName: 'REMP CRM',
	credential: 'rempCrmApi',
	baseUrl: { field: 'baseUrl' },
	secrets: ['token'],
};
