import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';
import { CLASS_ATTEND_TYPES, CLASS_DURATIONS, CLASS_MODALITIES, CLASS_PERIODS, CLASS_TIMES, CLASS_TYPES } from '../options';

import { classCourseFilter, courseClassPath, courseField } from './common';

const typeIs = (values: number[]) => ({ courseClassTypeId: values });

const inPerson = { courseClassModalityId: [2, 3] };

export const courseClassResource: ResourceSpec = {
	value: 'courseClass',
	name: 'Course Class',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many course classes',
			description: 'List the classes of a course',
			method: 'GET',
			path: '/course-classes',
			list: { records: 'content', pagination: { style: 'provi', sizeParam: 'itemsPerPage' } },
			optionalIn: 'filters',
			ref: 'provi.courseClass.getAll',
			fields: [
				courseField({ in: 'query', key: 'CourseId', required: true, description: 'The course whose classes are listed' }),
				f.boolean('visible', 'Visible', { in: 'query', description: 'Whether to list only visible (on) or only invisible (off) classes' }),
			],
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a course class',
			description: 'Create a class (the variation of a course that is sold)',
			method: 'POST',
			path: '/course-classes',
			unwrap: 'content',
			optionalIn: 'additionalFields',
			ref: 'provi.courseClass.create',
			// Reference contradiction (README, Provi 2): `startsAt` as in the body, not the prose's `startAt`; the id
			// tables win over the prose for modality and period.
			fields: [
				// The reference sends CourseId as a string ("33954"); `csv` turns the chosen id into text.
				courseField({ key: 'CourseId', required: true, format: 'csv', description: 'The course the class belongs to' }),
				f.string('name', 'Name', { required: true, description: 'Name of the class' }),
				f.boolean('visible', 'Visible', { required: true, default: true, description: 'Whether the class is visible (only when its course is visible too)' }),
				f.options('courseClassTypeId', 'Type', CLASS_TYPES, { key: 'CourseClassTypeId', required: true, default: 1 }),
				f.options('courseClassModalityId', 'Modality', CLASS_MODALITIES, { key: 'CourseClassModalityId', required: true, default: 1 }),
				f.options('courseClassAttendTypeId', 'Attend Type', CLASS_ATTEND_TYPES, {
					key: 'CourseClassAttendTypeId',
					required: true,
					default: 2,
					description: 'How the lessons are attended',
				}),
				f.string('startsAt', 'Starts At', {
					type: 'dateTime',
					format: 'date',
					required: true,
					showWhen: typeIs([1]),
					description: 'First day of the closed period (sent as YYYY-MM-DD)',
				}),
				f.string('endsAt', 'Ends At', {
					type: 'dateTime',
					format: 'date',
					required: true,
					showWhen: typeIs([1]),
					description: 'Last day of the closed period (sent as YYYY-MM-DD)',
				}),
				f.options('courseClassDurationId', 'Duration Unit', CLASS_DURATIONS, {
					key: 'CourseClassDurationId',
					required: true,
					default: 3,
					showWhen: typeIs([2]),
					description: 'Unit of the subscription duration',
				}),
				f.number('durationTime', 'Duration Time', {
					required: true,
					default: 1,
					minValue: 1,
					showWhen: { ...typeIs([2]), courseClassDurationId: [1, 2, 3, 4] },
					description: 'How many duration units the subscription lasts',
				}),
				f.options('campusId', 'Campus Name or ID', [], {
					key: 'CampusId',
					required: true,
					loadOptions: 'getCampus',
					showWhen: inPerson,
					default: '',
					description: 'The campus of in-person or hybrid classes',
				}),
				f.options('courseClassPeriodId', 'Period', CLASS_PERIODS, {
					key: 'CourseClassPeriodId',
					required: true,
					default: 2,
					showWhen: inPerson,
					description: 'Part-time or full-time (reference table: 1 = part-time, 2 = full-time)',
				}),
				f.options('courseClassTimeId', 'Time of Day', CLASS_TIMES, {
					key: 'CourseClassTimeId',
					required: true,
					default: 1,
					showWhen: { ...inPerson, courseClassPeriodId: [1] },
					description: 'When part-time lessons happen',
				}),
				f.number('priceInCents', 'Price (Cents)', {
					minValue: 3000,
					default: 3000,
					description: "Price of the class in cents: at least 3000 (R$ 30,00), at most the course's price. Defaults to the course's price.",
				}),
				f.number('gracePeriodDays', 'Grace Period (Days)', {
					minValue: 0,
					description: "Grace period in days; not less than the course's or partner's grace period",
				}),
				f.string('expiresAt', 'Expires At', {
					type: 'dateTime',
					format: 'iso',
					description: 'When the class automatically becomes invisible',
				}),
				f.string('partnerSKU', 'Partner SKU', { description: 'Your own key for this class; recommended' }),
			],
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a course class',
			method: 'DELETE',
			path: '/course-classes/{courseClassId}',
			ref: 'provi.courseClass.delete',
			fields: [classCourseFilter, courseClassPath],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a course class',
			method: 'GET',
			path: '/course-classes/{courseClassId}',
			unwrap: 'content',
			ref: 'provi.courseClass.get',
			fields: [classCourseFilter, courseClassPath],
		},
		{
			value: 'update',
			name: 'Update Visibility',
			action: 'Show or hide a course class',
			description: 'Make a course class visible or invisible (the only change the API allows)',
			method: 'PUT',
			path: '/course-classes/{courseClassId}',
			ref: 'provi.courseClass.update',
			fields: [
				classCourseFilter,
				courseClassPath,
				f.boolean('visible', 'Visible', { required: true, description: 'Whether the class is visible' }),
			],
		}
	],
};
