import { kwigaMock } from '../mocks/kwiga';
import { runKwiga } from './setup';

const server = kwigaMock();
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

test('get a contact', async () => {
	const { items, error } = await runKwiga(server, {
		resource: 'contact',
		operation: 'get',
		contact: { __rl: true, mode: 'id', value: '499' },
	});
	expect(error).toBeUndefined();
	console.log(JSON.stringify(server.requests.map(r => ({m: r.method, p: r.path, q: r.query, h: r.headers, b: r.body})), null, 1));
	expect(items[0].json.id).toBe(499);
});

test('get many contacts, limit across pages', async () => {
	const { items, error } = await runKwiga(server, { resource: 'contact', operation: 'getAll', returnAll: true });
	expect(error).toBeUndefined();
	console.log(server.requests.map(r => r.rawQuery));
	expect(items).toHaveLength(37);
});
