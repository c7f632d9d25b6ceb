import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

import { contactLocator, productIdsFilter } from './common';

export const REWARD_REASONS = [
	{ name: 'Quiz Passed', value: 1 },
	{ name: 'Manual', value: 6 },
];

export const contactRewardResource: ResourceSpec = {
	value: 'contactReward',
	name: 'Contact Reward',
	description: 'Points (rewards) journal of a contact',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many rewards of a contact',
			method: 'GET',
			path: '/contacts/{contact}/rewards',
			list: { records: 'data', pagination: { style: 'laravel' } },
			optionalIn: 'filters',
			ref: 'kwiga.contactReward.getAll',
			fields: [
				contactLocator,
				f.options('accrualType', 'Accrual Type', [
					{ name: 'Accrued', value: 'accrued' },
					{ name: 'Deducted', value: 'deducted' },
				], { in: 'query', key: 'filters[accrual_type]', default: 'accrued' }),
				f.string('reasonTypes', 'Reason Types', {
					in: 'query',
					key: 'filters[reason_types]',
					type: 'multiOptions',
					options: REWARD_REASONS,
					format: 'csv',
					default: [],
					description: 'Only points given for these reasons',
				}),
				productIdsFilter,
			],
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Add reward points to a contact',
			description: 'Add a manual reward: positive points accrue, negative points deduct',
			method: 'POST',
			path: '/contacts/{contact}/rewards',
			unwrap: 'data',
			optionalIn: 'additionalFields',
			ref: 'kwiga.contactReward.create',
			fields: [
				contactLocator,
				f.number('points', 'Points', { required: true, default: 0, description: 'Positive to accrue, negative to deduct' }),
				f.string('comment', 'Comment'),
				f.boolean('isVisibleToStudent', 'Visible to Student', { key: 'is_visible_to_student', description: 'Whether the student sees this entry' }),
				f.string('productId', 'Product Name or ID', { key: 'product_id', type: 'options', loadOptions: 'getProducts' }),
				f.string('idempotencyKey', 'Idempotency Key', {
					in: 'header',
					key: 'Idempotency-Key',
					description: 'Retries with the same key create the reward only once (sent as the Idempotency-Key header)',
				}),
			],
		},
	],
};
