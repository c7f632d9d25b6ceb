import { kwigaMock } from '../sandboxes/kwiga';
import { laravelPage } from '../sandboxes/laravel';
import { runKwiga } from './setup';

const server = kwigaMock();
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const pages = () => server.requests.map((r) => [r.query.page, r.query.per_page]);

test('Return All walks every page (37 contacts, pages of 100 -> 1 request; pages of 15 -> 3 requests)', async () => {
	const all = await runKwiga(server, { resource: 'contact', operation: 'getAll', returnAll: true });
	expect(all.items).toHaveLength(37);
	expect(pages()).toEqual([['1', '100']]);

	// The server caps per_page at 15 (as Laravel APIs often do): the walk follows meta.last_page.
	server.reset();
	const contacts = Array.from({ length: 37 }, (_, i) => ({ id: i + 1, created_at: '2026-01-01T00:00:00.000000Z' }));
	server.on('GET', '/contacts', (req) => ({ body: laravelPage(contacts, { ...req, query: { ...req.query, per_page: '15' } }, '/contacts') }));
	const capped = await runKwiga(server, { resource: 'contact', operation: 'getAll', returnAll: true });
	expect(capped.items.map((i) => i.json.id)).toEqual(contacts.map((c) => c.id));
	// pages 2 and 3 go out together (page 1 announced them), in either order
	expect(pages().sort()).toEqual([
		['1', '100'],
		['2', '100'],
		['3', '100'],
	]);
});

test('Limit across a page boundary stops without fetching an extra page', async () => {
	const contacts = Array.from({ length: 50 }, (_, i) => ({ id: i + 1 }));
	server.on('GET', '/contacts', (req) => ({ body: laravelPage(contacts, { ...req, query: { ...req.query, per_page: '15' } }, '/contacts') }));
	const { items } = await runKwiga(server, { resource: 'contact', operation: 'getAll', returnAll: false, limit: 20 });
	expect(items.map((i) => i.json.id)).toEqual(contacts.slice(0, 20).map((c) => c.id));
	expect(pages()).toEqual([
		['1', '20'],
		['2', '20'],
	]);
});

test('Limit smaller than a page asks for just that many', async () => {
	const { items } = await runKwiga(server, { resource: 'course', operation: 'getAll', limit: 7 });
	expect(items).toHaveLength(7);
	expect(pages()).toEqual([['1', '7']]);
});

test('links.next without meta is followed until it is null', async () => {
	const records = Array.from({ length: 5 }, (_, i) => ({ id: i + 1 }));
	server.on('GET', '/products', (req) => {
		const page = Number(req.query.page);
		const data = records.slice((page - 1) * 2, page * 2);
		return { body: { data, links: { next: page < 3 ? `https://api.kwiga.com/products?page=${page + 1}` : null } } };
	});
	const { items } = await runKwiga(server, { resource: 'product', operation: 'getAll', returnAll: true });
	expect(items.map((i) => i.json.id)).toEqual([1, 2, 3, 4, 5]);
	expect(server.requests).toHaveLength(3);
});

test('a runaway next (the same page again and again) stops with a clear error', async () => {
	server.on('GET', '/offers', () => ({
		body: { data: [{ id: 1 }, { id: 2 }], links: { next: 'https://api.kwiga.com/offers?page=2' }, meta: { current_page: 1, last_page: 99 } },
	}));
	const { error } = await runKwiga(server, { resource: 'offer', operation: 'getAll', returnAll: true });
	expect(error?.message).toMatch(/same page twice/);
	// pages 2 and 3 were asked for ahead (at most twice as far as the walk had read); the walk stopped at page 2
	expect(pages().sort()).toEqual([
		['1', '100'],
		['2', '100'],
		['3', '100'],
	]);
});

test('an empty page ends the walk even if the server still announces more', async () => {
	server.on('GET', '/offers', (req) => ({
		body: { data: req.query.page === '1' ? [{ id: 1 }] : [], meta: { current_page: Number(req.query.page), last_page: 50 } },
	}));
	const { items, error } = await runKwiga(server, { resource: 'offer', operation: 'getAll', returnAll: true });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	// page 3 was asked for ahead of the walk; nothing after the empty page 2
	expect(server.requests).toHaveLength(3);
});
