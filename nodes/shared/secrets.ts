import { timingSafeEqual } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

/**
 * Secrets: kept out of everything the package shows (redaction in every form a JSON or URL text
 * carries them), and compared in constant time.
 */

/**
 * Constant-time comparison of a secret a request carries with the one expected: false when the
 * lengths differ, and always false for an empty expected secret (nothing to verify against).
 */
export function safeEqual(given: string, expected: string): boolean {
	const left = Buffer.from(given, 'utf8');
	const right = Buffer.from(expected, 'utf8');
	if (!right.length || left.length !== right.length) return false;
	return timingSafeEqual(left, right);
}

const REDACTED = '[redacted]';

const hexCase = (byte: number) =>
	byte
		.toString(16)
		.padStart(2, '0')
		.replace(/[a-f]/g, (h) => `[${h}${h.toUpperCase()}]`);

/** One character (code point) of a secret in every form a JSON or URL text can carry it. */
function charForms(char: string): string {
	const raw = char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
	const percent = [...Buffer.from(char, 'utf8')].map((byte) => `%${hexCase(byte)}`).join('');
	let unicode = '';
	for (let i = 0; i < char.length; i++) {
		const unit = char.charCodeAt(i);
		unicode += `\\\\u${hexCase(unit >> 8)}${hexCase(unit & 0xff)}`;
	}
	const forms = [raw, percent, unicode];
	if (char === '/' || char === '"' || char === '\\') forms.push(`\\\\${raw}`);
	return `(?:${forms.join('|')})`;
}

const patterns = new Map<string, RegExp>();

/**
 * Matches any of the secrets written raw, JSON-escaped (`\/`, `\uXXXX`) or percent-encoded (upper or
 * lower case hex), character by character in any mix of these. Built once per set of secrets.
 */
export function secretPattern(secrets: string[]): RegExp | undefined {
	if (!secrets.length) return undefined;
	const key = secrets.join('\u0000');
	let pattern = patterns.get(key);
	if (!pattern) {
		const bySize = [...new Set(secrets)].sort((a, b) => b.length - a.length);
		pattern = new RegExp(bySize.map((secret) => [...secret].map(charForms).join('')).join('|'), 'g');
		if (patterns.size > 50) patterns.clear();
		patterns.set(key, pattern);
	}
	return pattern;
}

/** Whether a text holds a secret in any of its forms. */
export function holdsSecret(value: string, secrets: string[]): boolean {
	const pattern = secretPattern(secrets);
	if (!pattern) return false;
	pattern.lastIndex = 0;
	return pattern.test(value);
}

/** Replaces every secret (raw, JSON-escaped or percent-encoded) in a text. */
export function redactText(value: string, secrets: string[]): string {
	const pattern = secretPattern(secrets);
	return pattern ? value.replace(pattern, REDACTED) : value;
}

/** A copy of a value with every secret replaced in its strings (keys included). */
export function redactDeep<T>(value: T, secrets: string[]): T {
	if (!secrets.length) return value;
	if (typeof value === 'string') return redactText(value, secrets) as T;
	if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets)) as T;
	if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
		const out: IDataObject = {};
		for (const [k, v] of Object.entries(value as IDataObject)) out[redactText(k, secrets)] = redactDeep(v, secrets);
		return out as T;
	}
	return value;
}
