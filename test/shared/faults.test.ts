/**
 * The request path under faults: hostile local servers (cross-host redirects, echoed secrets,
 * broken bodies, trickles, rate limits, resets) against a synthetic vendor run by n8n-core's engine.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { f } from '../../nodes/shared/fields';
import type { VendorSpec } from '../../nodes/shared/types';
import { runNode } from '../harness/engine';
import { TEST_API, TestApi, testVendorNode } from '../harness/testVendor';

const SECRET = 'sk-live-5f2b9c0d7e1a';

const VENDOR: VendorSpec = {
	api: TEST_API,
	resources: [
		{
			value: 'thing',
			name: 'Thing',
			operations: [
				{ value: 'get', name: 'Get', action: 'Get a thing', method: 'GET', path: '/things/{id}', ref: 't.get', fields: [f.path('id', 'Thing ID')] },
				{
					value: 'create',
					name: 'Create',
					action: 'Create a thing',
					method: 'POST',
					path: '/things',
					ref: 't.create',
					optionalIn: 'additionalFields',
					fields: [
						f.string('name', 'Name', { required: true }),
						f.number('points', 'Points'),
						f.string('idempotencyKey', 'Idempotency Key', { in: 'header', key: 'Idempotency-Key' }),
					],
				},
				{
					value: 'getNumbered',
					name: 'Get by Number',
					action: 'Get a thing by its number',
					method: 'GET',
					path: '/things/{id}',
					ref: 't.getNumbered',
					fields: [f.path('id', 'Thing Number', { format: 'integer' })],
				},
				{
					value: 'download',
					name: 'Download',
					action: 'Download a thing',
					method: 'GET',
					path: '/things/{id}/file',
					ref: 't.download',
					download: { binaryParam: 'binaryPropertyName' },
					fields: [f.path('id', 'Thing ID')],
				},
				{
					value: 'custom',
					name: 'Custom Request',
					action: 'Send a custom request',
					method: 'GET',
					path: '/',
					ref: 't.custom',
					routeFrom: { method: 'method', path: 'path' },
					fields: [
						f.string('method', 'Method', { in: 'none', required: true, default: 'GET' }),
						f.string('path', 'Path', { in: 'none', required: true }),
					],
				},
				{
					value: 'list',
					name: 'Get Many',
					action: 'Get many things',
					method: 'GET',
					path: '/things',
					ref: 't.list',
					list: { records: 'data', pagination: { style: 'laravel' } },
				},
			],
		},
	],
};

interface Seen {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	at: number;
	body: string;
}

/** A raw HTTP server whose handler a test sets: it can do what MockServer can't (reset, trickle). */
class Hostile {
	readonly requests: Seen[] = [];

	handler: (req: IncomingMessage, res: ServerResponse, seen: Seen) => void = (_req, res) => res.end();

	url = '';

	private server?: Server;

	async start(host = '127.0.0.1') {
		this.server = createServer((req, res) => {
			const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: Date.now(), body: '' };
			this.requests.push(seen);
			req.on('data', (chunk: Buffer) => (seen.body += chunk.toString('utf8')));
			req.on('end', () => this.handler(req, res, seen));
		});
		await new Promise<void>((resolve) => this.server!.listen(0, host, resolve));
		this.url = `http://${host}:${(this.server.address() as AddressInfo).port}`;
	}

	async stop() {
		this.server?.closeAllConnections();
		await new Promise((resolve) => this.server?.close(resolve));
	}
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
	res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

const server = new Hostile();
const elsewhere = new Hostile();

beforeAll(async () => {
	await server.start();
	await elsewhere.start('127.0.0.2');
	elsewhere.handler = (_req, res) => json(res, 200, { id: 'stolen' });
});
afterAll(async () => {
	await server.stop();
	await elsewhere.stop();
});
beforeEach(() => {
	server.requests.length = 0;
	elsewhere.requests.length = 0;
});

