import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

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
