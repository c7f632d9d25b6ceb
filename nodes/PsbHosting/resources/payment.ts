import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

export const paymentResource: ResourceSpec = {
	value: 'payment',
	name: 'Payment',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many payments',
			description: 'Get payments (top-ups and purchases). Type and status values are returned in Russian, as the API sends them.',
			method: 'GET',
			path: '/payment',
			list: { records: 'items', pagination: { style: 'psbPage', maxPageSize: 1000 } },
			ref: 'psb.payment.getAll',
			fields: [
				f.options(
					'sortBy',
					'Sort By',
					[
						{ name: 'Date', value: 'date' },
						{ name: 'ID', value: 'id' },
						{ name: 'Status', value: 'status' },
						{ name: 'Type', value: 'type' },
					],
					{ in: 'query', at: 'options', default: 'id', description: 'Field to sort the payments by' },
				),
				f.options(
					'sortOrder',
					'Sort Order',
					[
						{ name: 'Ascending', value: 'ASC' },
						{ name: 'Descending', value: 'DESC' },
					],
					{ in: 'query', at: 'options', default: 'DESC' },
				),
			],
		},
	],
};
