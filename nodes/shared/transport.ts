import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { baseUrlOf, secretsOf } from './api';
import { apiError, isHtml, networkText, readVendorError, redactDeep, transportError } from './errors';
import { parseJson } from './json';
import type { ApiSpec, HttpMethod } from './types';

export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface ApiRequest {
	method: HttpMethod;
	/** Path relative to the base URL (`/contacts/1`). */
	url: string;
	qs?: IDataObject;
	body?: unknown;
	headers?: IDataObject;
}

export interface ApiResponse {
	statusCode: number;
	headers: IDataObject;
	/** Parsed JSON (or text); a Buffer for `binary` requests. */
	body: unknown;
}

/** Limits of one node run (Request Options). */
export interface TransportSettings {
	/** Bound on one exchange, headers and body included (a slow trickle cannot hold it). */
	timeoutMs: number;
	/** Retries of 429 (any method) and of 502/503/504 and connection resets (idempotent methods). */
	maxRetries: number;
	/** Requests in flight at once. */
	concurrency: number;
}

export const DEFAULT_SETTINGS: TransportSettings = { timeoutMs: 60_000, maxRetries: 3, concurrency: 5 };

/** A Retry-After longer than this is not waited for: the error says how long the API asked for. */
const MAX_RETRY_WAIT_MS = 5 * 60_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;
const MAX_REDIRECTS = 5;
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/**
 * Bounds the requests in flight. Polite under rate limits: a 429 halves the bound, and it grows
 * back by one after as many successes as it allows at once (additive increase).
 */
export class RateGate {
	private active = 0;

	private limit: number;

	private successes = 0;

	private readonly waiting: Array<() => void> = [];

	constructor(private readonly max: number) {
		this.limit = Math.max(1, max);
	}

	async acquire(): Promise<void> {
		if (this.active < this.limit) {
			this.active++;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	release(): void {
		this.active--;
		this.pump();
	}

	throttled(): void {
		this.limit = Math.max(1, Math.floor(this.limit / 2));
		this.successes = 0;
	}

	succeeded(): void {
		if (this.limit >= this.max || ++this.successes < this.limit) return;
		this.limit++;
		this.successes = 0;
		this.pump();
	}

	private pump(): void {
		while (this.active < this.limit && this.waiting.length) {
			this.active++;
			this.waiting.shift()!();
		}
	}
}

/**
 * Calls `fire` at `deadline` unless the returned cancel runs first. Built on AbortSignal.timeout,
 * whose timer never keeps the process alive (n8n Cloud rules forbid setTimeout in nodes).
 */
function atDeadline(deadline: number, fire: () => void): () => void {
	const signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
	signal.addEventListener('abort', fire, { once: true });
	return () => signal.removeEventListener('abort', fire);
}

/** Retry-After in ms (seconds or an HTTP date), undefined when absent or unreadable. */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(Array.isArray(value) ? value[0] : value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter. */
const backoffMs = (attempt: number) => Math.round(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));

const seconds = (ms: number) => `${Math.ceil(ms / 1000)} s`;

function errorCode(error: unknown): string | undefined {
	const e = error as { code?: unknown; cause?: { code?: unknown }; context?: { code?: unknown } };
	const code = e?.cause?.code ?? e?.code ?? e?.context?.code;
	return typeof code === 'string' ? code : undefined;
}

/** The part of a Node.js readable stream this module uses. */
interface ByteStream {
	on(event: string, listener: (...args: any[]) => void): unknown;
	pipe: unknown;
	destroy(): void;
}

const isStream = (value: unknown): value is ByteStream =>
	!!value && typeof value === 'object' && typeof (value as ByteStream).on === 'function' && typeof (value as ByteStream).pipe === 'function';

class Timeout extends Error {}

/** Reads a response body to the end, or fails at the deadline (a trickling server is cut off). */
async function readBody(body: unknown, deadline: number): Promise<Buffer> {
	if (Buffer.isBuffer(body)) return body;
	if (body === undefined || body === null) return Buffer.alloc(0);
	if (!isStream(body)) return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	return await new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = [];
		const cancel = atDeadline(deadline, () => {
			body.destroy();
			reject(new Timeout());
		});
		const fail = (error: unknown) => {
			cancel();
			reject(error);
		};
		body.on('data', (chunk: Buffer | string) => chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)));
		body.on('end', () => {
			cancel();
			resolve(Buffer.concat(chunks));
		});
		body.on('error', fail);
		body.on('aborted', () => fail(Object.assign(new Error('The response was cut off'), { code: 'ECONNRESET' })));
	});
}

