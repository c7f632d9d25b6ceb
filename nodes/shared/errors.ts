import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { redactDeep, redactText } from './secrets';

export interface VendorError {
	message?: string;
	details: string[];
}

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Is this text an HTML page (an error page of a proxy or a web server)? */
export const isHtml = (value: string) => /^\s*(<!doctype html|<html|<head|<body)/i.test(value);

/** The title and the first words of an HTML page, instead of its markup. */
export function htmlSummary(html: string): { title?: string; text: string } {
	const title = text(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.replace(/\s+/g, ' '));
	const body = html
		.replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/\s+/g, ' ')
		.trim();
	return { title, text: body.length > 200 ? `${body.slice(0, 200)}...` : body };
}

/**
 * Reads the vendor's own error message out of a response body. Understands:
 * - Laravel: `{message, errors: {field: [msg, ...]}}`
 * - Provi: `{error: {name, message}}` and `{name: 'ValidationError', errors: [{name, message}]}`
 * - FastAPI (PSB Hosting): `{detail: 'text'}` and `{detail: [{loc: [...], msg}]}`
 * - REMP / generic: `{message}`, `{error: 'text'}`, `{errors: ['text']}`
 * - an HTML error page: its title, then its first words
 */
export function readVendorError(body: unknown): VendorError {
	const details: string[] = [];
	if (typeof body === 'string') {
		if (isHtml(body)) {
			const page = htmlSummary(body);
			return { message: page.title ?? text(page.text), details: page.title && page.text ? [page.text] : [] };
		}
		return { message: text(body.length > 300 ? `${body.slice(0, 300)}...` : body), details };
	}
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
	429: 'Too many requests - lower Concurrency under Request Options, or try again later',
	500: 'The service failed to process your request',
	502: 'Bad gateway - the service is not reachable',
	503: 'Service unavailable - try again later',
	504: 'Gateway timeout - the service did not answer in time',
};

/** Builds the NodeApiError for an HTTP error response, carrying the vendor's own message and code. */
export function apiError(
	node: INode,
	vendor: string,
	statusCode: number,
	body: unknown,
	itemIndex: number,
	secrets: string[] = [],
): NodeApiError {
	const safeBody = redactDeep(body, secrets);
	const { message, details } = readVendorError(safeBody);
	const generic = STATUS_TEXT[statusCode] ?? `Request failed with status code ${statusCode}`;
	const description = [message ? `${generic}.` : undefined, ...details].filter(Boolean).join('\n');
	const errorBody: JsonObject =
		safeBody && typeof safeBody === 'object' && !Array.isArray(safeBody)
			? (safeBody as JsonObject)
			: { message: message ?? generic };
	return new NodeApiError(node, errorBody, {
		message: `${vendor}: ${message ?? generic} [HTTP ${statusCode}]`,
		description: description || undefined,
		httpCode: String(statusCode),
		itemIndex,
	});
}

/** An error that is not an HTTP error status (network, timeout, unusable body); never echoes request options. */
export function transportError(
	node: INode,
	vendor: string,
	message: string,
	options: { itemIndex: number; description?: string; code?: string; httpCode?: number; secrets?: string[] },
): NodeApiError {
	const secrets = options.secrets ?? [];
	const safe = redactText(`${vendor}: ${message}`, secrets);
	const description = options.description ? redactText(options.description, secrets) : undefined;
	const error = new NodeApiError(
		node,
		{ message: safe },
		{
			message: safe,
			description,
			itemIndex: options.itemIndex,
			...(options.httpCode ? { httpCode: String(options.httpCode) } : {}),
		},
	);
	// Kept in the context, not the response: n8n would swap the message for its generic text of the code.
	if (options.code) error.context.code = options.code;
	return error;
}

const NETWORK_TEXT: Record<string, string> = {
	ECONNREFUSED: 'The service refused the connection - perhaps it is offline',
	ECONNRESET: 'The connection to the service was reset',
	ENOTFOUND: 'The host name of the service could not be resolved',
	EAI_AGAIN: 'The host name of the service could not be resolved',
	EPIPE: 'The connection to the service was closed while sending',
	EHOSTUNREACH: 'The host of the service is unreachable',
	ECONNABORTED: 'The service did not answer in time',
	ETIMEDOUT: 'The service did not answer in time',
	CERT_HAS_EXPIRED: 'The TLS certificate of the service has expired',
};

/** What to tell the user about a network failure with this code. */
export const networkText = (code: string | undefined, fallback: string) =>
	(code && NETWORK_TEXT[code]) ?? fallback;
