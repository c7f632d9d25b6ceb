import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

import { offerLocator, productIdsFilter } from './common';

export const certificateResource: ResourceSpec = {
	value: 'certificate',
	name: 'Certificate',
	defaultOperation: 'getByNumber',
	operations: [
		{
			value: 'getByNumber',
			name: 'Get by Number',
			action: 'Get a certificate by number',
			method: 'GET',
			path: '/certificates/by-number/{number}',
			unwrap: 'data',
			ref: 'kwiga.certificate.getByNumber',
			fields: [f.path('number', 'Certificate Number', { placeholder: 'e.g. 1986-0001' })],
		},
	],
};

export const offerResource: ResourceSpec = {
	value: 'offer',
	name: 'Offer',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many offers',
			method: 'GET',
			path: '/offers',
			list: { records: 'data', pagination: { style: 'laravel' } },
			optionalIn: 'filters',
			ref: 'kwiga.offer.getAll',
			fields: [f.string('productId', 'Product Name or ID', { in: 'query', key: 'product_id', type: 'options', loadOptions: 'getProducts', description: 'Only offers of this product' })],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get an offer',
			method: 'GET',
			path: '/offers/{offer}',
			unwrap: 'data',
			ref: 'kwiga.offer.get',
			fields: [offerLocator],
		},
	],
};

export const productResource: ResourceSpec = {
	value: 'product',
	name: 'Product',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many products',
			method: 'GET',
			path: '/products',
			list: { records: 'data', pagination: { style: 'laravel' } },
			ref: 'kwiga.product.getAll',
			fields: [
				f.options('sort', 'Sort Direction', [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				], { in: 'query', key: 'sort_by', default: 'asc', at: 'options' }),
			],
		},
	],
};

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
