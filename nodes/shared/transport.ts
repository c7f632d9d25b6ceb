import type {
	IAdditionalCredentialOptions,
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
import { apiError, isHtml, networkText, readVendorError, transportError } from './errors';
import { parseJson } from './response';
import { holdsSecret, redactDeep } from './secrets';
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
	/**
	 * Requests in flight at once, when the user sets it: a hard cap. Unset, the gate finds the
	 * vendor's pace between CONCURRENCY_START and CONCURRENCY_CEILING.
	 */
	concurrency?: number;
	/** Largest body read (after decompression); a longer one is an error, not held in memory. */
	maxResponseBytes: number;
}

export const MB = 1024 * 1024;

export const DEFAULT_SETTINGS: TransportSettings = { timeoutMs: 60_000, maxRetries: 3, maxResponseBytes: 64 * MB };

/** Requests in flight when a run starts (unless the user set fewer). */
export const CONCURRENCY_START = 5;
/** The most requests in flight the gate grows to by itself (the Concurrency option's maximum too). */
export const CONCURRENCY_CEILING = 50;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;
const MAX_REDIRECTS = 5;
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);
/** Statuses that mean "slow down": the gate backs off on them, whether or not the request is retried. */
const THROTTLE_STATUSES = new Set([429, 503]);

/** A round whose median latency is above the best round's by more than this factor is "climbing". */
const LATENCY_TOLERANCE = 1.5;
/** Healthy rounds at the highest level known to be safe before one more request in flight is tried. */
const PROBE_ROUNDS = 8;
/** Each refused probe doubles the wait before the next one, up to this many rounds. */
const MAX_PROBE_ROUNDS = 256;

/**
 * Bounds the requests in flight and finds the vendor's pace. Work goes in rounds (as many answers
 * as the bound allows at once). After a full, healthy round (no 429/503, median latency within
 * LATENCY_TOLERANCE of the best round seen) the bound doubles, up to the ceiling. A 429 or 503
 * brings it back to the highest level that went through a healthy round (at most half the bound
 * while it doubles), or halves it when that level itself is refused, once per burst (the other
 * answers of requests already in flight are the same signal). From there it probes one more in
 * flight after PROBE_ROUNDS healthy rounds, twice as many after each refused probe (a refused
 * request waits its Retry-After, which at the end of a run is time lost). Climbing latency stops
 * growth: the vendor (or n8n itself) is saturated, and more in flight would only queue.
 */
export class RateGate {
	private active = 0;

	private limit: number;

	/** Requests waiting for a slot; each is handed the epoch it is sent in. */
	private readonly waiting: Array<(epoch: number) => void> = [];

	/** Answers (successes) in the current round, their latencies, and whether the bound was reached. */
	private answers = 0;

	private latencies: number[] = [];

	private full = false;

	/** The best (lowest) median latency of a round so far. */
	private baseline = Infinity;

	/** The highest bound that went through a healthy round (lowered when the API refuses it). */
	private safe = 0;

	/** Set once a throttle was seen: growth is then one step at a time. */
	private throttledOnce = false;

	private calmRounds = 0;

	/** Healthy rounds before the next probe. */
	private probeRounds = PROBE_ROUNDS;

	/**
	 * Bumped whenever the bound changes. A request carries the epoch it was sent in: only answers
	 * to requests sent under the current bound make a round, and a 429/503 to a request sent
	 * before the last back-off belongs to the burst that back-off already answered.
	 */
	private epoch = 0;

	private backedOffAt = 0;

	constructor(
		private readonly ceiling: number,
		start = Math.min(ceiling, CONCURRENCY_START),
	) {
		this.limit = Math.max(1, start);
	}

	/** The most requests this gate ever lets in flight. */
	get max(): number {
		return this.ceiling;
	}

	/** The requests it lets in flight now. */
	get bound(): number {
		return this.limit;
	}