const run = async (
	operation: string,
	parameters: IDataObject = {},
	extra: { items?: INodeExecutionData[]; continueOnFail?: boolean; apiKey?: string } = {},
) =>
	await runNode({
		node: testVendorNode(VENDOR),
		parameters: { resource: 'thing', operation, ...parameters },
		credentials: { testApi: { url: server.url, apiKey: extra.apiKey ?? SECRET } },
		credentialTypes: [new TestApi()],
		...extra,
	});

/** The class of the error the node threw (run data keeps a copy that names it). */
const errorClass = (result: Awaited<ReturnType<typeof run>>) => result.error?.name;

/** Everything n8n keeps of a run (output, error, run data), as one text. */
const stored = (result: Awaited<ReturnType<typeof run>>) =>
	JSON.stringify({ run: result.run, error: result.error && { ...result.error, message: result.error.message, stack: result.error.stack } });

describe('redirects', () => {
	test.each([301, 302, 307, 308])('a %i to another host is refused: the credential and body never reach it', async (status) => {
		server.handler = (_req, res) => {
			res.writeHead(status, { Location: `${elsewhere.url}/things/1` });
			res.end();
		};
		for (const [operation, parameters] of [['get', { id: '1' }], ['create', { name: 'n' }]] as const) {
			const result = await run(operation, parameters);
			expect(result.items).toEqual([]);
			expect(result.error?.message).toContain('redirected the request to another host (127.0.0.2');
			expect(errorClass(result)).toBe('NodeApiError');
		}
		expect(elsewhere.requests).toHaveLength(0);
	});

	test('a redirect on the same host is followed, with the credential', async () => {
		server.handler = (req, res, seen) => {
			if (seen.url === '/things/1') {
				res.writeHead(301, { Location: '/things/2' });
				res.end();
			} else json(res, 200, { id: 2 });
		};
		const { items, error } = await run('get', { id: '1' });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ id: 2 }]);
		expect(server.requests.map((r) => [r.url, r.headers['x-key']])).toEqual([
			['/things/1', SECRET],
			['/things/2', SECRET],
		]);
	});
});

describe('secrets', () => {
	const echo = (status: number) => (_req: IncomingMessage, res: ServerResponse, seen: Seen) =>
		json(res, status, { message: `Key ${String(seen.headers['x-key'])} is not valid`, request: { headers: seen.headers } });

	test('a vendor error that echoes the credential is redacted everywhere n8n keeps it', async () => {
		server.handler = echo(401);
		const result = await run('get', { id: '1' });
		expect(result.error?.message).toContain('Key [redacted] is not valid');
		expect(result.error?.message).toContain('401');
		expect(stored(result)).not.toContain(SECRET);
	});

	test('with Continue On Fail the error item holds no secret and is paired with its input', async () => {
		server.handler = echo(403);
		const result = await run('get', { id: '1' }, { continueOnFail: true, items: [{ json: {} }, { json: {} }] });
		expect(result.items).toHaveLength(2);
		expect(result.items[1]).toMatchObject({ json: { error: expect.stringContaining('[redacted]') }, pairedItem: { item: 1 } });
		expect(stored(result)).not.toContain(SECRET);
	});

	test('a success body that echoes the credential is redacted in the output', async () => {
		server.handler = echo(200);
		const result = await run('get', { id: '1' });
		expect(result.items[0].json.message).toBe('Key [redacted] is not valid');
		expect(stored(result)).not.toContain(SECRET);
	});
});

