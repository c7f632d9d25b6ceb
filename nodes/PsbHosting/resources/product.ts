import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

import { PSB_RECORDS } from './common';

export const productResource: ResourceSpec = {
	value: 'product',
	name: 'Product',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many products',
			description: 'Get the products available for purchase',
			method: 'GET',
			path: '/products',
			list: { records: PSB_RECORDS },
			optionalIn: 'filters',
			ref: 'psb.product.getAll',
			fields: [
				f.string('types', 'Types', {
					in: 'query',
					placeholder: 'e.g. VPS',
					description: 'Only products of these types (e.g. VPS)',
				}),
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a product',
			method: 'GET',
			path: '/products/{product}',
			ref: 'psb.product.get',
			fields: [f.path('product', 'Product', { locator: 'searchProducts', description: 'The product to get' })],
		},
	],
};
