import type { IDataObject } from 'n8n-workflow';

import { KwigaApi } from '../../credentials/KwigaApi.credentials';
import { KwigaTrigger } from '../../nodes/Kwiga/KwigaTrigger.node';
import { poll } from '../harness/engine';
import { laravelPage } from '../sandboxes/laravel';
import { KWIGA_CABINET, KWIGA_TOKEN, kwigaData, kwigaMock } from '../sandboxes/kwiga';

const data = kwigaData();
const server = kwigaMock(data);
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const run = async (event: string, staticData: IDataObject, mode: 'manual' | 'trigger' = 'trigger', extra: IDataObject = {}) =>
	await poll({
		node: new KwigaTrigger(),
		parameters: { event, ...extra },
		credentials: { kwigaApi: { token: KWIGA_TOKEN, cabinetHash: KWIGA_CABINET, baseUrl: server.url } },
		credentialTypes: [new KwigaApi()],
		mode,
		staticData,
	});

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '000Z');

test('manual mode returns the newest contact as a sample and keeps no cursor', async () => {
	const staticData: IDataObject = {};
	const { items } = await run('newContact', staticData, 'manual');
	expect(items).toHaveLength(1);
	expect(items![0].json.id).toBe(500);
	expect(server.last().headers.token).toBe(KWIGA_TOKEN);
	expect(server.last().headers['cabinet-hash']).toBe(KWIGA_CABINET);
	expect(staticData['node:Kwiga Trigger'] ?? {}).toEqual({});
});

test('New Contact: first poll sets the cursor, later polls emit each new contact once, same-second ones included', async () => {
	const staticData: IDataObject = {};
	const first = await run('newContact', staticData);
	expect(first.items).toBeNull();
	const newest = Date.parse(data.contacts[0].created_at);

	// Nothing new: nothing emitted, and the date filter narrows the request.
	expect((await run('newContact', staticData)).items).toBeNull();
	expect(server.last().query['filters[date_from]']).toBe('2026-05-19');

	// Two contacts created in the same second, one more a second later.
	const sameSecond = iso(newest + 60_000);
	data.contacts.unshift(
		{ ...data.contacts[0], id: 601, created_at: sameSecond },
		{ ...data.contacts[0], id: 602, created_at: sameSecond },
	);
	const second = await run('newContact', staticData);
	expect(second.items!.map((i) => i.json.id)).toEqual([601, 602]);

	// A third contact appears in that same second after the poll: not missed, and 601/602 not repeated.
	data.contacts.unshift({ ...data.contacts[0], id: 603, created_at: sameSecond });
	const third = await run('newContact', staticData);
	expect(third.items!.map((i) => i.json.id)).toEqual([603]);

	expect((await run('newContact', staticData)).items).toBeNull();
});

test('New Quiz Attempt walks newest-first pages until it reaches the cursor', async () => {
	const staticData: IDataObject = {};
	expect((await run('newQuizAttempt', staticData, 'trigger', { productIds: [431] })).items).toBeNull();
	expect(server.last().query).toMatchObject({ sort_by: 'started_at', sort_dir: 'desc', 'filters[product_ids]': '431' });
	const newest = Date.parse(data.quizAttempts[0].started_at);
	for (let i = 1; i <= 3; i++) {
		const at = iso(newest + i * 1000);
		data.quizAttempts.push({ ...data.quizAttempts[0], id: 5000 + i, started_at: at, status_updated_at: at });
	}
	const { items } = await run('newQuizAttempt', staticData, 'trigger', { productIds: [431] });
	expect(items!.map((i) => i.json.id)).toEqual([5001, 5002, 5003]);
	expect((await run('newQuizAttempt', staticData, 'trigger', { productIds: [431] })).items).toBeNull();
});

test('switching the event resets the cursor instead of mixing events', async () => {
	const staticData: IDataObject = {};
	const cursor = () => staticData['node:Kwiga Trigger'] as IDataObject;
	await run('newContact', staticData);
	expect(cursor().event).toBe('newContact');
	expect((await run('newCoupon', staticData)).items).toBeNull();
	expect(cursor().event).toBe('newCoupon');
});

