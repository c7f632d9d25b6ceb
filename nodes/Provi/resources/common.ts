import { f } from '../../shared/fields';
import type { FieldSpec } from '../../shared/types';

/** Course dropdown (numeric ids). */
export const courseField = (extra: Partial<FieldSpec> = {}): FieldSpec =>
	f.options('courseId', 'Course Name or ID', [], {
		loadOptions: 'getCourses',
		description: 'The course',
		...extra,
	});

/** Course chosen only to list its classes in the Course Class dropdown (not sent). */
export const classCourseFilter: FieldSpec = courseField({
	in: 'none',
	description: 'The course whose classes the Course Class list shows (not sent to Provi)',
	at: 'top',
	default: '',
});

export const courseClassPath: FieldSpec = f.path('courseClassId', 'Course Class Name or ID', {
	format: 'integer',
	type: 'options',
	loadOptions: 'getCourseClasses',
	loadOptionsDependsOn: ['courseId'],
	description: 'The course class (pick the course above to list its classes)',
});

/** `courses: [{id, courseClassId}]` of exclusive sales and campaigns. */
export const coursesCollection: FieldSpec = {
	displayName: 'Courses',
	name: 'courses',
	type: 'fixedCollection',
	default: {},
	in: 'body',
	required: true,
	multiple: true,
	placeholder: 'Add Course',
	description: 'The courses of the sale, each with the class sold',
	values: [
		courseField({ key: 'id', required: true, description: 'The course' }),
		f.options('courseClassId', 'Course Class Name or ID', [], {
			required: true,
			loadOptions: 'getCourseClasses',
			loadOptionsDependsOn: ['&courseId'],
			default: '',
			description: 'The class of this course that is sold',
		}),
	],
};

export const cpfField = (extra: Partial<FieldSpec> = {}): FieldSpec =>
	f.string('cpf', 'CPF', {
		format: 'cpf',
		placeholder: 'e.g. 123.456.789-09',
		description: 'CPF of the student; formatting is removed and 11 digits are sent',
		...extra,
	});

/** A date-only (YYYY-MM-DD) query filter. */
export const dateFilter = (name: string, displayName: string, description: string): FieldSpec =>
	f.date(name, displayName, { description });

/** A query filter whose values come from a dropdown (one value, or several). */
export const loaded = (
	name: string,
	displayName: string,
	loadOptions: string,
	description: string,
	multiple = false,
): FieldSpec => ({
	name,
	displayName,
	type: multiple ? 'multiOptions' : 'options',
	in: 'query',
	loadOptions,
	default: multiple ? [] : '',
	description,
});
