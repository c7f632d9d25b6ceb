import { randomUUID } from 'node:crypto';

import type { MockResponse, RecordedRequest } from '../harness/mockServer';
import { MockServer } from '../harness/mockServer';
import { parseSample, readCollection } from '../harness/postman';
import { referenceFile } from '../harness/reference';

export const PROVI_TOKEN = 'provi-test-token-5c1e';
/** The API version segment every route of the mock lives under. */
export const PROVI_VERSION = 'v4';

const COLLECTION = referenceFile('provi.postman_collection.json');

type Json = Record<string, any>;

/** Saved example body of a collection request, by folder and request name (first example unless named). */
export function proviSample(folder: string, requestName: string, exampleName?: string): any {
	const request = readCollection(COLLECTION).find((r) => r.folder === folder && r.name === requestName);
	if (!request) throw new Error(`No Provi request ${folder} / ${requestName}`);
	const example = exampleName ? request.responses.find((r) => r.name === exampleName) : request.responses[0];
	if (!example) throw new Error(`No example ${exampleName} of ${requestName}`);
	return parseSample(example.body);
}

/** Largest page the sandbox serves (so that lists span several pages). */
/** A Provi webhook delivery as the reference shows it (a sale made effective); tests and the e2e send it. */
export const PROVI_DELIVERY = {
	id: 127497,
	is_maas: false,
	is_provi_pay: true,
	webhook: 'made_effective',
	cpf: '12312312312',
	checkout_price_in_cents: 10000,
	courses: [{ proviId: 33950, name: 'Full Stack Web 1', price_in_cents: 10000 }],
	snapshot: { status: 'settled' },
};

export const PROVI_MAX_PAGE_SIZE = 20;

/**
 * A Provi page (`paging` + `content`) over `records`; page size from `sizeParam` (default 10,
 * capped at PROVI_MAX_PAGE_SIZE).
 */
export function proviPage(records: unknown[], req: RecordedRequest, sizeParam = 'limit', extra: Json = {}) {
	const size = Math.min(PROVI_MAX_PAGE_SIZE, Math.max(1, Number(req.query[sizeParam] ?? 10)));
	const page = Math.max(1, Number(req.query.page ?? 1));
	const totalPages = Math.max(1, Math.ceil(records.length / size));
	return {
		paging: {
			itemsPerPage: size,
			nextPage: page < totalPages ? page + 1 : null,
			currentPage: page,
			previousPage: page > 1 ? page - 1 : null,
			totalPages,
			totalItems: records.length,
		},
		...extra,
		content: records.slice((page - 1) * size, page * size),
	};
}

const day = (offset: number) => new Date(Date.UTC(2026, 4, 1) + offset * 86_400_000).toISOString().slice(0, 10);

const NAMES = ['Maria Silva', 'João Souza', 'Ana Lima', 'Pedro Alves', 'Carla Rocha', 'Lucas Martins'];
const STATUSES = ['made_effective', 'not_logged', 'waiting_signature', 'approved', 'denied'];