test("the sandbox's lagging replica: a contact shown one poll late, dated before the newest emitted one, is emitted once", async () => {
	const state: IDataObject = {};
	await run('newContact', state);
	const newest = Date.parse(data.contacts[0].created_at);
	const first = { ...data.contacts[0], id: 6101, email: 'first@example.com', created_at: iso(newest + 60_000) };
	data.contacts.unshift(first);
	expect((await run('newContact', state)).items!.map((i) => i.json.id)).toEqual([6101]);
	data.lagging.push({ contact: { ...first, id: 6100, email: 'late@example.com', created_at: iso(newest + 58_000) }, hiddenFor: 1 });
	expect((await run('newContact', state)).items).toBeNull();
	expect((await run('newContact', state)).items!.map((i) => i.json.id)).toEqual([6100]);
	expect((await run('newContact', state)).items).toBeNull();
	expect(data.lagging).toHaveLength(0);
});

describe('Course Completed', () => {
	const participant = (contactId: number, completed: boolean) => ({
		...data.courseUsers[0],
		contact: { ...data.courseUsers[0].contact, id: contactId, email: `p${contactId}@example.com` },
		course_progress: { ...data.courseUsers[0].course_progress, is_completed: completed, completed_at: completed ? '2026-05-21T10:00:00.000000Z' : null },
	});

	test('emits a participant once when they complete the chosen course, new completers included', async () => {
		data.courseUsers = [participant(1, false), participant(2, true), participant(3, false)];
		const staticData: IDataObject = {};
		const params = { courseId: 226 };
		expect((await run('courseCompleted', staticData, 'trigger', params)).items).toBeNull();
		expect(server.last().path).toBe('/courses/226/users');
		expect(server.last().query).toMatchObject({ page: '1', per_page: '100' });

		data.courseUsers[0] = participant(1, true);
		data.courseUsers.push(participant(4, true), participant(5, false));
		const { items } = await run('courseCompleted', staticData, 'trigger', params);
		expect(items!.map((i) => [(i.json.contact as IDataObject).id, i.json.previouslyCompleted])).toEqual([
			[1, false],
			[4, null],
		]);
		expect((await run('courseCompleted', staticData, 'trigger', params)).items).toBeNull();

		// Another course: a fresh snapshot, not a flood of "completions".
		expect((await run('courseCompleted', staticData, 'trigger', { courseId: 227 })).items).toBeNull();
	});

	test('an empty answer does not replace the snapshot: nothing is emitted again, a later completion still is', async () => {
		data.courseUsers = [participant(1, true), participant(2, true), participant(3, false)];
		const state: IDataObject = {};
		const params = { courseId: 226 };
		await run('courseCompleted', state, 'trigger', params);
		const full = data.courseUsers;
		data.courseUsers = [];
		expect((await run('courseCompleted', state, 'trigger', params)).items).toBeNull();
		data.courseUsers = full;
		expect((await run('courseCompleted', state, 'trigger', params)).items).toBeNull();
		data.courseUsers[2] = participant(3, true);
		const { items } = await run('courseCompleted', state, 'trigger', params);
		expect(items!.map((i) => (i.json.contact as IDataObject).id)).toEqual([3]);
	});

	test('an answer that holds no list fails the poll and keeps the snapshot', async () => {
		data.courseUsers = [participant(1, true), participant(2, false)];
		const state: IDataObject = {};
		await run('courseCompleted', state, 'trigger', { courseId: 226 });
		const before = JSON.stringify(state);
		server.on('GET', '/courses/:course/users', () => ({ body: { message: 'Server Error' } }));
		try {
			await expect(run('courseCompleted', state, 'trigger', { courseId: 226 })).rejects.toThrow(/no list/);
		} finally {
			server.on('GET', '/courses/:course/users', (req) => ({ body: laravelPage(data.courseUsers, req, '/courses/226/users') }));
		}
		expect(JSON.stringify(state)).toBe(before);
	});

	test('participants without a contact or user ID are skipped, not merged under one key', async () => {
		const keyless = (completed: boolean) => ({ ...participant(0, completed), contact: { email: 'x@example.com' }, user: null });
		data.courseUsers = [participant(1, false), keyless(false), keyless(true)];
		const state: IDataObject = {};
		const params = { courseId: 226 };
		await run('courseCompleted', state, 'trigger', params);
		expect(Object.keys((state['node:Kwiga Trigger'] as IDataObject).snapshot as IDataObject)).toEqual(['1']);
		data.courseUsers = [participant(1, true), keyless(true), keyless(true)];
		const { items } = await run('courseCompleted', state, 'trigger', params);
		expect(items!.map((i) => (i.json.contact as IDataObject).id)).toEqual([1]);
	});

	test('manual mode returns a participant who completed the course as the sample', async () => {
		data.courseUsers = [participant(1, false), participant(2, true)];
		const { items } = await run('courseCompleted', {}, 'manual', { courseId: 226 });
		expect((items![0].json.contact as IDataObject).id).toBe(2);
	});
});

