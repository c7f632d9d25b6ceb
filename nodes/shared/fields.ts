import type { FieldGroup, FieldPlacement, FieldSpec, OperationSpec } from './types';

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
	/** A switch that sends `null` for `key` (clears a value), nothing when off. */
	clear: (name: string, displayName: string, key: string, extra: Extra = {}): FieldSpec => ({
		name,
		displayName,
		type: 'boolean',
		in: 'body',
		key,
		format: 'null',
		default: false,
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

/**
 * Where a field is shown: required and path fields at the top level, an optional field where
 * its `at` says, else in its operation's `optionalIn` collection. An optional field with neither
 * is a mistake in the data (its place would be a guess), reported when the node is built.
 */
export function placementOf(field: FieldSpec, op: OperationSpec): FieldPlacement {
	if (field.required || field.in === 'path') return 'top';
	const at = field.at ?? op.optionalIn;
	if (!at) throw new Error(`${op.ref}: field "${field.name}" is optional but has no "at" and the operation no "optionalIn"`);
	return at;
}

/**
 * An operation's fields by where the editor shows them: the top level in the data's order, and each
 * collection sorted as the editor lists it (so a request body keeps a stable key order too).
 */
export function fieldLayout(op: OperationSpec, fields: FieldSpec[] = op.fields ?? []): { top: FieldSpec[]; groups: Array<[FieldGroup, FieldSpec[]]> } {
	const top: FieldSpec[] = [];
	const groups = new Map<FieldGroup, FieldSpec[]>();
	for (const field of fields) {
		const at = placementOf(field, op);
		if (at === 'top') top.push(field);
		else groups.set(at, [...(groups.get(at) ?? []), field]);
	}
	for (const grouped of groups.values()) grouped.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { top, groups: [...groups] };
}
