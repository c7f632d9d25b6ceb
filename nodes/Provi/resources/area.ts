import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

export const areaResource: ResourceSpec = {
	value: 'area',
	name: 'Area',
	description: 'Macro and micro areas (course categories)',
	defaultOperation: 'getMacroAreas',
	operations: [
		{
			value: 'getMacroAreas',
			name: 'Get Macro Areas',
			action: 'Get macro areas',
			method: 'GET',
			path: '/areas/macro',
			list: { records: 'content' },
			ref: 'provi.macroArea.getAll',
		},
		{
			value: 'getMicroAreas',
			name: 'Get Micro Areas',
			action: 'Get the micro areas of a macro area',
			method: 'GET',
			path: '/areas/micro-area-group/{macroAreaId}',
			list: { records: 'content' },
			ref: 'provi.microArea.getAllByMacroArea',
			fields: [
				f.path('macroAreaId', 'Macro Area Name or ID', {
					format: 'integer',
					type: 'options',
					loadOptions: 'getMacroAreas',
					description: 'The macro area',
				}),
			],
		},
	],
};