describe('bodies that are not what the API promises', () => {
	test('a 200 that is not valid JSON is an error, not an empty list', async () => {
		server.handler = (_req, res) => json(res, 200, '{"data": [{"id": 1},');
		const { error, items } = await run('list', { returnAll: true });
		expect(items).toEqual([]);
		expect(error?.message).toContain('not valid JSON (HTTP 200)');
	});

	test.each([
		['missing', { meta: {} }],
		['an object', { data: { id: 1 } }],
		['a string', { data: 'none' }],
		['a number', { data: 3 }],
	])('a list whose records key is %s is an error', async (_what, body) => {
		server.handler = (_req, res) => json(res, 200, body);
		const { error } = await run('list', { returnAll: false, limit: 5 });
		expect(error?.message).toContain('no list where "data" was expected');
	});

	test.each([
		[{ error: 'Invalid token' }, 'Invalid token'],
		[{ error: { message: 'Quota exceeded' } }, 'Quota exceeded'],
		[{ detail: 'Not found' }, 'Not found'],
	])('an error envelope sent with 200 (%j) is an error', async (body, message) => {
		server.handler = (_req, res) => json(res, 200, body);
		for (const [operation, parameters] of [['get', { id: '1' }], ['list', { returnAll: true }]] as const) {
			const { error, items } = await run(operation, parameters);
			expect(items).toEqual([]);
			expect(error?.message).toContain(message);
		}
	});

	const page = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{font:14px}</style></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

	test('an HTML error page shows the status and a short summary, not markup', async () => {
		server.handler = (_req, res) => {
			res.writeHead(502, { 'Content-Type': 'text/html' });
			res.end(page);
		};
		const { error } = await run('get', { id: '1', requestOptions: { maxRetries: 0 } });
		expect(error?.message).toContain('502');
		expect(error?.message).toContain('Bad Gateway');
		expect(`${error?.message} ${error?.description ?? ''}`).not.toMatch(/<|font:/);
	});

	test('an HTML page with 200 is an error (a website or proxy, not the API)', async () => {
		server.handler = (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'text/html' });
			res.end(page.replace(/502 Bad Gateway/g, 'Welcome'));
		};
		const { error } = await run('get', { id: '1' });
		expect(error?.message).toContain('returned an HTML page instead of JSON (HTTP 200: Welcome)');
	});
});

describe('input refused before any request', () => {
	test.each([0, -1, 2.5, 'ten'])('Limit %j', async (limit) => {
		const result = await run('list', { returnAll: false, limit }, { items: [{ json: {} }] });
		expect(errorClass(result)).toBe('NodeOperationError');
		expect(result.error?.message).toContain('"Limit" must be a whole number of at least 1 for item 0');
		expect(server.requests).toHaveLength(0);
	});

	test.each([
		['an object', { a: 1 }, 'not an object'],
		['a list', [1, 2], 'not a list'],
		['..', '..', 'cannot be ".."'],
		['.', '.', 'cannot be "."'],
		['encoded ..', '%2e%2E', 'cannot be "%2e%2E"'],
		['empty', '', 'is empty for item 1'],
	])('a path ID that is %s', async (_what, id, message) => {
		server.handler = (_req, res) => json(res, 200, { id: 1 });
		const result = await run('get', { id: '={{ $json.id }}' }, { items: [{ json: { id: 1 } }, { json: { id } }] });
		expect(errorClass(result)).toBe('NodeOperationError');
		expect(result.error?.message).toContain('"Thing ID"');
		expect(result.error?.message).toContain(message);
		// The first item's request may have gone out; the bad item's never did.
		expect(server.requests.every((r) => r.url === '/things/1')).toBe(true);
	});
});

describe('Return All', () => {
	const failOnPage2 = (_req: IncomingMessage, res: ServerResponse, seen: Seen) => {
		const pageNo = Number(new URL(seen.url, 'http://x').searchParams.get('page'));
		if (pageNo === 2) json(res, 500, { message: 'Database is down' });
		else json(res, 200, { data: [{ id: pageNo }], meta: { current_page: pageNo, last_page: 3 } });
	};

	test('a failure on page 2 returns no partial list', async () => {
		server.handler = failOnPage2;
		const { error, items } = await run('list', { returnAll: true });
		expect(items).toEqual([]);
		expect(error?.message).toContain('Database is down');
		// page 3 went out with page 2 (page 1 announced it), and nothing after the failure
		expect(server.requests).toHaveLength(3);
	});

	test('with Continue On Fail it gives one error item for the input item', async () => {
		server.handler = failOnPage2;
		const { items } = await run('list', { returnAll: true }, { continueOnFail: true });
		expect(items).toEqual([{ json: { error: expect.stringContaining('Database is down'), details: expect.any(Object) }, pairedItem: { item: 0 } }]);
	});
});