/** Data sets the Provi sandbox serves (records shaped like the saved examples, several pages). */
export function proviData() {
	const courseTemplate = proviSample('Courses', 'List all Courses').content[0] as Json;
	const courses = Array.from({ length: 23 }, (_, i) => ({
		...courseTemplate,
		id: 33950 + i,
		name: ['Full Stack Web', 'Data Science', 'UX Design', 'Product Management', 'Digital Marketing'][i % 5] + ` ${Math.floor(i / 5) + 1}`,
		priceInCents: 150000 + i * 10000,
		internalPartnerProductId: `SKU-${33950 + i}`,
	}));
	const classTemplate = proviSample('Course-Classes', 'List all Course-Classes').content[0] as Json;
	const courseClasses = courses.flatMap((course, c) =>
		Array.from({ length: 3 }, (_, i) => ({
			...classTemplate,
			id: 1000 + c * 3 + i,
			CourseId: course.id,
			name: ['Morning class', 'Evening class', 'Online class'][i],
			visible: i !== 1,
			priceInCents: course.priceInCents - i * 5000,
		})),
	);
	const saleTemplate = proviSample('Sales', 'List all sales').content[0] as Json;
	const sales = Array.from({ length: 57 }, (_, i) => ({
		...saleTemplate,
		id: 57000 + i,
		email: `student${i}@example.com`,
		resumeStatus: STATUSES[i % STATUSES.length],
		createdAt: day(i % 30),
		updatedAt: day((i % 30) + 1),
	}));
	const exclusiveSale = proviSample('Sales/Exclusive sale', 'Find exclusive sale', 'Success').content as Json;
	const campaignTemplate = proviSample('Campaigns', 'Find campaign', 'Success').content as Json;
	const campaigns = Array.from({ length: 12 }, (_, i) => ({
		...campaignTemplate,
		id: `62040e573aafe90023d41${String(400 + i).padStart(3, '0')}`,
		name: `Campaign ${i + 1}`,
		slug: `campaign-${i + 1}`,
		customIdentifier: `campaign_${i + 1}`,
		active: i % 3 !== 0,
	}));
	const receiptTemplate = proviSample('Receipts', 'List all receipts').content[0] as Json;
	const receipts = Array.from({ length: 25 }, (_, i) => ({
		...receiptTemplate,
		crid: 330800 + i,
		name: NAMES[i % NAMES.length],
		email: `student${i}@example.com`,
	}));
	const movementTemplate = proviSample('Financial', 'List Maas Financial Movement').content[0] as Json;
	const movements = Array.from({ length: 31 }, (_, i) => ({
		...movementTemplate,
		crid: 330800 + (i % 25),
		installmentType: `${(i % 12) + 1} / 12`,
		name: NAMES[i % NAMES.length],
	}));
	const history = Array.from({ length: 14 }, (_, i) => ({
		id: `64f1c0de${String(i).padStart(4, '0')}`,
		url: 'https://www.example.com/provi',
		webhook: i % 2 ? 'made_effective' : 'waiting_signature',
		creditRequestId: 57000 + i,
		requestStatus: i % 4 === 0 ? 500 : 200,
		attempts: i % 4 === 0 ? 2 : 1,
		createdAt: `${day(i)}T12:00:00.000Z`,
	}));
	const preferences: Json[] = proviSample('Webhook/Webhook Preferences', 'List all preferences').content.map((p: Json) => ({ ...p }));
	return { courses, courseClasses, sales, exclusiveSale, campaigns, receipts, movements, history, preferences };
}

const ok = (body: unknown, status = 200): MockResponse => ({ status, body });

const providerError = (status: number, name: string, message: string): MockResponse =>
	ok({ error: { name, message, stack: `Error\n    at new ${name} (/app/src/app/errors/index.js:12:18)` } }, status);

const validationError = (field: string, where = 'bodyPropertyError'): MockResponse =>
	ok({ name: 'ValidationError', errors: [{ name: `${where}: ${field}`, message: `Propriedade inválida: ${field}.` }] }, 400);

const isInt = (value: unknown) => Number.isInteger(typeof value === 'string' ? Number(value) : value) && String(value).trim() !== '';

