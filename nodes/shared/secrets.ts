import { timingSafeEqual } from 'node:crypto';

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
