import { safeEqual } from '../shared/secrets';

/**
 * Whether one of the request headers carries the signature. Provi documents that the signature
 * "will be sent in headers" without naming the header, so every header value is checked
 * (also as `Bearer <signature>` and in comma-separated lists).
 */
export function headersCarrySignature(
	headers: Record<string, string | string[] | undefined>,
	signature: string,
): boolean {
	if (!signature) return false;
	let found = false;
	for (const raw of Object.values(headers)) {
		const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [String(raw)];
		for (const value of values) {
			const candidates = [value, ...value.split(',')].map((v) => v.trim().replace(/^Bearer\s+/i, ''));
			// no early exit: every header is compared
			for (const candidate of candidates) if (safeEqual(candidate, signature)) found = true;
		}
	}
	return found;
}