describe('timeouts', () => {
	test('a slow trickle is cut off at the total timeout', async () => {
		server.handler = (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.write('{"id": 1, "pad": "');
			const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write('.')), 100);
			res.on('close', () => clearInterval(drip));
		};
		const { error } = await run('get', { id: '1', requestOptions: { timeout: 1, maxRetries: 0 } });
		expect(error?.message).toContain('no complete response within 1 s');
	});

	test('a server that never answers is cut off too', async () => {
		server.handler = () => {};
		const { error } = await run('create', { name: 'n', requestOptions: { timeout: 1 } });
		expect(error?.message).toContain('no complete response within 1 s');
		expect(server.requests).toHaveLength(1);
	});
});

describe('rate limits and retries', () => {
	const limited = (retryAfter: () => string, times = 1) => (_req: IncomingMessage, res: ServerResponse) => {
		if (server.requests.length <= times) json(res, 429, { message: 'Too many requests' }, { 'Retry-After': retryAfter() });
		else json(res, 200, { id: 1 });
	};

	test('429 with Retry-After in seconds waits that long, for any method', async () => {
		server.handler = limited(() => '1');
		const { error, items } = await run('create', { name: 'n' });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ id: 1 }]);
		expect(server.requests).toHaveLength(2);
		expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(950);
	});

	test('429 with Retry-After as an HTTP date', async () => {
		server.handler = limited(() => new Date(Date.now() + 2000).toUTCString());
		const { error } = await run('get', { id: '1' });
		expect(error).toBeUndefined();
		expect(server.requests).toHaveLength(2);
		expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(900);
	});

	test('after the last retry the error names the vendor, the status and the wait', async () => {
		server.handler = limited(() => '0', 10);
		const { error } = await run('get', { id: '1', requestOptions: { maxRetries: 2 } });
		expect(server.requests).toHaveLength(3);
		expect(error?.message).toMatch(/^Test Vendor: .*429.*gave up after 2 retries; the API asked to wait 0 s/);
		expect(error?.httpCode).toBe('429');
	});

	test('a Retry-After longer than the node waits fails at once and says how long', async () => {
		server.handler = limited(() => '3600');
		const { error } = await run('get', { id: '1' });
		expect(server.requests).toHaveLength(1);
		expect(error?.message).toContain('asked to wait 3600 s before trying again (HTTP 429)');
	});

	test.each([502, 503, 504])('%i is retried for GET, not for POST', async (status) => {
		server.handler = (_req, res) => (server.requests.length === 1 ? json(res, status, { message: 'Upstream busy' }) : json(res, 200, { id: 1 }));
		expect((await run('get', { id: '1' })).error).toBeUndefined();
		expect(server.requests).toHaveLength(2);
		server.requests.length = 0;
		const { error } = await run('create', { name: 'n' });
		expect(error?.message).toContain('Upstream busy');
		expect(server.requests).toHaveLength(1);
	});

	const resetMidBody = (_req: IncomingMessage, res: ServerResponse) => {
		res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
		res.write('{"id": 1, "na');
		setImmediate(() => res.socket?.destroy());
	};

	test('a reset mid-body is retried for GET', async () => {
		server.handler = (req, res) => (server.requests.length === 1 ? resetMidBody(req, res) : json(res, 200, { id: 1 }));
		const { error, items } = await run('get', { id: '1' });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ id: 1 }]);
		expect(server.requests).toHaveLength(2);
	});

	test('a reset mid-body of a POST is an error (not retried: it may have been applied)', async () => {
		server.handler = resetMidBody;
		const { error } = await run('create', { name: 'n' });
		expect(server.requests).toHaveLength(1);
		expect(error?.message).toMatch(/could not complete the request|cut off/);
	});
});

