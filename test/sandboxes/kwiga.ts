import type { MockResponse, RecordedRequest } from '../harness/mockServer';
import { MockServer } from '../harness/mockServer';
import { parseSample, readCollection } from '../harness/postman';
import { referenceFile } from '../harness/reference';
import { laravelPage } from './laravel';

export const KWIGA_TOKEN = 'kwiga-test-token-7f3a';
export const KWIGA_CABINET = 'cabinet-hash-42';

const COLLECTION = referenceFile('kwiga.postman_collection.json');

type Json = Record<string, any>;

/** Saved example body of a collection request, by request name (first example unless named). */
export function kwigaSample(requestName: string, exampleName?: string): any {
	const request = readCollection(COLLECTION).find((r) => r.name === requestName);
	if (!request) throw new Error(`No Kwiga request named ${requestName}`);
	const example = exampleName ? request.responses.find((r) => r.name === exampleName) : request.responses[0];
	return parseSample(example?.body ?? '');
}

/** `count` records shaped like `template`, ids descending from `firstId`, timestamps one hour apart. */
function series(template: Json, count: number, firstId: number, start = Date.UTC(2026, 4, 20, 12)): Json[] {
	return Array.from({ length: count }, (_, i) => {
		const at = new Date(start - i * 3_600_000).toISOString().replace('Z', '000Z').replace('.000000Z', '.000000Z');
		return { ...template, id: firstId - i, created_at: at };
	});
}

/** Data sets the Kwiga sandbox serves (realistic records from the collection, several pages). */
export function kwigaData() {
	const contactTemplate = kwigaSample('Get contact by ID').data as Json;
	const contacts: Json[] = series(contactTemplate, 37, 500).map((c, i) => ({
		...c,
		email: `student${500 - i}@example.com`,
		first_name: ['Alice', 'Bob', 'Chen', 'Dana', 'Emil'][i % 5],
		last_name: `Student ${500 - i}`,
	}));
	const products = (kwigaSample('Get products list').data as Json[]).concat(
		series({ productable_type: 'course', title: 'Course', url: 'https://kwiga.com/courses/x' }, 4, 310).map((p, i) => ({
			...p,
			productable_id: 150 + i,
			title: ['JS Foundations', 'TypeScript Deep Dive', 'Node.js in Production', 'Testing Workshop'][i],
		})),
	);
	const courses = series(kwigaSample('Get courses list').data[0] as Json, 18, 240).map((c, i) => ({
		...c,
		title: `Course ${i + 1}`,
		product_id: 400 + i,
	}));
	const offers = series(kwigaSample('Get offers list').data[0] as Json, 5, 280);
	const contactLists = kwigaSample('Get contact lists').data as Json[];
	const quizTemplate = kwigaSample('List cabinet quiz attempts').data[0] as Json;
	const quizAttempts: Json[] = series(quizTemplate, 23, 4900).map((q) => ({
		...q,
		started_at: q.created_at,
		status_updated_at: q.created_at,
	}));
	const rewards = kwigaSample('List the points (rewards) journal for a contact').data as Json[];
	const courseUsers = kwigaSample('Get course users').data as Json[];
	/**
	 * Contacts a lagging replica has not shown yet: each is left out of the next `hiddenFor` reads of
	 * the contact list, then joins it in date order (a contact that shows up late, dated earlier).
	 */
	const lagging: Array<{ contact: Json; hiddenFor: number }> = [];
	return { contacts, products, courses, offers, contactLists, quizAttempts, rewards, courseUsers, lagging };
}

/** Moves the lagging contacts whose time has come into the list (newest first); counts a read for the others. */
function catchUp(data: ReturnType<typeof kwigaData>): void {
	for (const entry of [...data.lagging]) {
		if (entry.hiddenFor-- > 0) continue;
		data.lagging.splice(data.lagging.indexOf(entry), 1);
		const at = Date.parse(entry.contact.created_at);
		const index = data.contacts.findIndex((c) => Date.parse(c.created_at) < at);
		data.contacts.splice(index === -1 ? data.contacts.length : index, 0, entry.contact);
	}
}

const ok = (body: unknown, status = 200): MockResponse => ({ status, body });

