import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

export const courseResource: ResourceSpec = {
	value: 'course',
	name: 'Course',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many courses',
			method: 'GET',
			path: '/courses',
			list: { records: 'data', pagination: { style: 'laravel' } },
			ref: 'kwiga.course.getAll',
			fields: [
				f.string('include', 'Include', {
					in: 'query',
					key: 'with',
					type: 'multiOptions',
					default: [],
					at: 'options',
					options: [
						{ name: 'Description', value: 'description' },
						{ name: 'Offers', value: 'offers' },
						{ name: 'Program', value: 'program' },
					],
					description: 'Related data to add to each course',
				}),
			],
		},
	],
};