describe('concurrency', () => {
	/**
	 * Runs Get over `count` items against a server answering each request after `delay(inFlight)`
	 * ms, or 429 when `over` requests are in flight; records what the server saw.
	 */
	const load = async (count: number, options: { concurrency?: number; delay?: (inFlight: number, id: number) => number; over?: number } = {}) => {
		const seen = { now: 0, peak: 0, peakBeforeFirstAnswer: 0, answered: 0, throttled: 0 };
		server.handler = (_req, res, request) => {
			const id = Number(request.url.split('/').pop());
			seen.now++;
			if (options.over !== undefined && seen.now > options.over) {
				seen.now--;
				seen.throttled++;
				json(res, 429, { message: 'Too many requests' }, { 'Retry-After': '0' });
				return;
			}
			seen.peak = Math.max(seen.peak, seen.now);
			if (!seen.answered) seen.peakBeforeFirstAnswer = seen.peak;
			setTimeout(() => {
				seen.now--;
				seen.answered++;
				json(res, 200, { id });
			}, options.delay?.(seen.now, id) ?? 60);
		};
		const items = Array.from({ length: count }, (_, i) => ({ json: { id: i } }));
		const requestOptions = options.concurrency ? { requestOptions: { concurrency: options.concurrency } } : {};
		const result = await run('get', { id: '={{ $json.id }}', ...requestOptions }, { items });
		return { ...result, seen };
	};

	test('starts at 5 in flight and sends more at once while answers are healthy; output in input order', async () => {
		// Later items answer sooner: the output must still follow the input order.
		const { items, error, seen } = await load(80, { delay: (_n, id) => 100 - (id % 10) * 4 });
		expect(error).toBeUndefined();
		expect(seen.peakBeforeFirstAnswer).toBe(5);
		expect(seen.peak).toBeGreaterThanOrEqual(10);
		expect(seen.peak).toBeLessThanOrEqual(50);
		expect(items.map((i) => [i.json.id, i.pairedItem])).toEqual(Array.from({ length: 80 }, (_, i) => [i, { item: i }]));
	});

	test('latency that climbs with the load stops the growth', async () => {
		// A server that slows down beyond 6 requests in flight (60 ms, then 800 ms).
		const { items, seen } = await load(50, { delay: (inFlight) => (inFlight > 6 ? 800 : 60) });
		expect(items).toHaveLength(50);
		// It doubled once (the first round was healthy), then held.
		expect(seen.peak).toBe(10);
	});

	test('429s make it back off: every item succeeds and few requests are refused', async () => {
		const { items, error, seen } = await load(150, { over: 8 });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(Array.from({ length: 150 }, (_, i) => i));
		// It grew until the server refused, then stayed near what the server allows.
		expect(seen.throttled).toBeGreaterThan(0);
		expect(seen.throttled).toBeLessThan(30);
		expect(seen.peak).toBe(8);
	});

	test("the credential is read once per run, not once per request (n8n loads and decrypts it each time)", async () => {
		const { items, credentialReads } = await load(30);
		expect(items).toHaveLength(30);
		expect(credentialReads).toBe(1);
	});

	test('a set Concurrency is a hard cap, also below 5', async () => {
		const capped = await load(40, { concurrency: 2 });
		expect(capped.seen.peak).toBe(2);
		expect(capped.items).toHaveLength(40);
		const raised = await load(40, { concurrency: 12 });
		expect(raised.seen.peakBeforeFirstAnswer).toBe(12);
		expect(raised.seen.peak).toBe(12);
	});
});

/** A credential with characters JSON and URLs write differently (`/` escaped, `+` encoded). */
const SLASHED = 'sk/live+5f2b9c/0d7e1a';

/** Every form a JSON body or a URL can carry a secret in. */
const secretForms = (secret: string) => {
	const percent = encodeURIComponent(secret);
	return {
		raw: secret,
		jsonSlash: secret.replace(/\//g, '\\/'),
		unicode: [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
		percentUpper: percent,
		percentLower: percent.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
	};
};

describe('secrets in every form', () => {
	/** A raw JSON text echoing the key in one form (so the escapes reach the client as written). */
	const echoing = (form: string) => (_req: IncomingMessage, res: ServerResponse) =>
		json(res, 200, `{"id": 1, "note": "key ${form} seen", "link": "https://example.com/x?token=${form}&a=1", "${form}": true}`);

	test.each(Object.keys(secretForms(SLASHED)))('a 200 body with the key written %s is redacted in the output and run data', async (form) => {
		const written = secretForms(SLASHED)[form as keyof ReturnType<typeof secretForms>];
		server.handler = echoing(written);
		const result = await run('get', { id: '1' }, { apiKey: SLASHED });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: 1, note: 'key [redacted] seen', link: 'https://example.com/x?token=[redacted]&a=1', '[redacted]': true });
		const kept = stored(result);
		for (const shape of Object.values(secretForms(SLASHED))) expect(kept).not.toContain(shape);
		expect(kept).not.toContain(JSON.stringify(SLASHED).slice(1, -1));
	});

	test('a plain-text answer with the key percent-encoded in lower case is redacted', async () => {
		server.handler = (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'text/plain' });
			res.end(`moved to /x?token=${secretForms(SLASHED).percentLower}`);
		};
		const result = await run('get', { id: '1' }, { apiKey: SLASHED });
		expect(result.items[0].json).toEqual({ response: 'moved to /x?token=[redacted]' });
	});
});

