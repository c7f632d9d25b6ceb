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
