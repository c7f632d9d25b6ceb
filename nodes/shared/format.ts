import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import type { FieldFormat, FieldSpec } from './types';

const DATE_FORMATS: Partial<Record<FieldFormat, string>> = {
	date: 'yyyy-MM-dd',
	dateTime: 'yyyy-MM-dd HH:mm:ss',
};

/** Parses what n8n gives for a date-time parameter (ISO text, a luxon DateTime, a Date, epoch ms). */
export function toDateTime(value: unknown, zone?: string): DateTime | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed: DateTime;
	if (DateTime.isDateTime(value)) parsed = value;
	else if (value instanceof Date) parsed = DateTime.fromJSDate(value);
	else if (typeof value === 'number') parsed = DateTime.fromMillis(value);
	else {
		const text = String(value).trim();
		parsed = DateTime.fromISO(text, { setZone: true });
		if (!parsed.isValid) parsed = DateTime.fromSQL(text, { setZone: true });
		if (!parsed.isValid) parsed = DateTime.fromRFC2822(text, { setZone: true });
	}
	if (!parsed.isValid) return undefined;
	return zone ? parsed.setZone(zone) : parsed;
}

/** Splits a comma-separated text (or passes an array) into trimmed, non-empty parts. */
export function toList(value: unknown): unknown[] {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) return value;
	return String(value)
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/** Reports a bad input value (the caller turns it into a NodeOperationError naming the parameter). */
export type Fail = (problem: string) => never;

/** Converts one field value into what the vendor expects; calls `fail` on bad input. */
export function convertValue(field: FieldSpec, value: unknown, fail: Fail): unknown {
	switch (field.format) {
		case 'date':
		case 'dateTime':
		case 'iso': {
			if (value === '' || value === undefined || value === null) return value;
			const parsed = toDateTime(value);
			if (!parsed) return fail(`"${String(value)}" is not a valid date`);
			if (field.format === 'iso') return parsed.toUTC().toISO();
			return parsed.toFormat(DATE_FORMATS[field.format] as string);
		}
		case 'csv':
			return toList(value).join(',');
		case 'list':
			return toList(value);
		case 'numberList':
		case 'numbers': {
			const numbers = toList(value).map((part) => {
				const n = Number(part);
				if (!Number.isFinite(n)) return fail(`"${String(part)}" is not a number`);
				return n;
			});
			return field.format === 'numbers' && numbers.length === 1 ? numbers[0] : numbers;
		}
		case 'number': {
			const n = typeof value === 'number' ? value : Number(String(value).trim());
			if (String(value).trim() === '' || !Number.isFinite(n)) return fail(`"${String(value)}" is not a number`);
			return n;
		}
		case 'json': {
			if (typeof value !== 'string') return value;
			if (value.trim() === '') return undefined;
			try {
				return JSON.parse(value);
			} catch {
				return fail('is not valid JSON');
			}
		}
		case 'cpf': {
			if (value === '' || value === undefined || value === null) return value;
			const digits = String(value).replace(/\D/g, '');
			if (digits.length !== 11) return fail(`"${String(value)}" is not a CPF (11 digits expected, got ${digits.length})`);
			return digits;
		}
		case 'integer': {
			const text = String(value).trim();
			if (!/^-?\d+$/.test(text)) return fail(`"${String(value)}" is not a whole number`);
			// beyond Number's exact range the digits are sent as text rather than rounded
			return Number.isSafeInteger(Number(text)) ? Number(text) : text;
		}
		case 'flag':
			return value === true || value === 'true' || value === 1 ? 1 : undefined;
		case 'null':
			return value === true || value === 'true' ? null : undefined;
		default:
			break;
	}
	if (field.type === 'number' && (typeof value === 'string' || typeof value === 'number')) {
		// an expression in a number field gives text; anything but a number in it is refused
		const n = typeof value === 'string' && value.trim() === '' ? NaN : Number(value);
		return Number.isFinite(n) ? n : fail(`"${String(value)}" is not a number`);
	}
	if (field.type === 'fixedCollection' && field.values) {
		const rows = ((value as IDataObject)?.values ?? []) as IDataObject[];
		const list = Array.isArray(rows) ? rows : [rows];
		return list.map((row) => {
			const out: IDataObject = {};
			for (const child of field.values ?? []) {
				if (row[child.name] === undefined || row[child.name] === '') continue;
				out[child.key ?? child.name] = convertValue(child, row[child.name], fail) as IDataObject[string];
			}
			return out;
		});
	}
	return value;
}

/** A dotted wire key nests the value (`filters.emails`); bracket keys are literal. */
export const isDotted = (key: string) => key.includes('.') && !key.includes('[');