describe('paths and IDs that would leave their place', () => {
	test.each(['/things/..%2f..%2fadmin', '/things/%2e%2e%2fadmin', '/things/..%5cadmin', '/things/%2E%2E%5C%2E%2E%5Cadmin', '/things/%252e%252e/admin', '/things/.%2e/admin'])(
		'Custom Request path %s is refused before any request',
		async (path) => {
			server.handler = (_req, res) => json(res, 200, { admin: true });
			const result = await run('custom', { method: 'GET', path });
			expect(errorClass(result)).toBe('NodeOperationError');
			expect(result.error?.message).toContain(`The path "${path}" is not a path of the API for item 0`);
			expect(server.requests).toHaveLength(0);
		},
	);

	test('a Custom Request path with encoded characters that do not climb is sent', async () => {
		server.handler = (_req, res) => json(res, 200, { ok: true });
		const result = await run('custom', { method: 'GET', path: '/things/a%2Fb/..x' });
		expect(result.error).toBeUndefined();
		expect(server.requests.map((r) => r.url)).toEqual(['/things/a%2Fb/..x']);
	});

	test.each(['9/../../admin', '9%2F..%2F..%2Fadmin', '9%2f..', '1\\..\\admin', '9%5C..', '9%252F..'])('an ID of %s is refused before any request', async (id) => {
		server.handler = (_req, res) => json(res, 200, { admin: true });
		const result = await run('get', { id }, { items: [{ json: {} }] });
		expect(errorClass(result)).toBe('NodeOperationError');
		expect(result.error?.message).toContain(`The parameter "Thing ID" cannot contain "/" or "\\" for item 0`);
		expect(server.requests).toHaveLength(0);
	});
});

describe('redirects that would change the request', () => {
	test.each([301, 302, 303])('a same-host %i to a POST is an error naming the redirect; no GET is sent', async (status) => {
		server.handler = (_req, res, seen) => {
			if (seen.method === 'POST') {
				res.writeHead(status, { Location: '/things?page=1' });
				res.end();
			} else json(res, 200, { data: [{ id: 'existing' }] });
		};
		const result = await run('create', { name: 'n' });
		expect(result.items).toEqual([]);
		expect(result.error?.message).toContain(`answered the POST with a redirect (HTTP ${status}) to /things`);
		expect(server.requests.map((r) => r.method)).toEqual(['POST']);
	});

	test.each([307, 308])('a same-host %i is followed with the method and the body', async (status) => {
		server.handler = (_req, res, seen) => {
			if (seen.url === '/things') {
				res.writeHead(status, { Location: '/v2/things' });
				res.end();
			} else json(res, 201, { id: 7 });
		};
		const result = await run('create', { name: 'n' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ id: 7 }]);
		expect(server.requests.map((r) => [r.method, r.url, JSON.parse(r.body), r.headers['x-key']])).toEqual([
			['POST', '/things', { name: 'n' }, SECRET],
			['POST', '/v2/things', { name: 'n' }, SECRET],
		]);
	});

	test('a Location with a user name and password on the same host is refused', async () => {
		server.handler = (_req, res, seen) => {
			if (seen.url === '/things/1') {
				res.writeHead(302, { Location: `http://attacker:pw@${server.url.replace('http://', '')}/things/2` });
				res.end();
			} else json(res, 200, { id: 2 });
		};
		const result = await run('get', { id: '1' });
		expect(result.error?.message).toContain('redirected the request to an address with a user name or password in it');
		expect(server.requests.map((r) => [r.url, r.headers.authorization])).toEqual([['/things/1', undefined]]);
	});
});

