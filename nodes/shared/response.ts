import type { IDataObject } from 'n8n-workflow';

import type { ListSpec } from './types';

/** Reads `a.b.c` from an object; `''` returns the object itself. */
export function pick(body: unknown, path: string): unknown {
	if (!path) return body;
	let current: unknown = body;
	for (const part of path.split('.')) {
		if (!current || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[part];
	}
	return current;
}

const isObject = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);

/** Output records from array entries (primitives become `{value}`). */
const asRecords = (values: unknown[]): IDataObject[] => values.map((v) => (isObject(v) ? v : { value: v as string }));

const paths = (records: ListSpec['records']) => (Array.isArray(records) ? records : [records]);

/** Describes where a list's records were expected, for error messages. */
export const recordsLabel = (records: ListSpec['records']) =>
	paths(records).map((p) => (p ? `"${p}"` : 'a bare array')).join(' or ');

/**
 * The records of a list response, or undefined when the body holds no list where expected. With
 * `kindField`, the records of every path, each with its path under that field.
 */
export function listRecords(body: unknown, records: ListSpec['records'], kindField?: string): IDataObject[] | undefined {
	if (kindField) {
		const found = paths(records).filter((path) => Array.isArray(pick(body, path)));
		if (!found.length) return undefined;
		return found.flatMap((path) => asRecords(pick(body, path) as unknown[]).map((record) => ({ [kindField]: path, ...record })));
	}
	for (const path of paths(records)) {
		const value = pick(body, path);
		if (Array.isArray(value)) return asRecords(value);
	}
	return undefined;
}

/** The fields of a list response next to its records (totals, counters, paging). */
export function listSiblings(body: unknown, records: ListSpec['records']): IDataObject {
	if (!isObject(body)) return {};
	const skip = new Set(paths(records).map((p) => p.split('.')[0]));
	return Object.fromEntries(Object.entries(body).filter(([key]) => !skip.has(key)));
}

const isEmptyBody = (body: unknown) => body === undefined || body === null || body === '';

/**
 * Output records of a single-object response. `unwrap` takes the record out of its envelope
 * (`{data: {...}}`); the envelope's other fields (`metadata`, `message`, `contact_id`) are kept on
 * the record, under `envelope` when the record has a field of the same name.
 */
export function singleRecords(body: unknown, unwrap?: string): IDataObject[] {
	if (isEmptyBody(body) || body === true) return [{ success: true }];
	if (!isObject(body) && !Array.isArray(body)) return [{ response: body as string }];
	if (!unwrap || !isObject(body)) return Array.isArray(body) ? asRecords(body) : [body];
	const inner = pick(body, unwrap);
	if (inner === undefined || inner === null) return [body];
	const siblings = Object.entries(body).filter(([key]) => key !== unwrap.split('.')[0]);
	const keep = (record: IDataObject) => {
		const out: IDataObject = { ...record };
		const clashes: IDataObject = {};
		for (const [key, value] of siblings) {
			if (key in out) clashes[key] = value;
			else out[key] = value;
		}
		if (Object.keys(clashes).length) out.envelope = clashes;
		return out;
	};
	if (Array.isArray(inner)) return asRecords(inner).map(keep);
	return [keep(isObject(inner) ? inner : { value: inner as string })];
}

/** Keys an error envelope is made of; a 200 body of only these, with an error in it, is an error. */
const ERROR_KEYS = new Set([
	'error',
	'errors',
	'detail',
	'message',
	'status',
	'statusCode',
	'status_code',
	'code',
	'name',
	'stack',
	'success',
	'ok',
	'title',
	'type',
	'timestamp',
	'path',
]);

/** Whether a successful (2xx) body is in fact a vendor error envelope (`{error: ...}`, `{detail: ...}`). */
export function isErrorEnvelope(body: unknown): boolean {
	if (!isObject(body)) return false;
	const keys = Object.keys(body);
	if (!keys.length || !keys.every((key) => ERROR_KEYS.has(key))) return false;
	const { error, detail } = body;
	const hasError =
		(typeof error === 'string' && error.trim() !== '') || isObject(error) || (Array.isArray(error) && error.length > 0);
	const hasDetail = (typeof detail === 'string' && detail.trim() !== '') || Array.isArray(detail);
	return hasError || hasDetail || body.success === false || body.ok === false;
}

/**
 * JSON.parse, except that integers beyond Number's exact range (IDs such as 9007199254740993)
 * come out as text rather than rounded. The text is only rewritten when it holds such a number.
 */
export function parseJson(text: string): unknown {
	if (!/\d{16}/.test(text)) return JSON.parse(text);
	let out = '';
	let from = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') {
			// skip the string, escapes included
			for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
			continue;
		}
		if (c !== '-' && (c < '0' || c > '9')) continue;
		let end = i + 1;
		while (end < text.length && /[\d.eE+-]/.test(text[end])) end++;
		const token = text.slice(i, end);
		if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) {
			out += `${text.slice(from, i)}"${token}"`;
			from = end;
		}
		i = end - 1;
	}
	return JSON.parse(out + text.slice(from));
}