/** Settles with the promise, or rejects with Timeout at the deadline (a late result is discarded). */
async function beforeDeadline<T>(promise: Promise<T>, deadline: number, discard: (late: T) => void): Promise<T> {
	return await new Promise<T>((resolve, reject) => {
		const cancel = atDeadline(deadline, () => {
			promise.then(discard, () => {});
			reject(new Timeout());
		});
		promise.then(
			(value) => {
				cancel();
				resolve(value);
			},
			(error: unknown) => {
				cancel();
				reject(error);
			},
		);
	});
}

/** What a failed attempt says about retrying it (kept off the error object, which n8n stores). */
const retryInfo = new WeakMap<object, { status: number; retryAfter?: number }>();

const header = (headers: IDataObject, name: string) => {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
};

/**
 * A vendor's API as seen from one node run (or one poll, one dropdown): its credential, base URL
 * and secrets, read once. Every request of the package goes out through `send`.
 */
export class Connection {
	readonly secrets: string[];

	private readonly origin: string;

	private constructor(
		private readonly ctx: RequestContext,
		readonly api: ApiSpec,
		readonly baseUrl: string,
		credentials: ICredentialDataDecryptedObject,
		readonly settings: TransportSettings,
		private readonly gate: RateGate,
	) {
		this.secrets = secretsOf(api, credentials);
		this.origin = new URL(baseUrl || 'invalid:').origin;
	}

	static async open(ctx: RequestContext, api: ApiSpec, settings: Partial<TransportSettings> = {}): Promise<Connection> {
		const credentials = await ctx.getCredentials(api.credential);
		const resolved = { ...DEFAULT_SETTINGS, ...settings };
		return new Connection(ctx, api, baseUrlOf(api.baseUrl, credentials), credentials, resolved, new RateGate(resolved.concurrency));
	}

	/** An error of this vendor that is not an HTTP error status. */
	error(message: string, itemIndex: number, extra: { description?: string; code?: string; httpCode?: number } = {}) {
		return transportError(this.ctx.getNode(), this.api.displayName, message, { itemIndex, secrets: this.secrets, ...extra });
	}

	/**
	 * Sends one request: credential applied by n8n (`httpRequestWithAuthentication`), same-host
	 * redirects followed and cross-host ones refused, retries with backoff, a total deadline per
	 * exchange, and the body checked. HTTP errors become NodeApiErrors with the vendor's message.
	 */
	async send(request: ApiRequest, itemIndex: number, options: { binary?: boolean } = {}): Promise<ApiResponse> {
		for (let attempt = 0; ; attempt++) {
			let outcome: { response?: ApiResponse; failure?: unknown };
			await this.gate.acquire();
			try {
				outcome = { response: await this.follow(request, itemIndex, options.binary === true) };
			} catch (failure) {
				outcome = { failure };
			} finally {
				this.gate.release();
			}
			const wait = this.retryWait(request.method, outcome, attempt, itemIndex);
			if (wait === undefined) {
				if (outcome.failure) throw outcome.failure;
				const response = outcome.response as ApiResponse;
				this.gate.succeeded();
				return response;
			}
			await sleep(wait);
		}
	}

	/** How long to wait before trying again, or undefined to stop here (and throw the last error). */
	private retryWait(method: string, outcome: { response?: ApiResponse; failure?: unknown }, attempt: number, itemIndex: number) {
		const info = outcome.failure && typeof outcome.failure === 'object' ? retryInfo.get(outcome.failure) : undefined;
		const status = info?.status;
		const code = errorCode(outcome.failure);
		const retryable =
			status === 429 ||
			(IDEMPOTENT.has(method) && ((status !== undefined && [502, 503, 504].includes(status)) || RESET_CODES.has(code ?? '')));
		if (!retryable) return undefined;
		if (status === 429) this.gate.throttled();
		const asked = info?.retryAfter;
		if (asked !== undefined && asked > MAX_RETRY_WAIT_MS) {
			throw this.error(`asked to wait ${seconds(asked)} before trying again (HTTP ${status}); that is longer than this node waits`, itemIndex, {
				httpCode: status,
				description: 'Run the workflow again later.',
			});
		}
		if (attempt >= this.settings.maxRetries) {
			if (attempt > 0) (outcome.failure as Error).message += ` (gave up after ${attempt} ${attempt === 1 ? 'retry' : 'retries'}${asked !== undefined ? `; the API asked to wait ${seconds(asked)}` : ''})`;
			return undefined;
		}
		return asked ?? backoffMs(attempt);
	}