	/** Waits for a free slot; returns the epoch the request is sent in. */
	async acquire(): Promise<number> {
		if (this.active >= this.limit) return await new Promise<number>((resolve) => this.waiting.push(resolve));
		this.active++;
		if (this.active >= this.limit) this.full = true;
		return this.epoch;
	}

	/**
	 * Frees the slot of a request sent in `epoch`, learning from its answer first (so a back-off
	 * already holds for the request that takes the slot): `status` 0 when there was no answer.
	 */
	release(epoch: number, status: number, latencyMs: number): void {
		if (THROTTLE_STATUSES.has(status)) this.throttled(epoch);
		else if (status > 0 && status < 400) this.succeeded(epoch, latencyMs);
		this.active--;
		this.pump();
	}

	/** A 429/503 answer to a request sent in `epoch`: back off, once per burst. */
	private throttled(epoch: number): void {
		if (epoch < this.backedOffAt) return;
		if (this.limit > this.safe && this.safe > 0) {
			// Above the highest healthy level (growing or probing): that level is the vendor's pace.
			if (this.throttledOnce) this.probeRounds = Math.min(MAX_PROBE_ROUNDS, this.probeRounds * 2);
			this.setLimit(this.safe);
		} else {
			// Throttled at a level once healthy: the vendor got slower, so that level is no longer safe.
			this.safe = Math.max(1, Math.floor(this.limit / 2));
			this.setLimit(this.safe);
		}
		this.throttledOnce = true;
		this.calmRounds = 0;
		this.newRound();
		this.backedOffAt = this.epoch;
	}

	/** A successful answer to a request sent in `epoch`, that took `latencyMs` (sent to body read). */
	private succeeded(epoch: number, latencyMs: number): void {
		if (epoch !== this.epoch) return;
		this.latencies.push(latencyMs);
		if (++this.answers < this.limit) return;
		// A round that never filled the gate says nothing about more in flight (only its latency counts).
		if (this.roundIsHealthy() && this.full) this.grow();
		this.newRound();
	}

	private roundIsHealthy(): boolean {
		const sorted = [...this.latencies].sort((a, b) => a - b);
		const median = sorted[Math.floor(sorted.length / 2)];
		const climbing = median > this.baseline * LATENCY_TOLERANCE;
		this.baseline = Math.min(this.baseline, median);
		return !climbing;
	}

	private grow(): void {
		// a level above the safe one went through a healthy round: the probe was accepted
		if (this.limit > this.safe && this.safe > 0) this.probeRounds = PROBE_ROUNDS;
		this.safe = Math.max(this.safe, this.limit);
		if (!this.throttledOnce) {
			this.setLimit(Math.min(this.ceiling, this.limit * 2));
		} else if (++this.calmRounds >= this.probeRounds) {
			this.setLimit(Math.min(this.ceiling, this.limit + 1));
			this.calmRounds = 0;
		}
	}

	private setLimit(limit: number): void {
		if (limit !== this.limit) this.epoch++;
		this.limit = limit;
	}

	private newRound(): void {
		this.answers = 0;
		this.latencies = [];
		this.full = this.active >= this.limit;
	}