describe('New Contact never loses, skips or repeats a contact', () => {
	const pristine = JSON.stringify(data.contacts);
	/** How the contact list answers: newest first (as the mock) or oldest first, and a page that fails. */
	const list: { ascending: boolean; failPage?: string } = { ascending: false };
	beforeAll(() =>
		server.on('GET', '/contacts', (req) => {
			if (req.query.page === list.failPage) return { status: 500, body: { message: 'Server Error' } };
			const from = Date.parse(String(req.query['filters[date_from]'] ?? 0));
			const contacts = list.ascending ? [...data.contacts].reverse() : data.contacts;
			return { body: laravelPage(contacts.filter((c) => Date.parse(c.created_at) >= from), req, '/contacts') };
		}),
	);
	beforeEach(() => {
		data.contacts.splice(0, data.contacts.length, ...JSON.parse(pristine));
		list.ascending = false;
		list.failPage = undefined;
	});

	const contact = (id: number, created_at: unknown) => ({ ...data.contacts[0], id, email: `c${id}@example.com`, created_at });
	const newest = () => Date.parse(JSON.parse(pristine)[0].created_at);
	/** Static data as n8n stores it: written to the database and read back before the next poll. */
	const reload = (staticData: IDataObject): IDataObject => JSON.parse(JSON.stringify(staticData));
	const ids = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((i) => i.json.id);
	const cursorOf = (staticData: IDataObject, node = 'Kwiga Trigger') => staticData[`node:${node}`] as IDataObject;

	test('a contact dated in the future is emitted once and does not move the cursor past now', async () => {
		const state: IDataObject = {};
		await run('newContact', state);
		data.contacts.unshift(contact(900, '2099-01-01T00:00:00.000000Z'));
		expect(ids((await run('newContact', state)).items)).toEqual([900]);
		expect(cursorOf(state).mark).toBeLessThanOrEqual(Date.now());
		// A contact created after it, dated normally, is still emitted; the future one is not repeated.
		data.contacts.splice(1, 0, contact(901, iso(newest() + 60_000)));
		expect(ids((await run('newContact', state)).items)).toEqual([901]);
		expect((await run('newContact', state)).items).toBeNull();
		expect(server.last().query['filters[date_from]']).toBe('2026-05-19');
	});

	test('all 14 contacts of the newest second at activation are the baseline, not new', async () => {
		const second = iso(newest() + 1000);
		data.contacts.unshift(...Array.from({ length: 14 }, (_, i) => contact(1000 + i, second)));
		const state: IDataObject = {};
		expect((await run('newContact', state)).items).toBeNull();
		expect(Object.keys(cursorOf(state).ids as IDataObject)).toEqual(expect.arrayContaining(Array.from({ length: 14 }, (_, i) => String(1000 + i))));
		expect((await run('newContact', state)).items).toBeNull();
		data.contacts.unshift(contact(1014, second));
		expect(ids((await run('newContact', state)).items)).toEqual([1014]);
	});

	test('a burst larger than the page budget is drained over the next polls, oldest first, nothing lost or repeated, across restarts', async () => {
		// n8n keeps static data in memory between polls and writes it to the database when a poll
		// emits (and on activation); a restart reloads the last written copy. A walk that has not
		// reached the cursor yet starts again after a restart: slower, never lossy.
		let state: IDataObject = {};
		await run('newContact', state);
		let saved = reload(state);
		const burst = Array.from({ length: 450 }, (_, i) => contact(2000 + i, iso(newest() + (i + 1) * 1000)));
		data.contacts.unshift(...[...burst].reverse());
		const emitted: unknown[] = [];
		for (let poll = 1; poll <= 60 && emitted.length < burst.length; poll++) {
			if (poll === 3 || poll === 9) state = reload(saved);
			server.reset();
			const { items } = await run('newContact', state, 'trigger', { maxPagesPerPoll: 3 });
			expect(server.requests.length).toBeLessThanOrEqual(3);
			if (items) saved = reload(state);
			emitted.push(...ids(items));
		}
		expect(emitted).toEqual(burst.map((c) => c.id));
		expect((await run('newContact', reload(saved), 'trigger', { maxPagesPerPoll: 3 })).items).toBeNull();
	});

	test('a poll failing in the middle of a walk changes nothing; the next poll emits every contact once', async () => {
		const state: IDataObject = {};
		await run('newContact', state);
		const before = JSON.stringify(state);
		const burst = Array.from({ length: 250 }, (_, i) => contact(3000 + i, iso(newest() + (i + 1) * 1000)));
		data.contacts.unshift(...[...burst].reverse());
		list.failPage = '3';
		await expect(run('newContact', state)).rejects.toThrow();
		list.failPage = undefined;
		expect(JSON.stringify(state)).toBe(before);
		expect(ids((await run('newContact', state)).items)).toEqual(burst.map((c) => c.id));
		expect((await run('newContact', state)).items).toBeNull();
	});

	test('a manual run returns the newest contact as a sample and leaves an active cursor alone', async () => {
		const state: IDataObject = {};
		await run('newContact', state);
		const before = JSON.stringify(state);
		data.contacts.unshift(contact(4100, iso(newest() + 1000)));
		expect(ids((await run('newContact', state, 'manual')).items)).toEqual([4100]);
		expect(JSON.stringify(state)).toBe(before);
		expect(ids((await run('newContact', state)).items)).toEqual([4100]);
	});

	test('two Kwiga triggers in one workflow keep separate cursors', async () => {
		const state: IDataObject = {};
		const second = async () =>
			await poll({
				node: new KwigaTrigger(),
				parameters: { event: 'newContact' },
				credentials: { kwigaApi: { token: KWIGA_TOKEN, cabinetHash: KWIGA_CABINET, baseUrl: server.url } },
				credentialTypes: [new KwigaApi()],
				staticData: state,
				nodeName: 'Kwiga Trigger1',
			});
		await run('newContact', state);
		data.contacts.unshift(contact(4000, iso(newest() + 1000)));
		expect(ids((await run('newContact', state)).items)).toEqual([4000]);
		// The second trigger is activated only now: 4000 is part of its baseline, then both see 4001.
		expect((await second()).items).toBeNull();
		data.contacts.unshift(contact(4001, iso(newest() + 2000)));
		expect(ids((await second()).items)).toEqual([4001]);
		expect(ids((await run('newContact', state)).items)).toEqual([4001]);
		expect(cursorOf(state, 'Kwiga Trigger1')).toEqual(cursorOf(state));
	});

	test('the list order is read from the first page: an oldest-first contact list is read from its end', async () => {
		list.ascending = true;
		data.contacts.unshift(...Array.from({ length: 300 }, (_, i) => contact(5300 - i, iso(newest() - (i + 1) * 60_000))));
		const state: IDataObject = {};
		await run('newContact', state);
		data.contacts.unshift(contact(5401, iso(newest() + 2000)), contact(5400, iso(newest() + 1000)));
		server.reset();
		expect(ids((await run('newContact', state)).items)).toEqual([5400, 5401]);
		expect(server.requests.map((r) => r.query.page)).toEqual(['4']);
		expect((await run('newContact', state)).items).toBeNull();
	});
});

