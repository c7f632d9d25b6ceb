import type { ResourceSpec } from '../../shared/types';

export const timezoneResource: ResourceSpec = {
	value: 'timezone',
	name: 'Timezone',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many timezones',
			method: 'GET',
			path: '/timezones',
			list: { records: 'data' },
			ref: 'kwiga.timezone.getAll',
		},
	],
};
