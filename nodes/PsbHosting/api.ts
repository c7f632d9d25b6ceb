import type { ApiSpec } from '../shared/types';

/** How PSB Hosting is reached: `Authorization: <token>` (no Bearer). */
export const PSB_API: ApiSpec = {
	displayName: 'PSB Hosting',
	credential: 'psbHostingApi',
	baseUrl: { field: 'baseUrl', default: 'https://backend.psb.hosting' },
	secrets: ['token'],
};