describe('New Contact when the data moves under the trigger', () => {
	const pristine = JSON.stringify(data.contacts);
	/** How /contacts answers: a hook runs after each answer (to change the list between two pages). */
	const hooks: { after?: (page: string) => void; proxy?: (page: string) => string } = {};
	beforeAll(() =>
		server.on('GET', '/contacts', (req) => {
			const page = String(req.query.page ?? '1');
			const asked = hooks.proxy ? { ...req, query: { ...req.query, page: hooks.proxy(page) } } : req;
			const from = Date.parse(String(req.query['filters[date_from]'] ?? 0));
			const body = laravelPage(data.contacts.filter((c) => Date.parse(c.created_at) >= from), asked, '/contacts');
			hooks.after?.(page);
			return { body };
		}),
	);
	beforeEach(() => {
		data.contacts.splice(0, data.contacts.length, ...JSON.parse(pristine));
		hooks.after = undefined;
		hooks.proxy = undefined;
	});

	const contact = (id: number, created_at: string) => ({ ...data.contacts[0], id, email: `m${id}@example.com`, created_at });
	const base = () => Date.parse(JSON.parse(pristine)[0].created_at);
	const reload = (staticData: IDataObject): IDataObject => JSON.parse(JSON.stringify(staticData));
	const ids = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((i) => i.json.id);
	/** `count` contacts `gap` ms apart after `start`, newest first as the list shows them. */
	const burst = (firstId: number, count: number, start: number, gap: number) =>
		Array.from({ length: count }, (_, i) => contact(firstId + i, iso(start + (i + 1) * gap))).reverse();

	test('a contact that becomes visible after a poll, dated 2 s before the cursor, is emitted once, across a restart', async () => {
		let state: IDataObject = {};
		await run('newContact', state);
		data.contacts.unshift(contact(7001, iso(base() + 60_000)));
		expect(ids((await run('newContact', state)).items)).toEqual([7001]);
		// A replica catches up: a contact created 2 s before 7001 shows up only now.
		data.contacts.splice(1, 0, contact(7000, iso(base() + 58_000)));
		state = reload(state);
		expect(ids((await run('newContact', state)).items)).toEqual([7000]);
		state = reload(state);
		expect((await run('newContact', state)).items).toBeNull();
		// Beyond the window (10 minutes by default) a late contact is not looked for; a wider window finds it.
		data.contacts.splice(2, 0, contact(6999, iso(base() + 60_000 - 11 * 60_000)));
		expect((await run('newContact', state)).items).toBeNull();
	});

	test('two triggers in one workflow each emit a late contact once', async () => {
		const state: IDataObject = {};
		const other = async () =>
			(
				await poll({
					node: new KwigaTrigger(),
					parameters: { event: 'newContact' },
					credentials: { kwigaApi: { token: KWIGA_TOKEN, cabinetHash: KWIGA_CABINET, baseUrl: server.url } },
					credentialTypes: [new KwigaApi()],
					staticData: state,
					nodeName: 'Kwiga Trigger1',
				})
			).items;
		await run('newContact', state);
		await other();
		data.contacts.unshift(contact(7101, iso(base() + 60_000)));
		expect(ids((await run('newContact', state)).items)).toEqual([7101]);
		data.contacts.splice(1, 0, contact(7100, iso(base() + 58_000)));
		expect(ids(await other())).toEqual([7100, 7101]);
		expect(ids((await run('newContact', state)).items)).toEqual([7100]);
		expect(await other()).toBeNull();
		expect((await run('newContact', state)).items).toBeNull();
	});

	test('5 contacts deleted between page 1 and page 2 of one poll: every survivor is emitted once', async () => {
		const state: IDataObject = {};
		await run('newContact', state);
		// 150 new contacts a minute apart: the page boundary lies far outside the lookback window.
		const added = burst(7200, 150, base(), 60_000);
		data.contacts.unshift(...added);
		let deleted = false;
		hooks.after = (page) => {
			if (page !== '1' || deleted) return;
			deleted = true;
			data.contacts.splice(10, 5);
		};
		const emitted = [...ids((await run('newContact', state)).items), ...ids((await run('newContact', state)).items)];
		const survivors = added.filter((c) => data.contacts.includes(c)).map((c) => c.id).reverse();
		expect(survivors).toHaveLength(145);
		expect(emitted).toEqual(survivors);
		expect((await run('newContact', state)).items).toBeNull();
	});

	test('page 2 answered with page 1 again: the poll fails visibly, keeps the cursor, and nothing is lost after', async () => {
		const state: IDataObject = {};
		await run('newContact', state);
		const added = burst(7400, 150, base(), 60_000);
		data.contacts.unshift(...added);
		hooks.proxy = () => '1';
		const before = JSON.stringify(state);
		await expect(run('newContact', state)).rejects.toThrow(/changed while it was read: page 2 came back with the records of page 1/);
		expect(JSON.stringify(state)).toBe(before);
		hooks.proxy = undefined;
		expect(ids((await run('newContact', state)).items)).toEqual(added.map((c) => c.id).reverse());
		expect((await run('newContact', state)).items).toBeNull();
	});

	test("the vendor's clock 8 minutes ahead of n8n's: every contact once, and a poll reads a few pages, not the budget", async () => {
		const state: IDataObject = {};
		await run('newContact', state);
		// 24 polls, 100 contacts each (6 s apart), dated by a vendor clock 8 minutes ahead of n8n's.
		const start = Date.now() + 8 * 60_000;
		const all: number[] = [];
		for (let poll = 0; poll < 24; poll++) {
			const batch = burst(8000 + poll * 100, 100, start + poll * 600_000, 6000);
			data.contacts.unshift(...batch);
			all.push(...batch.map((c) => c.id).reverse());
		}
		// Delivered in batches as the polls go.
		const pending = data.contacts.splice(0, 2400).reverse();
		const emitted: unknown[] = [];
		for (let poll = 0; poll < 24; poll++) {
			data.contacts.unshift(...pending.slice(poll * 100, (poll + 1) * 100).reverse());
			server.reset();
			emitted.push(...ids((await run('newContact', state)).items));
			expect(server.requests.length).toBeLessThanOrEqual(3);
		}
		expect(emitted).toEqual(all);
		expect((await run('newContact', state)).items).toBeNull();
	});

	test('6,000 new contacts between two polls: the first poll already emits the oldest, the burst drains in about N / budget polls', async () => {
		const state: IDataObject = {};
		await run('newContact', state);
		const added = burst(10_000, 6000, base(), 10_000);
		data.contacts.unshift(...added);
		const expected = added.map((c) => c.id).reverse();
		const emitted: unknown[] = [];
		let polls = 0;
		for (; polls < 30 && emitted.length < expected.length; polls++) {
			server.reset();
			const got = ids((await run('newContact', state)).items);
			if (polls === 0) {
				expect(got.length).toBeGreaterThanOrEqual(600);
				expect(got[0]).toBe(expected[0]);
			}
			expect(server.requests.length).toBeLessThanOrEqual(10);
			emitted.push(...got);
		}
		expect(emitted).toEqual(expected);
		// 60 pages of 100 at 10 pages a poll, a few of them spent finding the mark.
		expect(polls).toBeLessThanOrEqual(10);
		expect((await run('newContact', state)).items).toBeNull();
	});
});
