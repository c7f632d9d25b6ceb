import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

import { productIdsFilter } from './common';

const PRACTICE_STATUSES = [
	{ name: 'Needs Rework', value: 3 },
	{ name: 'Pending Review', value: 6 },
];

export const quizAttemptResource: ResourceSpec = {
	value: 'quizAttempt',
	name: 'Quiz Attempt',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many quiz attempts',
			description: 'List quiz attempts of the cabinet, newest status change first by default',
			method: 'GET',
			path: '/quiz-attempts',
			list: { records: 'data', pagination: { style: 'laravel' } },
			optionalIn: 'filters',
			ref: 'kwiga.quizAttempt.getAll',
			fields: [
				f.string('practiceStatuses', 'Statuses', { in: 'query', key: 'filters[practice_statuses]', type: 'multiOptions', options: PRACTICE_STATUSES, format: 'csv', default: [] }),
				productIdsFilter,
				f.options('sortBy', 'Sort By', [
					{ name: 'Last Activity', value: 'last_activity_at' },
					{ name: 'Status Updated', value: 'status_updated_at' },
					{ name: 'Started', value: 'started_at' },
				], { in: 'query', key: 'sort_by', default: 'status_updated_at', at: 'options' }),
				f.options('sortDir', 'Sort Direction', [
					{ name: 'Descending', value: 'desc' },
					{ name: 'Ascending', value: 'asc' },
				], { in: 'query', key: 'sort_dir', default: 'desc', at: 'options' }),
			],
		},
		{
			value: 'query',
			name: 'Search',
			action: 'Search quiz attempts',
			description: 'Find quiz attempts by curators, lessons, statuses and last activity (POST /quiz-attempts/query)',
			method: 'POST',
			path: '/quiz-attempts/query',
			list: { records: 'data', pagination: { style: 'laravel' } },
			ref: 'kwiga.quizAttempt.query',
			fields: [
				f.list('curatorIds', 'Curator IDs', { key: 'filters.curator_ids', format: 'numberList', at: 'filters' }),
				f.list('lessonIds', 'Lesson IDs', { key: 'filters.lesson_ids', format: 'numberList', at: 'filters' }),
				f.string('practiceStatuses', 'Statuses', { key: 'filters.practice_statuses', type: 'multiOptions', options: PRACTICE_STATUSES, default: [], at: 'filters' }),
				{ ...f.string('lastActivityFrom', 'Last Activity After', { key: 'filters.last_activity_from', type: 'dateTime', format: 'dateTime', at: 'filters' }) },
			],
		},
	],
};
