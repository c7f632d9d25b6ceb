import type { IDataObject } from 'n8n-workflow';

import { KwigaApi } from '../../credentials/KwigaApi.credentials';
import { KwigaTrigger } from '../../nodes/Kwiga/KwigaTrigger.node';
import { poll } from '../harness/engine';
import { KWIGA_CABINET, KWIGA_TOKEN, kwigaData, kwigaMock } from '../mocks/kwiga';

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

	test('manual mode returns a participant who completed the course as the sample', async () => {
		data.courseUsers = [participant(1, false), participant(2, true)];
		const { items } = await run('courseCompleted', {}, 'manual', { courseId: 226 });
		expect((items![0].json.contact as IDataObject).id).toBe(2);
	});
});
