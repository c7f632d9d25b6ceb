import { kwigaMock, KWIGA_TOKEN } from '../sandboxes/kwiga';
import { runKwiga } from './setup';

const server = kwigaMock();
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

test('401: wrong token gives a NodeApiError with the vendor message and code, without the secret', async () => {
	const { error, items } = await runKwiga(server, { resource: 'contact', operation: 'get', contact: rl('499') }, { token: 'wrong-token-123' });
	expect(items).toHaveLength(0);
	expect(error?.name).toBe('NodeApiError');
	expect(error?.message).toBe('Kwiga: Unauthenticated. [HTTP 401]');
	expect(error?.httpCode).toBe('401');
	expect(JSON.stringify(error)).not.toContain('wrong-token-123');
	expect(JSON.stringify(error)).not.toContain(KWIGA_TOKEN);
});

test('404 carries the vendor message', async () => {
	const { error } = await runKwiga(server, { resource: 'contact', operation: 'get', contact: rl('1') });
	expect(error?.message).toBe('Kwiga: Contact not found. [HTTP 404]');
	expect(error?.httpCode).toBe('404');
});

test('422 with a Laravel validation body lists the field errors', async () => {
	server.on('POST', '/mailing/contact-lists', () => ({
		status: 422,
		body: { message: 'The given data was invalid.', errors: { title: ['The title field is required.', 'The title must be a string.'] } },
	}));
	const { error } = await runKwiga(server, { resource: 'contactList', operation: 'create', title: 'x'.repeat(300) });
	expect(error?.message).toBe('Kwiga: The given data was invalid. [HTTP 422]');
	expect(error?.description).toContain('title: The title field is required. The title must be a string.');
	expect(error?.httpCode).toBe('422');
	expect(error?.context?.itemIndex).toBe(0);
});

test('500 without a body still names the status', async () => {
	server.on('GET', '/timezones', () => ({ status: 500, body: '' }));
	const { error } = await runKwiga(server, { resource: 'timezone', operation: 'getAll', returnAll: true });
	expect(error?.message).toBe('Kwiga: The service failed to process your request [HTTP 500]');
	expect(error?.httpCode).toBe('500');
});

test('Continue On Fail: the failing item becomes an error item paired with its input; the others go on', async () => {
	const items = [{ json: { id: '499' } }, { json: { id: '1' } }, { json: { id: '498' } }];
	const result = await runKwiga(
		server,
		{ resource: 'contact', operation: 'get', contact: rl('={{ $json.id }}') },
		{ items, continueOnFail: true },
	);
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(3);
	expect(result.items[0].json.id).toBe(499);
	expect(result.items[1].json).toEqual({
		error: 'Kwiga: Contact not found. [HTTP 404]',
		details: { httpCode: '404', description: 'The resource you are requesting could not be found.' },
	});
	expect(result.items[1].pairedItem).toEqual({ item: 1 });
	expect(result.items[2].json.id).toBe(498);
	expect(result.items[2].pairedItem).toEqual({ item: 2 });
});

// The executor throws a NodeOperationError; n8n-core's RoutingNode re-wraps every non-API error
// raised while a request is prepared into a NodeApiError (httpCode "none"), keeping message and
// description. What the user sees is the message naming the parameter and the item.
test('Continue (using error output): failed items go to the error output, paired with their input', async () => {
	const items = [{ json: { id: '499' } }, { json: { id: '1' } }];
	const result = await runKwiga(
		server,
		{ resource: 'contact', operation: 'get', contact: rl('={{ $json.id }}') },
		{ items, errorOutput: true },
	);
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => i.json.id)).toEqual([499]);
	expect(result.errorItems).toHaveLength(1);
	expect(result.errorItems[0].json).toMatchObject({ id: '1', error: 'Kwiga: Contact not found. [HTTP 404]' });
	expect(result.errorItems[0].pairedItem).toEqual({ item: 1 });
});

test('an empty path parameter is an error naming the parameter and the item, before any request', async () => {
	const items = [{ json: { id: '499' } }, { json: { id: '' } }];
	const { error } = await runKwiga(server, { resource: 'contact', operation: 'get', contact: rl('={{ $json.id }}') }, { items });
	expect(error?.message).toBe('The parameter "Contact" is empty for item 1');
	expect(error?.description).toContain('"Contact" is required to build the request URL');
	expect(error?.context?.itemIndex).toBe(1);
	expect(server.requests.map((r) => r.path)).toEqual(['/contacts/499']);
});

test('a bad date is an error naming the parameter, and nothing is sent', async () => {
	const { error } = await runKwiga(server, { resource: 'coupon', operation: 'getAll', returnAll: true, filters: { dateFrom: 'not a date' } });
	expect(error?.message).toBe('Invalid value for parameter "Created After" for item 0: "not a date" is not a valid date');
	expect(server.requests).toHaveLength(0);
});

test('unreachable host: clear network error without the token', async () => {
	const { runNode } = await import('../harness/engine');
	const { Kwiga } = await import('../../nodes/Kwiga/Kwiga.node');
	const { KwigaApi } = await import('../../credentials/KwigaApi.credentials');
	const { error } = await runNode({
		node: new Kwiga(),
		parameters: { resource: 'timezone', operation: 'getAll', returnAll: true },
		credentials: { kwigaApi: { token: 'secret-token-xyz', cabinetHash: 'h', baseUrl: 'http://127.0.0.1:9' } },
		credentialTypes: [new KwigaApi()],
	});
	expect(error?.name).toBe('NodeApiError');
	expect(error?.message).toMatch(/refused the connection/);
	expect(JSON.stringify(error)).not.toContain('secret-token-xyz');
});
