import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

import { courseLocator } from './common';

const progress = (name: string, displayName: string, key: string) =>
	f.number(name, displayName, { in: 'query', key, minValue: 0, typeOptions: { maxValue: 100 }, description: 'Course progress in percent' });

export const courseUserResource: ResourceSpec = {
	value: 'courseUser',
	name: 'Course Participant',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many participants of a course',
			method: 'GET',
			path: '/courses/{course}/users',
			list: { records: 'data', pagination: { style: 'laravel' } },
			optionalIn: 'filters',
			ref: 'kwiga.courseUser.getAll',
			fields: [
				courseLocator,
				progress('progressFrom', 'Progress From', 'progress_general_from'),
				progress('progressTo', 'Progress To', 'progress_general_to'),
			],
		},
		{
			value: 'query',
			name: 'Get Many by Contact IDs',
			action: 'Get many participants of a course by contact ID',
			description: 'Participants among the given contacts, with their detailed progress (POST /courses/{course}/users/query)',
			method: 'POST',
			path: '/courses/{course}/users/query',
			list: { records: 'data', pagination: { style: 'laravel' } },
			ref: 'kwiga.courseUser.query',
			fields: [
				courseLocator,
				f.list('contactIds', 'Contact IDs', { key: 'contact_ids', format: 'numberList', at: 'filters' }),
				f.string('include', 'Include', {
					type: 'multiOptions',
					default: [],
					at: 'options',
					options: [
						{ name: 'Course Program', value: 'course_program' },
						{ name: 'Lesson Progress', value: 'lesson_progress' },
						{ name: 'Module Progress', value: 'module_progress' },
						{ name: 'Quiz Progress', value: 'quiz_progress' },
					],
					description: 'Progress details to add to each participant',
				}),
			],
		},
	],
};