/** The Provi mock: every request of the collection under `/v4`, Api-Token checked on each call. */
export function proviMock(data = proviData()): MockServer {
	const server = new MockServer();
	const v = (path: string) => `/${PROVI_VERSION}${path}`;
	const sample = (folder: string, name: string, example?: string) => () => ok(proviSample(folder, name, example));
	const noContent: MockResponse = { status: 204 };
	let nextPreferenceId = 100;

	const validCourses = (body: Json): MockResponse | undefined => {
		if (!Array.isArray(body?.courses) || body.courses.length === 0) {
			return providerError(400, 'BodyPropertyError', 'The request is missing one or more of the mandatory params: courses.');
		}
		const missing = body.courses.filter((c: Json) => !data.courses.some((course) => course.id === Number(c.id)));
		if (missing.length) return providerError(404, 'NotFoundError', `Course(s) not found: ${missing.map((c: Json) => c.id).join(', ')}.`);
		if (!Number.isInteger(body.checkout_price_in_cents)) return validationError('checkout_price_in_cents');
		return undefined;
	};

	server
		// Courses
		.on('POST', v('/courses'), (req) => {
			if (data.courses.some((c) => c.name === req.body?.name)) return providerError(400, 'BodyPropertyError', 'Course already exist.');
			return ok({ content: { ...proviSample('Courses', 'Create a new course').content, ...req.body, id: 34000 } });
		})
		.on('GET', v('/courses'), (req) => ok(proviPage(data.courses, req, 'itemsPerPage', { metadata: { redirect_url: 'https://pay.provi.com.br/courses/school-name' } })))
		.on('GET', v('/courses/:id'), (_req, p) => {
			const course = data.courses.find((c) => String(c.id) === p.id);
			if (!course) return providerError(404, 'NotFoundError', `Course(s) not found: ${p.id}.`);
			return ok({ ...proviSample('Courses', 'Find course'), content: { ...proviSample('Courses', 'Find course').content, ...course } });
		})
		.on('PUT', v('/courses/:id'), (req) => (typeof req.body?.visible === 'boolean' ? noContent : validationError('visible')))
		.on('DELETE', v('/courses/:id'), noContent)
		// Course classes
		.on('POST', v('/course-classes'), (req) =>
			ok({ content: { ...proviSample('Course-Classes', 'Create Course-Class').content, ...req.body, CourseId: Number(req.body?.CourseId), id: 2000 } }),
		)
		.on('GET', v('/course-classes'), (req) => {
			if (!req.query.CourseId) return validationError('CourseId', 'queryPropertyError');
			const visible = req.query.visible === undefined ? undefined : req.query.visible === 'true';
			const classes = data.courseClasses.filter(
				(c) => String(c.CourseId) === String(req.query.CourseId) && (visible === undefined || c.visible === visible),
			);
			return ok(proviPage(classes, req, 'itemsPerPage'));
		})
		.on('GET', v('/course-classes/:id'), (_req, p) => {
			const found = data.courseClasses.find((c) => String(c.id) === p.id);
			const saved = proviSample('Course-Classes', 'Find Course-Class');
			return found ? ok({ ...saved, content: { ...saved.content, ...found } }) : providerError(404, 'NotFoundError', `Course class(es) not found: ${p.id}.`);
		})
		.on('PUT', v('/course-classes/:id'), (req) => (typeof req.body?.visible === 'boolean' ? noContent : validationError('visible')))
		.on('DELETE', v('/course-classes/:id'), noContent)
		// Exclusive sales
		.on('POST', v('/sales/exclusive-sale'), (req) => {
			const invalid = validCourses(req.body);
			if (invalid) return invalid;
			if (!/^\d{11}$/.test(String(req.body?.cpf ?? ''))) return validationError('cpf');
			return ok({ content: { ...data.exclusiveSale, cpf: req.body.cpf, checkout_price_in_cents: req.body.checkout_price_in_cents } });
		})
		.on('GET', v('/sales/exclusive-sale/:id'), (_req, p) => {
			if (!isInt(p.id)) return validationError('id', 'paramsPropertyError');
			if (p.id === '57060') return providerError(404, 'NotFoundError', 'Exclusive sale(s) not found: 57060.');
			return ok({ content: { ...data.exclusiveSale, id: Number(p.id) } });
		})
		.on('PATCH', v('/sales/exclusive-sale/cancel/:id'), (_req, p) => {
			if (!isInt(p.id)) return validationError('id', 'paramsPropertyError');
			if (p.id === '57060') return providerError(404, 'NotFoundError', 'Exclusive sale(s) not found: 57060.');
			return noContent;
		})
		// Sales
		.on('GET', v('/sales/available-filters'), sample('Sales', 'List available filters'))
		.on('GET', v('/sales'), (req) => {
			const statuses = ([] as string[]).concat(req.query.status ?? []);
			const records = data.sales.filter((s) => !statuses.length || statuses.includes(s.resumeStatus));
			return ok(proviPage(records, req, 'limit'));
		})
		// Campaigns
		.on('POST', v('/campaigns'), (req) => {
			const invalid = validCourses(req.body);
			if (invalid) return invalid;
			return ok({ content: { ...proviSample('Campaigns', 'Create campaign', 'Success').content, ...req.body, id: '62040e573aafe90023d4143d' } });
		})
		.on('GET', v('/campaigns'), (req) => {
			const id = req.query.customIdentifier;
			return ok(proviPage(data.campaigns.filter((c) => !id || c.customIdentifier === id), req, 'limit'));
		})
		.on('GET', v('/campaigns/:id'), (_req, p) => {
			if (!/^[0-9a-f]{24}$/.test(p.id)) return providerError(400, 'ParamPropertyError', 'Type error on property id. Expected type: MongoDB ObjectId.');
			const campaign = data.campaigns.find((c) => c.id === p.id);
			return campaign ? ok({ content: campaign }) : providerError(404, 'NotFoundError', `Campaign(s) not found: ${p.id}.`);
		})
		.on('PATCH', v('/campaigns/active/:id'), (req, p) => {
			if (typeof req.body?.active !== 'boolean') return validationError('active');
			const campaign = data.campaigns.find((c) => c.id === p.id);
			if (!campaign) return providerError(404, 'NotFoundError', `Campaign(s) not found: ${p.id}.`);
			return noContent;
		})
		// Receipts
		.on('GET', v('/receipts/available-filters'), sample('Receipts', 'List available filters'))
		.on('GET', v('/receipts/detail/:id'), (_req, p) => ok({ ...proviSample('Receipts', 'Find CreditRequest Detail'), creditRequestId: Number(p.id) }))
		.on('GET', v('/receipts'), (req) => ok(proviPage(data.receipts, req, 'limit')))
		.on('PUT', v('/receipts/:id'), (req) =>
			/^\d{4}-\d{2}-\d{2}$/.test(String(req.body?.date ?? ''))
				? ok({ error: false, data: { ...proviSample('Receipts', 'Update a receipt').data, courseReleasedAt: `${req.body.date}T00:00:00.000Z` } })
				: validationError('date'),
		)
		// Financial
		.on('GET', v('/financial/maas/available-filters'), sample('Financial', 'List available filters'))
		.on('GET', v('/financial/maas'), (req) => ok(proviPage(data.movements, req, 'limit')))
		// Webhook preferences (stateful)
		.on('GET', v('/webhook/preferences'), (req) => {
			const id = req.query.id;
			const list = data.preferences.filter((p) => !id || String(p.id) === String(id));
			return ok(proviPage(list, req));
		})
		.on('POST', v('/webhook/preference'), (req) => {
			if (!req.body?.url) return validationError('url');
			const preference = { id: nextPreferenceId++, url: req.body.url, status: 'enabled', enabledEvents: ['*'], enabledCourses: ['*'], signature: randomUUID() };
			data.preferences.push(preference);
			return ok({ message: 'Url created', data: preference });
		})
		.on('PATCH', v('/webhook-endpoint'), (req) => {
			const preference = data.preferences.find((p) => p.id === req.body?.id);
			if (!preference) return providerError(404, 'NotFoundError', `Endpoint(s) not found: ${req.body?.id}.`);
			if (req.body.enabledEvents !== undefined && !Array.isArray(req.body.enabledEvents)) return validationError('enabledEvents');
			if (req.body.enabledEvents) preference.enabledEvents = req.body.enabledEvents;
			if (req.body.url) preference.url = req.body.url;
			const { signature: _signature, ...rest } = preference;
			return ok({ message: 'Endpoint updated', data: rest });
		})
		.on('PATCH', v('/webhook/preference/regenerate-signature'), (req) => {
			const preference = data.preferences.find((p) => p.id === req.body?.id);
			if (!preference) return providerError(404, 'NotFoundError', `Endpoint(s) not found: ${req.body?.id}.`);
			if (req.body.replaceCurrentSignature) preference.signature = randomUUID();
			return ok({ message: 'Signature updated', data: { id: preference.id, url: preference.url, signature: preference.signature } });
		})
		.on('DELETE', v('/webhook/preference/:id'), (_req, p) => {
			const index = data.preferences.findIndex((pref) => String(pref.id) === p.id);
			if (index < 0) return providerError(404, 'NotFoundError', `Endpoint(s) not found: ${p.id}.`);
			const [removed] = data.preferences.splice(index, 1);
			return ok({ message: 'Endpoint deleted', data: { id: String(removed.id), url: removed.url, deleted: true } });
		})
		// Webhook deliveries
		.on('GET', v('/webhooks'), (req) => {
			const ne = req.query.requestStatusNe;
			return ok(proviPage(data.history.filter((h) => !ne || String(h.requestStatus) !== String(ne)), req, 'limit'));
		})
		.on('POST', v('/webhook/dispatch-test'), (req) =>
			['made_effective', 'denied'].includes(req.body?.event) ? ok(proviSample('Webhook', 'Send Test Webhook')) : validationError('event'),
		)
		.on('POST', v('/webhook/dispatch-retry'), (req) =>
			Array.isArray(req.body?.webhookIds) && req.body.webhookIds.length ? ok(proviSample('Webhook', 'Manual webhook resend')) : validationError('webhookIds'),
		)
		// Areas and campus
		.on('GET', v('/areas/macro'), sample('Available Areas', 'List all Macro Areas'))
		.on('GET', v('/areas/micro-area-group/:macro'), sample('Available Areas', 'List Micro Area Group'))
		.on('GET', v('/campus'), sample('Campus', 'List all campus'));

	server.guard = (req) =>
		req.headers['api-token'] === PROVI_TOKEN
			? undefined
			: providerError(401, 'NotAuthorizedError', 'Invalid authorization token');
	return server;
}