/** The Kwiga mock: every request of the collection, with auth checked on each call. */
export function kwigaMock(data = kwigaData()): MockServer {
	const server = new MockServer();
	const sample = (name: string) => () => ok(kwigaSample(name));
	const page = (records: () => Json[], path: string) => (req: RecordedRequest) => ok(laravelPage(records(), req, path));
	server
		.on('GET', '/certificates/by-number/:number', sample('Get certificate by number'))
		.on('GET', '/contacts', (req) => {
			if (String(req.query.page ?? '1') === '1') catchUp(data);
			const search = String(req.query['filters[search]'] ?? '').toLowerCase();
			const from = req.query['filters[date_from]'] ? Date.parse(String(req.query['filters[date_from]'])) : 0;
			const records = data.contacts.filter(
				(c) => (!search || JSON.stringify(c).toLowerCase().includes(search)) && Date.parse(c.created_at) >= from,
			);
			return ok(laravelPage(records, req, '/contacts'));
		})
		.on('POST', '/contacts/query', (req) => {
			const ids: number[] = req.body?.filters?.contact_ids ?? [];
			const emails: string[] = req.body?.filters?.emails ?? [];
			const records = data.contacts.filter((c) => ids.includes(c.id) || emails.includes(c.email));
			return ok(laravelPage(records, req, '/contacts/query'));
		})
		.on('GET', '/contacts/:contact', (_req, p) => {
			const contact = data.contacts.find((c) => String(c.id) === p.contact);
			return contact ? ok({ data: contact }) : ok({ message: 'Contact not found.' }, 404);
		})
		.on('POST', '/contacts', (req) => {
			if (!req.body?.email) return ok({ message: 'The email field is required.', errors: { email: ['The email field is required.'] } }, 422);
			return ok({ data: { ...kwigaSample('Create contact').data, email: req.body.email } });
		})
		.on('PUT', '/contacts/:contact', (req, p) => {
			const contact = data.contacts.find((c) => String(c.id) === p.contact);
			if (!contact) return ok(kwigaSample('Update contact'));
			for (const [from, to] of [['email', 'email'], ['first_name', 'first_name'], ['last_name', 'last_name'], ['phone', 'phone_number']]) {
				if (req.body?.[from] !== undefined) contact[to] = req.body[from];
			}
			return ok({ data: contact });
		})
		.on('POST', '/contacts/purchases', sample('Add purchase to contact'))
		.on('POST', '/contacts/tags', (req) => {
			// the sandbox keeps the tags on its contacts (by name, as they are sent)
			const ids: unknown[] = req.body?.contacts ?? [];
			for (const contact of data.contacts.filter((c) => ids.includes(c.id))) {
				contact.tags = [...new Set([...(contact.tags ?? []), ...(req.body?.tags ?? [])])];
			}
			return ok(kwigaSample('Add tags to contacts'));
		})
		.on('DELETE', '/contacts/tags', sample('Remove tags from contacts'))
		.on('GET', '/contacts/:contact/products', sample('Get contact products'))
		.on('DELETE', '/contacts/products', sample('Delete contact products in bulk'))
		.on('DELETE', '/contacts/:contact/products/:product', sample('Delete contact product'))
		.on('POST', '/contacts/:contact/products/:product/freeze', sample("Freeze the contact's subscription on a product"))
		.on('POST', '/contacts/:contact/products/:product/unfreeze', sample('Unfreeze a previously frozen contact subscription'))
		.on('POST', '/contacts/:contact/products/:product/extend', sample("Extend the contact's subscription on a product by a number of days"))
		.on('PUT', '/contacts/:contact/products/:product/end-date', sample("Set an explicit end_at date on the contact's subscription"))
		.on('GET', '/contacts/:contact/rewards', page(() => data.rewards, '/contacts/142/rewards'))
		.on('POST', '/contacts/:contact/rewards', sample('Add a manual reward (positive = accrual, negative = deduction) for a contact'))
		.on('GET', '/coupons', sample('Get coupons list'))
		.on('GET', '/coupons/:coupon', sample('Get coupon by ID'))
		.on('POST', '/coupons', sample('Create coupon'))
		.on('POST', '/coupons/check', sample('Check coupon validity'))
		.on('GET', '/courses', page(() => data.courses, '/courses'))
		.on('GET', '/courses/:course/users', page(() => data.courseUsers, '/courses/1/users'))
		.on('POST', '/courses/:course/users/query', page(() => data.courseUsers, '/courses/1/users/query'))
		.on('GET', '/mailing/contact-lists', page(() => data.contactLists, '/mailing/contact-lists'))
		.on('GET', '/mailing/contact-lists/:list', sample('Get contact list by ID'))
		.on('POST', '/mailing/contact-lists', (req) => ok({ data: { ...kwigaSample('Create contact list').data, title: req.body?.title, description: req.body?.description ?? null } }))
		.on('POST', '/mailing/contact-lists/bulk-contacts', sample('Bulk add contacts to lists'))
		.on('GET', '/offers', page(() => data.offers, '/offers'))
		.on('GET', '/offers/:offer', sample('Get offer by ID'))
		.on('GET', '/products', page(() => data.products, '/products'))
		.on('GET', '/quiz-attempts', (req) => {
			const sortBy = String(req.query.sort_by ?? 'status_updated_at');
			const dir = req.query.sort_dir === 'asc' ? 1 : -1;
			const records = [...data.quizAttempts].sort((a, b) => dir * (Date.parse(a[sortBy]) - Date.parse(b[sortBy]) || a.id - b.id));
			return ok(laravelPage(records, req, '/quiz-attempts'));
		})
		.on('POST', '/quiz-attempts/query', page(() => data.quizAttempts, '/quiz-attempts/query'))
		.on('GET', '/timezones', () => ok(kwigaSample('Get timezones list') ?? { data: [{ id: 1, name: 'Europe/Kyiv', name_full: 'Europe/Kyiv (UTC+02:00)', value: 'UTC+02:00' }] }));
	server.guard = (req) =>
		req.headers.token === KWIGA_TOKEN && req.headers['cabinet-hash'] === KWIGA_CABINET
			? undefined
			: { status: 401, body: { message: 'Unauthenticated.' } };
	return server;
}