describe('answers too large to hold', () => {
	test('a body beyond Max Response Size is an error', async () => {
		server.handler = (_req, res) => json(res, 200, { id: 1, pad: 'x'.repeat(2 * 1024 * 1024) });
		const result = await run('get', { id: '1', requestOptions: { maxResponseSize: 1 } });
		expect(result.items).toEqual([]);
		expect(result.error?.message).toContain('returned a response larger than 1 MB');
	});

	test('a small gzip body that inflates beyond the default limit (64 MB) is an error: the inflated size counts', async () => {
		const bomb = gzipSync(Buffer.concat([Buffer.from('{"pad": "'), Buffer.alloc(100 * 1024 * 1024, 0x20), Buffer.from('"}')]));
		expect(bomb.length).toBeLessThan(200 * 1024);
		server.handler = (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(bomb.length) });
			res.end(bomb);
		};
		const result = await run('get', { id: '1' });
		expect(result.items).toEqual([]);
		expect(result.error?.message).toContain('returned a response larger than 64 MB');
	});
});

describe('bodies read exactly', () => {
	test('integers beyond 2^53 come out as text, exact; smaller numbers stay numbers', async () => {
		server.handler = (_req, res) =>
			json(res, 200, '{"id": 9007199254740993, "owner": {"id": -9007199254740995}, "count": 12, "price": 1.5e3, "note": "9007199254740993 in text", "ids": [9007199254740993, 1]}');
		const result = await run('get', { id: '1' });
		expect(result.items[0].json).toEqual({
			id: '9007199254740993',
			owner: { id: '-9007199254740995' },
			count: 12,
			price: 1500,
			note: '9007199254740993 in text',
			ids: ['9007199254740993', 1],
		});
	});

	test('JSON with a UTF-8 byte-order mark is parsed', async () => {
		server.handler = (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
			res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id": 1}')]));
		};
		const result = await run('get', { id: '1' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ id: 1 }]);
	});
});

describe('Retry-After that cannot be honoured', () => {
	const always = (retryAfter: string) => (_req: IncomingMessage, res: ServerResponse) =>
		json(res, 429, { message: 'Too many requests' }, { 'Retry-After': retryAfter });

	test('Retry-After: -86400 is treated as absent: normal backoff, then success', async () => {
		server.handler = (req, res) => (server.requests.length === 1 ? always('-86400')(req, res) : json(res, 200, { id: 1 }));
		const result = await run('get', { id: '1' });
		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(2);
	});

	test('Retry-After: -1 is treated as absent: the error names no wait the API asked for', async () => {
		server.handler = always('-1');
		const result = await run('get', { id: '1', requestOptions: { maxRetries: 1 } });
		expect(server.requests).toHaveLength(2);
		expect(result.error?.message).toContain('gave up after 1 retry');
		expect(result.error?.message).not.toContain('asked to wait');
	});

	test('the waits of one request stay within its Timeout: a Retry-After beyond it fails at once', async () => {
		server.handler = always('2');
		const result = await run('get', { id: '1', requestOptions: { timeout: 1 } });
		expect(server.requests).toHaveLength(1);
		expect(result.error?.message).toContain('asked to wait 2 s before trying again (HTTP 429)');
		expect(result.error?.description).toContain('within its Timeout (1 s');
	});
});

