import type { ApiSpec } from '../shared/types';

/** How Provi is reached: environment (or a custom URL) plus the API version, `Api-Token` header. */
export const PROVI_API: ApiSpec = {
	displayName: 'Provi',
	credential: 'proviApi',
	baseUrl: {
		field: 'baseUrl',
		environments: {
			field: 'environment',
			default: 'production',
			hosts: {
				production: 'https://ms-checkout.provi.com.br',
				staging: 'https://ms-checkout-staging.provi.com.br',
			},
		},
		suffix: { field: 'apiVersion', default: 'v4' },
	},
	secrets: ['token'],
	// status, cridOrigin, courseId, ... may be repeated: `status=a&status=b`
	arrayFormat: 'repeat',
};
