import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

const coursePath = f.path('courseId', 'Course Name or ID', {
	format: 'integer',
	type: 'options',
	loadOptions: 'getCourses',
	description: 'The course',
});

export const courseResource: ResourceSpec = {
	value: 'course',
	name: 'Course',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many courses',
			method: 'GET',
			path: '/courses',
			list: { records: 'content', pagination: { style: 'provi', sizeParam: 'itemsPerPage' } },
			ref: 'provi.course.getAll',
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a course',
			description: 'Create a course (the asset sold through its classes)',
			method: 'POST',
			path: '/courses',
			unwrap: 'content',
			optionalIn: 'additionalFields',
			ref: 'provi.course.create',
			// Reference contradiction (README, Provi 1): priceInCents and internalPartnerProductId as in the saved
			// example, not the request sample's `price`; MacroAreaId (only in an error example) is not sent.
			fields: [
				f.options('macroAreaId', 'Macro Area Name or ID', [], {
					in: 'none',
					required: true,
					loadOptions: 'getMacroAreas',
					description: 'The macro area, used to list its micro areas (not sent)',
				}),
				f.options('microAreaId', 'Micro Area Name or ID', [], {
					key: 'MicroAreaId',
					required: true,
					loadOptions: 'getMicroAreas',
					loadOptionsDependsOn: ['macroAreaId'],
					description: 'The micro area the course belongs to',
				}),
				f.string('name', 'Name', { required: true, description: 'Name of the course' }),
				f.string('description', 'Description', {
					required: true,
					typeOptions: { rows: 3 },
					description: 'Description shown to students',
				}),
				f.number('priceInCents', 'Maximum Price (Cents)', {
					required: true,
					minValue: 0,
					description: 'Maximum price of the course in cents (R$ 2.000,00 = 200000); classes may be cheaper',
				}),
				f.number('workload', 'Workload (Hours)', { required: true, minValue: 0, description: 'Workload of the course in hours' }),
				f.boolean('hasSelectionProcess', 'Has Selection Process', {
					required: true,
					description: 'Whether students go through a selection process',
				}),
				f.boolean('visible', 'Visible', { required: true, default: true, description: 'Whether the course is visible' }),
				f.string('internalPartnerProductId', 'Internal Partner Product ID', {
					description: 'Your own key (SKU) for this course; recommended',
				}),
			],
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a course',
			method: 'DELETE',
			path: '/courses/{courseId}',
			ref: 'provi.course.delete',
			fields: [coursePath],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a course',
			method: 'GET',
			path: '/courses/{courseId}',
			unwrap: 'content',
			ref: 'provi.course.get',
			fields: [coursePath],
		},
		{
			value: 'update',
			name: 'Update Visibility',
			action: 'Show or hide a course',
			description: 'Make a course visible or invisible (the only change the API allows)',
			method: 'PUT',
			path: '/courses/{courseId}',
			ref: 'provi.course.update',
			fields: [coursePath, f.boolean('visible', 'Visible', { required: true, description: 'Whether the course is visible' })],
		}
	],
};
