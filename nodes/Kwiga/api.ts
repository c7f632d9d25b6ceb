import type { ApiSpec } from '../shared/types';

/** How Kwiga is reached: the node, its trigger, its dropdowns and the credential test share this. */
export const KWIGA_API: ApiSpec = {
	displayName: 'Kwiga',
	credential: 'kwigaApi',
	baseUrl: { field: 'baseUrl', default: 'https://api.kwiga.com' },
	secrets: ['token', 'cabinetHash'],
	arrayFormat: 'brackets',
};
