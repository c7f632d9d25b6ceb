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
			description: 'Get the products available for purchase',
			method: 'GET',
			path: '/products',
			list: { records: '' },
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

export const recipeResource: ResourceSpec = {
	value: 'recipe',
	name: 'Recipe',
	description: 'Software preinstalled on new PSB VPS and HIGH-CPU PSB VPS servers',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many recipes',
			description: 'Get the recipes available for PSB VPS and HIGH-CPU PSB VPS orders',
			method: 'GET',
			path: '/products/recipes',
			list: { records: '' },
			ref: 'psb.recipe.getAll',
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a recipe',
			method: 'GET',
			path: '/products/recipes/{recipe}',
			ref: 'psb.recipe.get',
			fields: [f.path('recipe', 'Recipe', { locator: 'searchRecipes', description: 'The recipe to get' })],
		},
	],
};