describe('input refused before any request (values)', () => {
	test.each([
		['text in a number field', { name: 'n', additionalFields: { points: 'abc' } }, 'Invalid value for parameter "Points" for item 0: "abc" is not a number'],
		['an empty expression in a required field', { name: '={{ $json.title }}' }, 'The parameter "Name" is empty for item 0'],
		['blanks in a required field', { name: '   ' }, 'The parameter "Name" is empty for item 0'],
		['a line break in a header value', { name: 'n', additionalFields: { idempotencyKey: 'abc\r\nX-Evil: 1' } }, 'The parameter "Idempotency Key" cannot contain a line break for item 0'],
	])('%s', async (_what, parameters, message) => {
		server.handler = (_req, res) => json(res, 201, { id: 1 });
		const result = await run('create', parameters, { items: [{ json: { title: '' } }] });
		expect(errorClass(result)).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(server.requests).toHaveLength(0);
	});

	test('a number given as text is sent as a number; a header value without line breaks is sent', async () => {
		server.handler = (_req, res) => json(res, 201, { id: 1 });
		const result = await run('create', { name: 'n', additionalFields: { points: ' 12 ', idempotencyKey: 'k-1' } });
		expect(result.error).toBeUndefined();
		expect(JSON.parse(server.requests[0].body)).toEqual({ name: 'n', points: 12 });
		expect(server.requests[0].headers['idempotency-key']).toBe('k-1');
	});

	test('an ID the reference types as integer must be one: 12abc is refused, 12 is sent', async () => {
		server.handler = (_req, res) => json(res, 200, { id: 12 });
		const bad = await run('getNumbered', { id: '={{ $json.id }}' }, { items: [{ json: { id: '12abc' } }] });
		expect(errorClass(bad)).toBe('NodeOperationError');
		expect(bad.error?.message).toBe('The parameter "Thing Number" must be a whole number for item 0 (got "12abc")');
		expect(server.requests).toHaveLength(0);
		const good = await run('getNumbered', { id: '={{ $json.id }}' }, { items: [{ json: { id: ' 12 ' } }] });
		expect(good.error).toBeUndefined();
		expect(server.requests.map((r) => r.url)).toEqual(['/things/12']);
	});
});

describe('file downloads', () => {
	test('a file download answered with an HTML page is an error showing the start of the page', async () => {
		server.handler = (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end('<!doctype html><html><head><title>Sign in</title></head><body>Please sign in</body></html>');
		};
		const result = await run('download', { id: '1' });
		expect(result.items).toEqual([]);
		expect(result.error?.message).toContain('returned an HTML page instead of a file (HTTP 200)');
		expect(result.error?.description).toContain('The start of the response: "<!doctype html><html><head><title>Sign in');
	});

	test('a JSON answer to a download is output redacted and exact, like any other answer', async () => {
		server.handler = (_req, res) =>
			json(res, 200, `{"status": "preparing", "id": 9007199254740993, "link": "https://example.com/f?token=${secretForms(SLASHED).percentLower}", "by": "${secretForms(SLASHED).jsonSlash}"}`);
		const result = await run('download', { id: '1' }, { apiKey: SLASHED });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ status: 'preparing', id: '9007199254740993', link: 'https://example.com/f?token=[redacted]', by: '[redacted]' });
		expect(stored(result)).not.toContain(SLASHED);
	});

	test('a file download answered with a file is still a file', async () => {
		server.handler = (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="invoice.pdf"' });
			res.end('%PDF-1.4 ...');
		};
		const result = await run('download', { id: '1' });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ fileName: 'invoice.pdf', mimeType: 'application/pdf', fileSize: '12 B' });
	});
});

describe('Include Response Fields', () => {
	const pages = (_req: IncomingMessage, res: ServerResponse, seen: Seen) => {
		const pageNo = Number(new URL(seen.url, 'http://x').searchParams.get('page'));
		json(res, 200, { data: [{ id: pageNo * 10, response: 'own field' }, { id: pageNo * 10 + 1 }], meta: { current_page: pageNo, last_page: 3 } });
	};

	test('with Return All each record carries its own page\'s fields, and none of its own fields is overwritten', async () => {
		server.handler = pages;
		const result = await run('list', { returnAll: true, options: { includeResponseFields: true } });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual(
			[1, 2, 3].flatMap((page) => [
				{ id: page * 10, response: 'own field', _response: { meta: { current_page: page, last_page: 3 } } },
				{ id: page * 10 + 1, response: { meta: { current_page: page, last_page: 3 } } },
			]),
		);
	});
});
