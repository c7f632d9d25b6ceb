import type { ResourceSpec } from '../../shared/types';

export const campusResource: ResourceSpec = {
	value: 'campus',
	name: 'Campus',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many campuses',
			method: 'GET',
			path: '/campus',
			list: { records: 'rows' },
			ref: 'provi.campus.getAll',
		}
	],
};
