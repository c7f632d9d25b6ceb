import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the mock server received it. */
export interface RecordedRequest {
	method: string;
	path: string;
	/** Query parameters; a repeated key gives an array. */
	query: Record<string, string | string[]>;
	/** The raw query string (after `?`). */
	rawQuery: string;
	headers: Record<string, string | string[] | undefined>;
	rawBody: Buffer;
	/** Parsed JSON body (undefined when the body is empty or not JSON). */
	body: any;
}

export interface MockResponse {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (req: RecordedRequest, params: Record<string, string>) => MockResponse | Promise<MockResponse>;

interface Route {
	method: string;
	pattern: RegExp;
	keys: string[];
	handler: Handler;
}

/** A small recording HTTP server on 127.0.0.1 with `/path/:param` routes. */
export class MockServer {
	readonly requests: RecordedRequest[] = [];

	private routes: Route[] = [];

	/** Runs before the routes (auth checks); a response it returns is sent instead. */
	guard?: (req: RecordedRequest) => MockResponse | undefined;

	private server?: Server;

	url = '';

	on(method: string, path: string, handler: Handler | MockResponse): this {
		const keys: string[] = [];
		const source = path
			.split('/')
			.map((segment) => {
				if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
				keys.push(segment.slice(1));
				return '([^/]+)';
			})
			.join('/');
		const pattern = new RegExp(`^${source}$`);
		const fn: Handler = typeof handler === 'function' ? handler : () => handler;
		// Later registrations win, so a test can override a default route.
		this.routes.unshift({ method: method.toUpperCase(), pattern, keys, handler: fn });
		return this;
	}

	reset(): void {
		this.requests.length = 0;
	}

	last(): RecordedRequest {
		const request = this.requests[this.requests.length - 1];
		if (!request) throw new Error('The mock server received no request');
		return request;
	}

	async start(): Promise<string> {
		this.server = createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${port}`;
		return this.url;
	}

	async listen(port: number): Promise<string> {
		this.server = createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const query: Record<string, string | string[]> = {};
		for (const [key, value] of url.searchParams) {
			const existing = query[key];
			if (existing === undefined) query[key] = value;
			else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
		}
		let body: any;
		const contentType = String(req.headers['content-type'] ?? '');
		if (rawBody.length && !contentType.startsWith('multipart/')) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				body = rawBody.toString('utf8');
			}
		}
		const recorded: RecordedRequest = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query,
			rawQuery: url.search.replace(/^\?/, ''),
			headers: req.headers,
			rawBody,
			body,
		};
		this.requests.push(recorded);
		let response: MockResponse = { status: 404, body: { message: `No mock route for ${recorded.method} ${recorded.path}` } };
		const denied = this.guard?.(recorded);
		for (const route of denied ? [] : this.routes) {
			if (route.method !== recorded.method) continue;
			const match = route.pattern.exec(recorded.path);
			if (!match) continue;
			const params: Record<string, string> = {};
			route.keys.forEach((key, i) => (params[key] = decodeURIComponent(match[i + 1])));
			try {
				response = await route.handler(recorded, params);
			} catch (error) {
				response = { status: 500, body: { message: `Mock handler failed: ${(error as Error).message}` } };
			}
			break;
		}
		if (denied) response = denied;
		const status = response.status ?? 200;
		const headers: Record<string, string> = { ...(response.headers ?? {}) };
		let payload = '';
		if (response.body !== undefined && status !== 204) {
			payload = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
			if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
				headers['Content-Type'] = typeof response.body === 'string' ? 'text/plain' : 'application/json';
			}
		}
		res.writeHead(status, headers);
		res.end(payload);
	}
}

/** Parses a multipart/form-data body into its parts (for asserting uploads server-side). */
export function parseMultipart(req: RecordedRequest): Array<{ name: string; fileName?: string; contentType?: string; data: Buffer }> {
	const contentType = String(req.headers['content-type'] ?? '');
	const match = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
	if (!match) throw new Error(`Not a multipart request: ${contentType}`);
	const boundary = Buffer.from(`--${match[1] ?? match[2]}`);
	const parts: Array<{ name: string; fileName?: string; contentType?: string; data: Buffer }> = [];
	let start = req.rawBody.indexOf(boundary);
	while (start !== -1) {
		const next = req.rawBody.indexOf(boundary, start + boundary.length);
		if (next === -1) break;
		const chunk = req.rawBody.subarray(start + boundary.length + 2, next - 2);
		const headerEnd = chunk.indexOf('\r\n\r\n');
		const head = chunk.subarray(0, headerEnd).toString('utf8');
		const data = chunk.subarray(headerEnd + 4);
		const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
		const fileName = /filename="([^"]*)"/.exec(head)?.[1];
		const partType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
		parts.push({ name, fileName, contentType: partType, data });
		start = next;
	}
	return parts;
}