	/** One exchange plus its same-origin redirects. */
	private async follow(request: ApiRequest, itemIndex: number, binary: boolean): Promise<ApiResponse> {
		let method = request.method;
		let body = request.body;
		let qs = request.qs;
		let url = `${this.baseUrl}${request.url}`;
		for (let hop = 0; ; hop++) {
			const response = await this.exchange({ ...request, method, body, qs, url }, itemIndex, binary);
			const location = header(response.headers, 'location');
			if (response.statusCode < 300 || response.statusCode >= 400 || !location) return this.check(response, itemIndex);
			const next = new URL(location, url);
			if (next.origin !== this.origin) {
				throw this.error(`redirected the request to another host (${next.host}); it was not followed, so the credentials stay with ${new URL(this.origin).host}`, itemIndex, {
					httpCode: response.statusCode,
					description: 'Check the base URL in the credential: the API answered with a redirect to a different host.',
				});
			}
			if (hop >= MAX_REDIRECTS) throw this.error(`redirected more than ${MAX_REDIRECTS} times`, itemIndex);
			if (response.statusCode === 303 || ([301, 302].includes(response.statusCode) && method !== 'GET')) {
				method = 'GET';
				body = undefined;
			}
			qs = undefined;
			url = next.href;
		}
	}

	/** One HTTP exchange through n8n's helper, bounded by the deadline; the body read and parsed. */
	private async exchange(request: ApiRequest, itemIndex: number, binary: boolean): Promise<ApiResponse> {
		const deadline = Date.now() + this.settings.timeoutMs;
		const headers: IDataObject = { Accept: 'application/json', ...(request.headers ?? {}) };
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			qs: request.qs,
			body: request.body as IHttpRequestOptions['body'],
			headers,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: this.settings.timeoutMs,
			...(this.api.arrayFormat ? { arrayFormat: this.api.arrayFormat } : {}),
		};
		const timedOut = () =>
			this.error(`no complete response within ${seconds(this.settings.timeoutMs)}; the request was abandoned`, itemIndex, {
				code: 'ETIMEDOUT',
				description: 'The API did not finish answering in time. Raise Timeout under Request Options if it is slow.',
			});
		let raw: { statusCode: number; headers: IDataObject; body: unknown };
		try {
			raw = await beforeDeadline(
				this.ctx.helpers.httpRequestWithAuthentication.call(this.ctx, this.api.credential, options) as Promise<typeof raw>,
				deadline,
				(late) => isStream(late?.body) && late.body.destroy(),
			);
		} catch (error) {
			if (error instanceof Timeout) throw timedOut();
			throw this.networkError(error, itemIndex);
		}
		let bytes: Buffer;
		try {
			bytes = await readBody(raw.body, deadline);
		} catch (error) {
			if (error instanceof Timeout) throw timedOut();
			throw this.networkError(error, itemIndex);
		}
		return { statusCode: raw.statusCode, headers: (raw.headers ?? {}) as IDataObject, body: this.parse(bytes, raw, itemIndex, binary) };
	}

	private networkError(error: unknown, itemIndex: number) {
		const code = errorCode(error) ?? ((error as Error)?.message === 'socket hang up' ? 'ECONNRESET' : undefined);
		const reason = networkText(code, String((error as Error)?.message ?? 'unknown error'));
		// The code goes in the description: in the message n8n would replace the text with its generic one.
		return this.error(`could not complete the request: ${reason}`, itemIndex, {
			code,
			description: `${code ? `Network error ${code}. ` : ''}Check the base URL in the credential and that the service is reachable.`,
		});
	}

	/** The body as JSON (or text, or bytes for files); a 2xx body that is not what an API sends is an error. */
	private parse(bytes: Buffer, raw: { statusCode: number; headers?: unknown }, itemIndex: number, binary: boolean): unknown {
		const ok = raw.statusCode < 300;
		if (binary && ok) return bytes;
		if (!bytes.length) return undefined;
		const contentType = header((raw.headers ?? {}) as IDataObject, 'content-type') ?? '';
		const text = bytes.toString('utf8');
		let body: unknown = text;
		const looksJson = /json/i.test(contentType) || /^\s*[[{]/.test(text);
		if (looksJson) {
			try {
				body = parseJson(text);
			} catch {
				if (ok) {
					throw this.error(`returned a response that is not valid JSON (HTTP ${raw.statusCode})`, itemIndex, {
						description: `The start of the response: ${JSON.stringify(text.slice(0, 120))}`,
					});
				}
			}
		} else if (ok && isHtml(text)) {
			const { message } = readVendorError(text);
			throw this.error(`returned an HTML page instead of JSON (HTTP ${raw.statusCode}${message ? `: ${message}` : ''})`, itemIndex, {
				description: 'Check the base URL in the credential: it may point at a website or a proxy rather than the API.',
			});
		}
		return this.secrets.some((s) => bytes.includes(s)) ? redactDeep(body, this.secrets) : body;
	}

	/** HTTP error statuses become NodeApiErrors with the vendor's own message. */
	private check(response: ApiResponse, itemIndex: number): ApiResponse {
		if (response.statusCode < 400) return response;
		const error = apiError(this.ctx.getNode(), this.api.displayName, response.statusCode, response.body, itemIndex, this.secrets);
		retryInfo.set(error, { status: response.statusCode, retryAfter: retryAfterMs(header(response.headers, 'retry-after')) });
		throw error;
	}
}