	private pump(): void {
		while (this.active < this.limit && this.waiting.length) {
			this.active++;
			if (this.active >= this.limit) this.full = true;
			this.waiting.shift()!(this.epoch);
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

/** Retry-After in ms (seconds or an HTTP date), undefined when absent or unreadable (`-1` too). */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(Array.isArray(value) ? value[0] : value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	// An HTTP date names its weekday or month; a bare number that is not a count of seconds is no date.
	if (!/[a-z]/i.test(text)) return undefined;
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

class TooLarge extends Error {}

/**
 * Reads a response body to the end, or fails at the deadline (a trickling server is cut off) or
 * beyond `maxBytes`, counted as decompressed (a small gzip body cannot fill the memory).
 */
async function readBody(body: unknown, deadline: number, maxBytes: number): Promise<Buffer> {
	if (Buffer.isBuffer(body)) return body;
	if (body === undefined || body === null) return Buffer.alloc(0);
	if (!isStream(body)) return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	return await new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const cancel = atDeadline(deadline, () => {
			body.destroy();
			reject(new Timeout());
		});
		const fail = (error: unknown) => {
			cancel();
			reject(error);
		};
		body.on('data', (chunk: Buffer | string) => {
			const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
			size += bytes.length;
			if (size > maxBytes) {
				body.destroy();
				fail(new TooLarge());
			} else chunks.push(bytes);
		});
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

const statusOf = (failure: unknown) => (failure && typeof failure === 'object' ? retryInfo.get(failure)?.status : undefined);

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

	/**
	 * The credential as read once for this connection, handed to n8n with every request: without
	 * it n8n reads the credential from its database and decrypts it again for each request (about
	 * an eighth of the time an item takes), and the request could carry another version of the
	 * credential than the one whose secrets are redacted.
	 */
	private readonly credential: IAdditionalCredentialOptions;

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
		const { id, name } = ctx.getNode().credentials?.[api.credential] ?? {};
		this.credential = { credentialsDecrypted: { id: id ?? '', name: name ?? '', type: api.credential, data: credentials } };
	}

	static async open(ctx: RequestContext, api: ApiSpec, settings: Partial<TransportSettings> = {}): Promise<Connection> {
		const credentials = await ctx.getCredentials(api.credential);
		const resolved = { ...DEFAULT_SETTINGS, ...settings };
		const gate = resolved.concurrency ? new RateGate(resolved.concurrency, resolved.concurrency) : new RateGate(CONCURRENCY_CEILING);
		return new Connection(ctx, api, baseUrlOf(api.baseUrl, credentials), credentials, resolved, gate);
	}

	/** The most requests this connection ever has in flight: work beyond it would only wait. */
	get parallelism(): number {
		return this.gate.max;
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
		let waited = 0;
		for (let attempt = 0; ; attempt++) {
			let outcome: { response?: ApiResponse; failure?: unknown };
			const epoch = await this.gate.acquire();
			const started = Date.now();
			try {
				outcome = { response: await this.follow(request, itemIndex, options.binary === true) };
			} catch (failure) {
				outcome = { failure };
			}
			this.gate.release(epoch, outcome.failure ? (statusOf(outcome.failure) ?? 0) : outcome.response!.statusCode, Date.now() - started);
			const wait = this.retryWait(request.method, outcome, attempt, itemIndex, this.settings.timeoutMs - waited);
			if (wait === undefined) {
				if (outcome.failure) throw outcome.failure;
				return outcome.response as ApiResponse;
			}
			waited += wait;
			await sleep(wait);
		}
	}

	/**
	 * How long to wait before trying again, or undefined to stop here (and throw the last error).
	 * The waits of one request add up to at most its Timeout (`budget` is what is left of it).
	 */
	private retryWait(method: string, outcome: { response?: ApiResponse; failure?: unknown }, attempt: number, itemIndex: number, budget: number) {
		const info = outcome.failure && typeof outcome.failure === 'object' ? retryInfo.get(outcome.failure) : undefined;
		const status = info?.status;
		const code = errorCode(outcome.failure);
		const retryable =
			status === 429 ||
			(IDEMPOTENT.has(method) && ((status !== undefined && [502, 503, 504].includes(status)) || RESET_CODES.has(code ?? '')));
		if (!retryable) return undefined;
		const asked = info?.retryAfter;
		if (asked !== undefined && asked > budget && attempt < this.settings.maxRetries) {
			throw this.error(`asked to wait ${seconds(asked)} before trying again (HTTP ${status}); that is longer than this node waits`, itemIndex, {
				httpCode: status,
				description: `The waits of one request stay within its Timeout (${seconds(this.settings.timeoutMs)}, under Request Options). Run the workflow again later.`,
			});
		}
		if (attempt >= this.settings.maxRetries || budget <= 0) {
			if (attempt > 0) (outcome.failure as Error).message += ` (gave up after ${attempt} ${attempt === 1 ? 'retry' : 'retries'}${asked !== undefined ? `; the API asked to wait ${seconds(asked)}` : ''})`;
			return undefined;
		}
		return asked ?? Math.min(budget, backoffMs(attempt));
	}

	/** One exchange plus its same-origin redirects. */
	private async follow(request: ApiRequest, itemIndex: number, binary: boolean): Promise<ApiResponse> {
		const { method, body } = request;
		let qs = request.qs;
		let url = `${this.baseUrl}${request.url}`;
		for (let hop = 0; ; hop++) {
			const response = await this.exchange({ ...request, method, body, qs, url }, itemIndex, binary);
			const location = header(response.headers, 'location');
			if (response.statusCode < 300 || response.statusCode >= 400 || !location) return this.check(response, itemIndex);
			const next = new URL(location, url);
			const status = response.statusCode;
			if (next.username || next.password) {
				throw this.error(`redirected the request to an address with a user name or password in it; it was not followed`, itemIndex, {
					httpCode: status,
					description: 'An address with credentials in it would replace the credential of this node.',
				});
			}
			if (next.origin !== this.origin) {
				throw this.error(`redirected the request to another host (${next.host}); it was not followed, so the credentials stay with ${new URL(this.origin).host}`, itemIndex, {
					httpCode: response.statusCode,
					description: 'Check the base URL in the credential: the API answered with a redirect to a different host.',
				});
			}
			if (hop >= MAX_REDIRECTS) throw this.error(`redirected more than ${MAX_REDIRECTS} times`, itemIndex);
			// 301, 302 and 303 turn a request into a GET: for anything but a GET that would send another request than asked.
			if (method !== 'GET' && status !== 307 && status !== 308) {
				throw this.error(`answered the ${method} with a redirect (HTTP ${status}) to ${next.pathname}; it was not followed, as that would turn it into a GET`, itemIndex, {
					httpCode: status,
					description: 'Check the path and the base URL in the credential: the API moved this address. Only a 307 or 308 redirect keeps the method and body.',
				});
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
				this.ctx.helpers.httpRequestWithAuthentication.call(this.ctx, this.api.credential, options, this.credential) as Promise<typeof raw>,
				deadline,
				(late) => isStream(late?.body) && late.body.destroy(),
			);
		} catch (error) {
			if (error instanceof Timeout) throw timedOut();
			throw this.networkError(error, itemIndex);
		}
		let bytes: Buffer;
		try {
			bytes = await readBody(raw.body, deadline, this.settings.maxResponseBytes);
		} catch (error) {
			if (error instanceof Timeout) throw timedOut();
			if (error instanceof TooLarge) {
				const mb = (this.settings.maxResponseBytes / MB).toFixed(0);
				throw this.error(`returned a response larger than ${mb} MB; it was not read to the end`, itemIndex, {
					description: 'Raise Max Response Size under Request Options if this answer is expected to be that large, or ask for less (filters, a smaller page).',
				});
			}
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
		// a UTF-8 byte-order mark is no part of the JSON
		const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
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
		// The raw text is searched: a secret JSON-escaped (`\/`, `\uXXXX`) or percent-encoded is found there too.
		return holdsSecret(text, this.secrets) ? redactDeep(body, this.secrets) : body;
	}

	/** HTTP error statuses become NodeApiErrors with the vendor's own message. */
	private check(response: ApiResponse, itemIndex: number): ApiResponse {
		if (response.statusCode < 400) return response;
		const error = apiError(this.ctx.getNode(), this.api.displayName, response.statusCode, response.body, itemIndex, this.secrets);
		retryInfo.set(error, { status: response.statusCode, retryAfter: retryAfterMs(header(response.headers, 'retry-after')) });
		throw error;
	}
}
