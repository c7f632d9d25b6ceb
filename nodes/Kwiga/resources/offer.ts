import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

import { offerLocator } from './common';

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
