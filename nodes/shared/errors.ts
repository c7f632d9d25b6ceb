import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export interface VendorError {
	message?: string;
	details: string[];
}

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * Reads the vendor's own error message out of a response body. Understands:
 * - Laravel: `{message, errors: {field: [msg, ...]}}`
 * - Provi: `{error: {name, message}}` and `{name: 'ValidationError', errors: [{name, message}]}`
 * - FastAPI (PSB Hosting): `{detail: 'text'}` and `{detail: [{loc: [...], msg}]}`
 * - REMP / generic: `{message}`, `{error: 'text'}`, `{errors: ['text']}`
 */
export function readVendorError(body: unknown): VendorError {
	const details: string[] = [];
	if (typeof body === 'string') return { message: text(body.slice(0, 500)), details };
	if (!body || typeof body !== 'object') return { details };
	const b = body as IDataObject;
	let message = text(b.message) ?? text(b.error) ?? text(b.detail) ?? text(b.title);
	if (b.error && typeof b.error === 'object' && !Array.isArray(b.error)) {
		const e = b.error as IDataObject;
		message = message ?? text(e.message);
		if (text(e.name) && message && !message.includes(String(e.name))) {
			details.push(`${String(e.name)}`);
		}
	}
	if (Array.isArray(b.detail)) {
		for (const entry of b.detail as IDataObject[]) {
			const loc = Array.isArray(entry?.loc) ? (entry.loc as unknown[]).filter((p) => p !== 'body').join('.') : '';
			const msg = text(entry?.msg) ?? text(entry?.message) ?? JSON.stringify(entry);
			details.push(loc ? `${loc}: ${msg}` : msg);
		}
	}
	const errors = b.errors;
	if (Array.isArray(errors)) {
		for (const entry of errors) {
			if (typeof entry === 'string') details.push(entry);
			else if (entry && typeof entry === 'object') {
				const e = entry as IDataObject;
				const label = text(e.field) ?? text(e.name) ?? text(e.property);
				const msg = text(e.message) ?? text(e.msg) ?? JSON.stringify(e);
				details.push(label ? `${label}: ${msg}` : msg);
			}
		}
	} else if (errors && typeof errors === 'object') {
		for (const [field, msgs] of Object.entries(errors as IDataObject)) {
			const list = Array.isArray(msgs) ? msgs : [msgs];
			details.push(`${field}: ${list.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ')}`);
		}
	}
	if (!message && details.length) message = details[0];
	if (!message && text(b.name)) message = String(b.name);
	return { message, details };
}

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad request',
	401: 'Authorization failed - please check your credentials',
	403: 'Forbidden - your credentials do not allow this request',
	404: 'The resource you are requesting could not be found',
	405: 'Method not allowed',
	409: 'Conflict',
	422: 'The request could not be processed (validation failed)',
	429: 'Too many requests - try spacing your requests out using the batching settings under Options',
	500: 'The service failed to process your request',
	502: 'Bad gateway - the service is not reachable',
	503: 'Service unavailable - try again later',
};

/** Builds the NodeApiError for an HTTP error response, carrying the vendor's own message and code. */
export function apiError(
	node: INode,
	vendor: string,
	statusCode: number,
	body: unknown,
	itemIndex: number,
): NodeApiError {
	const { message, details } = readVendorError(body);
	const generic = STATUS_TEXT[statusCode] ?? `Request failed with status code ${statusCode}`;
	const description = [message ? `${generic}.` : undefined, ...details].filter(Boolean).join('\n');
	const errorBody: JsonObject =
		body && typeof body === 'object' ? (body as JsonObject) : { message: String(body ?? '') };
	return new NodeApiError(node, errorBody, {
		message: `${vendor}: ${message ?? generic} [HTTP ${statusCode}]`,
		description: description || undefined,
		httpCode: String(statusCode),
		itemIndex,
	});
}

/** For network failures (no HTTP response): never echoes request options (they carry secrets). */
export function networkError(node: INode, vendor: string, error: Error, itemIndex: number): NodeApiError {
	const code = (error as { code?: string }).code;
	const message = `${vendor}: could not reach the API${code ? ` (${code})` : ''}: ${error.message}`;
	return new NodeApiError(
		node,
		{ message: error.message, ...(code ? { code } : {}) },
		{ message, itemIndex, description: 'Check the base URL in the credential and that the service is reachable.' },
	);
}
