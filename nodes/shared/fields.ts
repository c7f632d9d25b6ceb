import type { FieldSpec } from './types';

const firstValue = (options: FieldSpec['options']) => options?.[0]?.value ?? '';

type Extra = Partial<FieldSpec>;

/** Builders for the common field shapes; each returns a plain FieldSpec. */
export const f = {
	/** A path id; with `locator` it becomes a resource locator (from list / by ID). */
	path: (name: string, displayName: string, extra: Extra = {}): FieldSpec => ({
		name,
		displayName,
		type: 'string',
		in: 'path',
		required: true,
		default: '',
		...extra,
	}),
	string: (name: string, displayName: string, extra: Extra = {}): FieldSpec => ({
		name,
		displayName,
		type: 'string',
		in: 'body',
		default: '',
		...extra,
	}),
	number: (name: string, displayName: string, extra: Extra = {}): FieldSpec => ({
		name,
		displayName,
		type: 'number',
		in: 'body',
		default: 0,
		...extra,
	}),
	boolean: (name: string, displayName: string, extra: Extra = {}): FieldSpec => ({
		name,
		displayName,
		type: 'boolean',
		in: 'body',
		default: false,
		...extra,
	}),
	date: (name: string, displayName: string, extra: Extra = {}): FieldSpec => ({
		name,
		displayName,
		type: 'dateTime',
		in: 'query',
		format: 'date',
		default: '',
		...extra,
	}),
	/** Comma-separated text (or an expression giving an array) sent as a list. */
	list: (name: string, displayName: string, extra: Extra = {}): FieldSpec => ({
		name,
		displayName,
		type: 'string',
		in: 'body',
		format: 'list',
		placeholder: 'e.g. 1,2,3',
		default: '',
		...extra,
	}),
	options: (name: string, displayName: string, options: FieldSpec['options'], extra: Extra = {}): FieldSpec => ({
		name,
		displayName,
		type: 'options',
		in: 'body',
		options,
		default: firstValue(options),
		...extra,
	}),
	json: (name: string, displayName: string, extra: Extra = {}): FieldSpec => ({
		name,
		displayName,
		type: 'json',
		in: 'body',
		format: 'json',
		default: '{}',
		...extra,
	}),
};
