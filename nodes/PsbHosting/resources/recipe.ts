import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

import { PSB_RECORDS } from './common';

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
			list: { records: PSB_RECORDS },
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
