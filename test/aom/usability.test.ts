/**
 * What a customer meets in the editor: the node found by what they search, n8n's operation names,
 * resources grouped as they think of them, documented values as dropdowns, typed fields, and
 * outputs made of the data. Each rule is stated over every Academy of Mine operation.
 * The resources are generated: `node scripts/aom-generate.js` regenerates them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const NODE_DIR = join(__dirname, '..', '..', 'nodes', 'AcademyOfMine');
const codex = (file: string) => JSON.parse(readFileSync(join(NODE_DIR, file), 'utf8')) as { alias?: string[]; categories: string[] };

describe('finding the node', () => {
	test.each(['AcademyOfMine.node.json', 'AcademyOfMineTrigger.node.json'])('%s: "LMS", "AOM" and "course" find it', (file) => {
		// n8n's node panel searches the display name and the codex aliases only
		const { alias = [], categories } = codex(file);
		for (const word of ['LMS', 'AOM', 'course']) expect(alias.map((a) => a.toLowerCase())).toContain(word.toLowerCase());
		expect(categories.length).toBeGreaterThan(0);
	});
});

import type { FieldSpec, OperationSpec } from '../../nodes/shared/types';
import { ACADEMY_OF_MINE } from '../../nodes/AcademyOfMine/vendor';
import { AOM_REFERENCE, aomMock } from '../sandboxes/academyOfMine';
import { runAom } from './setup';

const operations = ACADEMY_OF_MINE.resources
	.filter((r) => r.value !== 'customRequest')
	.flatMap((resource) => resource.operations.map((op) => ({ resource, op })));

/** Each field of an operation with the reference parameter it sends. */
const fieldsWithParams = operations.flatMap(({ op }) =>
	(op.fields ?? []).flatMap((field) => {
		const param = AOM_REFERENCE.get(op.ref)!.params.find((p) => p.name === (field.key ?? field.name) && p.in === field.in);
		return param ? [{ op, field, param }] : [];
	}),
);
const where = (op: OperationSpec, field: FieldSpec) => `${op.ref} ${field.name}`;

describe('types: as the reference types them', () => {
	test('booleans are switches, numbers numbers, dates dates, arrays lists and objects JSON', () => {
		const wrong: string[] = [];
		for (const { op, field, param } of fieldsWithParams) {
			const t = param.type;
			const ok =
				field.type === 'json' ||
				field.type === 'options' ||
				(t === 'boolean' && field.type === 'boolean') ||
				(['integer', 'numeric', 'number', 'int'].includes(t) && (field.type === 'number' || field.in === 'path' || field.format === 'number')) ||
				(t === 'date' && field.type === 'dateTime') ||
				(t.startsWith('array') && field.format === 'list') ||
				(field.type === 'multiOptions' && field.format === 'list') ||
				(t === 'string' && field.type !== 'number' && field.type !== 'boolean');
			if (!ok) wrong.push(`${where(op, field)}: ${t} as ${field.type}/${field.format ?? ''}`);
		}
		expect(wrong).toEqual([]);
	});

	test('no help text starts with the reference\'s type rules ("Nullable|string")', () => {
		const leaked = fieldsWithParams.filter(({ field }) => /^(nullable|required|sometimes)\||^(string|int|integer|array|boolean) the\b/i.test(field.description ?? ''));
		expect(leaked.map(({ op, field }) => where(op, field))).toEqual([]);
	});

	test('no help text starts with a piece of an example or a type ("|null The…", "102, 103] array The…")', () => {
		// a help text starts a sentence or quotes a value (`"self" or "manage". …`)
		const leaked = fieldsWithParams.filter(({ field }) => field.description && !/^([A-Z]|"\w+" or )/.test(field.description));
		const repeated = fieldsWithParams.filter(({ field }) => /^(Of|Or|Nullable|Interger) |^(Object|String|Array) [A-Z]/.test(field.description ?? ''));
		expect([...leaked, ...repeated].map(({ op, field }) => `${where(op, field)}: ${field.description!.slice(0, 40)}`)).toEqual([]);
	});

	test('an example written with spaces or as JSON is the placeholder whole', () => {
		const field = (ref: string, name: string) => fieldsWithParams.find(({ op, field: f }) => op.ref === ref && f.name === name)!.field;
		expect(field('aom.portals.lookup-portals', 'searchTerm').placeholder).toBe('e.g. Portal 1');
		expect(field('aom.courses.update-course-progress', 'startDate').placeholder).toBe('e.g. 2020-01-01 00:00:00');
		expect(field('aom.users.retrieves-a-paginated-report-of-users-with-custom-user-data', 'registeredBetween').placeholder).toBe('e.g. ["2023-01-01", "2023-12-31"]');
		expect(field('aom.users.updates-an-existing-user', 'internalNote').placeholder).toBe('e.g. This is a note.');
	});

	test('a required number starts empty, not 0', () => {
		const zero = fieldsWithParams.filter(({ field }) => field.type === 'number' && field.required && field.default !== '');
		expect(zero.map(({ op, field }) => where(op, field))).toEqual([]);
	});

	test('fields whose reference samples hold objects take JSON under the reference\'s names', () => {
		const notJson: string[] = [];
		for (const { op, field, param } of fieldsWithParams) {
			const sample = AOM_REFERENCE.get(op.ref)!.requestSample as Record<string, unknown> | undefined;
			const value = sample && typeof sample === 'object' ? sample[param.name] : undefined;
			const objects = !!value && typeof value === 'object' && (!Array.isArray(value) || value.some((v) => v && typeof v === 'object'));
			if ((objects || param.type === 'object') && field.type !== 'json') notJson.push(where(op, field));
		}
		expect(notJson).toEqual([]);
		// the one parameter whose name the reference lost behind its type
		const catalog = operations.find(({ op }) => op.ref === 'aom.portals.get-portal-course-catalog')!.op;
		expect(catalog.fields!.map((f) => f.key ?? f.name)).toContain('search');
	});

	describe('on the wire', () => {
		const server = aomMock();
		beforeAll(async () => await server.start());
		afterAll(async () => await server.stop());
		beforeEach(() => server.reset());
		const create = operations.find(({ op }) => op.ref === 'aom.portals.create-a-new-portal')!;
		const required = { portalName: 'P', portalSlug: 'p', brandColor: '#111111', bodyBackgroundColor: '#ffffff', bodyTextColor: '#000000', selectedPrimaryLanguage: 'en' };

		test('Create Portal sends a boolean, a number, a list and a date', async () => {
			const { error } = await runAom(server, {
				resource: create.resource.value,
				operation: create.op.value,
				...required,
				additionalFields: { isActive: true, totalSeat: 100, selectedCourses: '1,2,3', expiryDate: '2027-01-31T00:00:00' },
			});
			expect(error).toBeUndefined();
			expect(server.last().body).toMatchObject({ isActive: true, totalSeat: 100, selectedCourses: ['1', '2', '3'], expiryDate: '2027-01-31' });
		});

		test('a required number left empty is an error naming it, and nothing is sent', async () => {
			const webinar = operations.find(({ op }) => op.ref === 'aom.webinars.create-a-new-webinar-module-with-recurrence')!;
			const filled = Object.fromEntries(
				webinar.op.fields!.filter((f) => f.required).map((f) => [f.name, f.type === 'number' || f.format === 'number' ? 1 : f.type === 'boolean' ? true : 'x']),
			);
			// n8n itself flags an empty required parameter; an expression that comes out empty reaches the node
			const { error } = await runAom(server, { resource: webinar.resource.value, operation: webinar.op.value, ...filled, interval: '={{ "" }}' });
			expect(error?.message).toMatch(/"Interval" is required for item 0/);
			expect(server.requests).toHaveLength(0);
		});
	});
});

/** The operation lists the editor shows: one per resource, or one per option of its choice. */
const lists = ACADEMY_OF_MINE.resources
	.filter((r) => r.value !== 'customRequest')
	.flatMap((resource) =>
		resource.choice
			? resource.choice.options.map((o) => ({ label: `${resource.name} / ${o.name}`, ops: resource.operations.filter((op) => o.operations.includes(op.value)) }))
			: [{ label: resource.name, ops: resource.operations }],
	);
const N8N_NAMES = ['Get', 'Get Many', 'Create', 'Update', 'Delete'];
const VERB = /^(Get|Create|Update|Delete|Remove|Add|Save|Submit|Enable|Disable|Prepare|Confirm|Download|Upload|Search|Check|Send|Generate|Clone|Export|Import|Set|Toggle|Reset|Validate|Process|Restore|Mark|Enroll|Evaluate|Insert|Bulk|Grant|Revoke|Assign|Launch|Post|Refund|Resend|Quick|Soft|Hard|Look)\b/;
const plainText = (t?: string) => String(t ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');

describe('operation names', () => {
	test("n8n's names where the operation is one of them, verb-first names of at most 40 characters otherwise", () => {
		const bad = operations.filter(({ op }) => !N8N_NAMES.includes(op.name) && (op.name.length > 40 || !VERB.test(op.name)));
		expect(bad.map(({ op }) => `${op.ref}: ${op.name}`)).toEqual([]);
		// the plain operations of a resource carry n8n's names
		expect(operations.filter(({ op }) => N8N_NAMES.includes(op.name)).length).toBeGreaterThan(120);
	});

	test('names are unique within each operation list', () => {
		for (const { label, ops } of lists) {
			const names = ops.map((op) => op.name);
			expect({ label, duplicates: names.filter((n, i) => names.indexOf(n) !== i) }).toEqual({ label, duplicates: [] });
		}
	});

	test("the reference's title stays in the description, so searching for it finds the operation", () => {
		const lost = operations.filter(({ op }) => {
			const ref = AOM_REFERENCE.get(op.ref)!;
			const title = (ref.title ?? ref.catalogName).replace(/\s*\(See [^)]*\)/g, '').replace(/\.\s+[A-Z].*$/, '').replace(/^API to /i, '');
			return !plainText(`${op.name} ${op.description}`).includes(plainText(title).slice(0, 30));
		});
		expect(lost.map(({ op }) => op.ref)).toEqual([]);
	});

	test('no apostrophe lost and no third-person names', () => {
		expect(operations.filter(({ op }) => /\b\w+ s\b/.test(op.name) || /^(Retrieves|Returns|Creates|Updates|Deletes|Gets)\b/.test(op.name)).map(({ op }) => op.name)).toEqual([]);
	});
});

describe('resources', () => {
	const resource = (value: string) => ACADEMY_OF_MINE.resources.find((r) => r.value === value)!;

	test('the module types are one Module resource with a type choice', () => {
		const module = resource('module');
		expect(module.choice?.name).toBe('moduleType');
		expect(module.choice!.options.map((o) => o.name)).toEqual(
			expect.arrayContaining(['Assignment', 'Discussion', 'Flash Cards', 'PDF', 'PowerPoint', 'Quiz', 'SCORM', 'Survey', 'Text', 'Video', 'Webinar']),
		);
		expect(ACADEMY_OF_MINE.resources.filter((r) => /module/i.test(r.value) && r.value !== 'module')).toEqual([]);
		// every operation of the resource is listed under exactly one choice
		const listed = module.choice!.options.flatMap((o) => o.operations);
		expect(listed.sort()).toEqual(module.operations.map((op) => op.value).sort());
	});

	test('integrations together, settings together', () => {
		expect(resource('integration').choice!.options.map((o) => o.name)).toEqual(expect.arrayContaining(['Accredible', 'HubSpot', 'Mailchimp', 'QuickBooks', 'Salesforce']));
		expect(resource('setting').choice!.options.map((o) => o.name)).toEqual(expect.arrayContaining(['General', 'E-Commerce', 'Payment Gateways']));
		for (const value of ['accredible', 'hubSpot', 'salesforce', 'mailchimp', 'generalSetting', 'ecommerceSetting', 'paymentGateway']) expect(resource(value)).toBeUndefined();
	});

	test("learner-side calls are out of the admin's way, in Learner", () => {
		const learner = resource('learner').operations.map((op) => op.ref);
		for (const ref of ['aom.text-modules.mark-complete-text-module', 'aom.quiz-modules.submits-the-quiz-after-attempting-all-the-questions-of-the-q', 'aom.users.prepares-qr-code-for-two-factor-authentication']) {
			expect(learner).toContain(ref);
		}
		const elsewhere = operations.filter(({ resource: r, op }) => r.value !== 'learner' && /mark-complete|two-factor|2fa/.test(op.ref));
		expect(elsewhere.map(({ op }) => op.ref)).toEqual([]);
	});

	test('every resource says what it is', () => {
		for (const r of ACADEMY_OF_MINE.resources) {
			expect(r.description).toBeTruthy();
			expect(r.description).not.toMatch(/^Section "/);
		}
	});

	test('the node opens on User -> Get Many', () => {
		const { AcademyOfMine } = require('../../nodes/AcademyOfMine/AcademyOfMine.node');
		const properties = new AcademyOfMine().description.properties as Array<{ name: string; default: unknown; displayOptions?: { show?: Record<string, unknown[]> } }>;
		expect(properties.find((p) => p.name === 'resource')!.default).toBe('user');
		const operation = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('user'))!;
		expect(resource('user').operations.find((op) => op.value === operation.default)!.name).toBe('Get Many');
	});
});

describe('documented values', () => {
	const field = (ref: string, key: string) =>
		operations.find(({ op }) => op.ref === ref)!.op.fields!.find((f) => (f.key ?? f.name) === key)!;

	test.each([
		['aom.ecommerce-orders.update-order-status', 'status', 'PENDING_PAYMENT'],
		['aom.ecommerce-orders.create-order', 'status', 'COMPLETED'],
		['aom.products.create-a-new-product', 'type', 'SUBSCRIPTION'],
		['aom.products.create-a-new-product', 'status', 'IN-STOCK'],
		['aom.products.create-a-new-product', 'price_frequency', 'MONTHLY'],
		['aom.products.create-a-new-product', 'free_trial_frequency', 'DAYS'],
		['aom.coupons.create-coupon', 'type', 'percent_amount'],
		['aom.quiz-modules.creates-a-new-quiz-module', 'type', 'dynamic'],
		['aom.questions.creates-a-new-question-with-the-given-details', 'type', 'multiple_correct'],
		['aom.pages.save-a-new-page', 'layout', 'full_width'],
		['aom.memberships.create-a-new-membership', 'courseAccess', 'no_access'],
		['aom.ecommerce-settings.updates-a-shipping-zone', 'appliedZoneOn', 'all_states'],
		['aom.webhooks.create-webhook', 'eventList', 'assigment_evaluation'],
	])('%s %s is a dropdown of the documented values (or of its lookup)', (ref, key, value) => {
		const f = field(ref, key);
		expect(f.type).toBe('options');
		if (!f.loadOptions) expect(f.options!.map((o) => o.value)).toContain(value);
	});

	test('every parameter whose values the reference enumerates is a dropdown', () => {
		const { choicesOf } = require('../../scripts/aom/types') as { choicesOf(d: string): string[] | undefined };
		const free = fieldsWithParams.filter(({ field, param }) => choicesOf(param.description) && !['options', 'json'].includes(field.type) && field.format !== 'list' && !field.loadOptions);
		expect(free.map(({ op, field }) => where(op, field))).toEqual([]);
		const dropdowns = fieldsWithParams.filter(({ field, param }) => choicesOf(param.description) && field.type === 'options');
		expect(dropdowns.length).toBeGreaterThanOrEqual(40);
	});

	test('labels are spelled right (the values stay as the API spells them)', () => {
		const labels = operations.flatMap(({ op }) => (op.fields ?? []).flatMap((f) => (f.options ?? []).map((o) => o.name)));
		expect(labels.filter((l) => /assigment|trail\b/i.test(l))).toEqual([]);
		const { choiceName } = require('../../scripts/aom/types') as { choiceName(v: string): string };
		expect(choiceName('assigment_evaluation')).toBe('Assignment Evaluation');
	});

	test('no lorem ipsum placeholders', () => {
		const lorem = /\b(consequuntur|totam|qui|nobis|molestiae|facilis|ullam|sit|sed|recusandae|quasi|placeat|numquam|maiores|laudantium|et|delectus)\b/i;
		const placeholders = operations.flatMap(({ op }) => (op.fields ?? []).filter((f) => f.placeholder && lorem.test(f.placeholder)).map((f) => where(op, f)));
		expect(placeholders).toEqual([]);
	});
});

describe('list outputs: the arrays that hold the data', () => {
	const server = aomMock();
	beforeAll(async () => await server.start());
	afterAll(async () => await server.stop());
	beforeEach(() => server.reset());
	const run = async (ref: string, extra: Record<string, unknown> = {}) => {
		const { resource, op } = operations.find((o) => o.op.ref === ref)!;
		const choice = resource.choice?.options.find((o) => o.operations.includes(op.value));
		const required = Object.fromEntries((op.fields ?? []).filter((f) => f.required || f.in === 'path').map((f) => [f.name, f.type === 'number' ? 1 : f.locator ? { __rl: true, mode: 'id', value: '1' } : '1']));
		return await runAom(server, { resource: resource.value, ...(choice ? { [resource.choice!.name]: choice.value } : {}), operation: op.value, ...required, limit: 50, ...extra });
	};

	test('Survey User Response outputs the responses, not the column headers', async () => {
		const { items, error } = await run('aom.survey-modules.survey-user-response');
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([expect.objectContaining({ student_id: 1, student_name: 'John Doe' })]);
	});

	test('Global Search outputs what it found of every kind: 1 user and 1 product are 2 items', async () => {
		const ref = 'aom.general-settings.searches-for-courses-users-products-and-modules-by-name-or-e';
		const { routes } = { routes: (await import('../../nodes/AcademyOfMine/generated/routes')).ROUTES };
		server.on(routes[ref].method, `/api${routes[ref].path}`, { body: { courses: [], users: [{ label: 'Ann', value: '/u/1' }], products: [{ label: 'Book', value: '/p/2' }], modules: [] } });
		const { items, error } = await run(ref);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([
			{ kind: 'users', label: 'Ann', value: '/u/1' },
			{ kind: 'products', label: 'Book', value: '/p/2' },
		]);
	});

	test('Salesforce Field Lookup keeps the Salesforce fields', async () => {
		const { items } = await run('aom.salesforce.field-lookup', { type: 'contact' });
		expect(items.filter((i) => i.json.kind === 'salesforce_fields').map((i) => i.json.db_value)).toEqual(['email', 'lastName', 'firstName']);
	});

	test('no list takes a column of headers or a list of IDs for its records', () => {
		const wrong = operations.filter(({ op }) => {
			const sample = AOM_REFERENCE.get(op.ref)!.responseSample?.body as Record<string, unknown> | undefined;
			if (!op.list || !sample || typeof sample !== 'object' || Array.isArray(sample)) return false;
			const paths = Array.isArray(op.list.records) ? op.list.records : [op.list.records];
			const objectArrays = Object.keys(sample).filter((k) => Array.isArray(sample[k]) && (sample[k] as unknown[]).some((v) => v && typeof v === 'object'));
			// every array of records in the sample is output (records alone when the sample has them)
			return objectArrays.length > 0 && !('records' in sample) && !objectArrays.every((k) => paths.includes(k));
		});
		expect(wrong.map(({ op }) => op.ref)).toEqual([]);
	});
});

describe('lookups feed the fields they list', () => {
	const { AcademyOfMine } = require('../../nodes/AcademyOfMine/AcademyOfMine.node');
	const { AcademyOfMineApi } = require('../../credentials/AcademyOfMineApi.credentials');
	const { loadOptions } = require('../harness/methods');
	const { aomCredentials } = require('./setup');
	const { ROUTES } = require('../../nodes/AcademyOfMine/generated/routes');
	const server = aomMock();
	beforeAll(async () => await server.start());
	afterAll(async () => await server.stop());
	beforeEach(() => server.reset());

	/** Lookups whose values no single field takes, and why. */
	const FEED_NO_FIELD: Record<string, string> = {
		'aom.audit-activities.audit-activity-lookup': 'activity names go inside the search_param JSON',
		'aom.courses.course-activity-lookup': 'activity names go inside the search_param JSON',
		'aom.learning-paths.learning-path-activities-lookup': 'activity names go inside the search_param JSON',
		'aom.categories.course-category-lookup': 'answers one category, not a list (the reference sample)',
		'aom.pages.page-category-lookup': 'categories are lists inside the search JSON',
		'aom.certificate-templates.field-keys-lookup': 'keys go inside the template JSON',
		'aom.certificate-templates.font-families-lookup': 'fonts go inside the template JSON',
		'aom.courses.drip-option-lookup': 'drip options go inside the module JSON',
		'aom.courses.grading-rules-lookup': 'grading rules are a JSON list of objects',
		'aom.courses.enrolled-user-lookup': 'needs a course ID; users are picked from the user list instead',
		'aom.courses.dropdown-list': 'courses are picked from the course search (resource locator)',
		'aom.products.search-products': 'products are picked from the product search (resource locator)',
		'aom.ecommerce-settings.country-lookup': 'answers a map of country codes, countries are free text in the reference',
		'aom.general-settings.searches-for-courses-users-products-and-modules-by-name-or-e': 'a search, not a value set',
		'aom.hubspot.field-lookup': 'field names go inside the mapping JSON',
		'aom.hubspot.conditions-lookup': 'conditions go inside the mapping JSON',
		'aom.salesforce.field-lookup': 'field names go inside the mapping JSON',
		'aom.modules.form-field-types-lookup': 'field types go inside the survey fields JSON',
		'aom.users.custom-user-field-type-lookup': 'field types go inside the custom fields JSON',
		'aom.learning-paths.learning-path-lookup': 'learning paths come from the Learning Path dropdown list',
		'aom.modules.quiz-lookup': 'quizzes come from the Quiz Modules quiz lookup',
	};

	test('every lookup of the reference fills a field, or is listed with the reason it cannot', () => {
		const vendor = new AcademyOfMine();
		const description = JSON.stringify(vendor.description);
		const source = require('node:fs').readFileSync(join(NODE_DIR, 'vendor.ts'), 'utf8') as string;
		const used = new Set((description.match(/"loadOptionsMethod":"(\w+)"|"searchListMethod":"(\w+)"/g) ?? []).map((m) => m.split(':')[1].replace(/"/g, '')));
		const orphans = operations
			.filter(({ op }) => AOM_REFERENCE.get(op.ref)!.kind === 'lookup' && !(op.ref in FEED_NO_FIELD))
			.filter(({ op }) => {
				// the vendor's lookup built on this operation, and the method that serves it
				const key = new RegExp(`(\\w+): (?:lookup|tabular)\\('${op.ref.replace(/\./g, '\\.')}'`).exec(source)?.[1];
				const method = key && new RegExp(`(\\w+): (?:options|search)\\(LOOKUPS\\.${key}\\)`).exec(source)?.[1];
				return !method || !used.has(method);
			});
		expect(orphans.map(({ op }) => op.ref)).toEqual([]);
	});

	test('a list of IDs a lookup lists is a multi-select, sent as the array', async () => {
		const { resource, op } = operations.find((o) => o.op.ref === 'aom.learning-paths.create-learning-path')!;
		const categories = op.fields!.find((f) => f.key === 'categories' || f.name === 'categories')!;
		expect(categories).toMatchObject({ type: 'multiOptions', loadOptions: 'getLearningPathCategories' });
		const required = Object.fromEntries(op.fields!.filter((f) => f.required).map((f) => [f.name, f.type === 'number' ? 1 : f.type === 'boolean' ? true : 'x']));
		const { error } = await runAom(server, { resource: resource.value, operation: op.value, ...required, [op.optionalIn!]: { categories: [3, 5] } });
		expect(error).toBeUndefined();
		expect(server.last().body.categories).toEqual([3, 5]);
	});

	test('a lookup whose route is a POST sends its parameters as the JSON body', async () => {
		const options = await loadOptions(new AcademyOfMine(), [new AcademyOfMineApi()], aomCredentials(server), 'loadOptions', 'getLocations');
		expect(options.length).toBeGreaterThan(0);
		expect(server.last()).toMatchObject({ method: 'POST', path: `/api${ROUTES['aom.locations.location-lookup'].path}`, body: { search_term: '' } });
		expect(server.last().query).toEqual({});
	});

	test.each([
		['getQuestionCategories', 'aom.categories.question-category-lookup'],
		['getLearningPathCategories', 'aom.categories.learning-path-category-lookup'],
		['getOrderStatuses', 'aom.ecommerce-orders.order-status-lookup'],
		['getProductTypes', 'aom.products.product-type-lookup'],
		['getProductStatuses', 'aom.products.product-status-lookup'],
		['getLayouts', 'aom.pages.layout-lookup'],
		['getSalesforceEvents', 'aom.salesforce.salesforce-event-lookup'],
		['getPages', 'aom.portals.page-dropdown-list'],
	])('%s lists the values %s answers', async (method, ref) => {
		const options = await loadOptions(new AcademyOfMine(), [new AcademyOfMineApi()], aomCredentials(server), 'loadOptions', method);
		expect(options.length).toBeGreaterThan(0);
		expect(options.every((o: { name: string; value: unknown }) => o.name && o.value !== undefined && o.value !== '')).toBe(true);
		expect(server.last().path).toBe(`/api${ROUTES[ref].path}`);
	});
});

describe("the node panel's actions", () => {
	type Property = { name: string; displayName: string; options?: Array<{ name: string; value: string; action?: string }>; displayOptions?: { show?: Record<string, string[]> } };

	/**
	 * n8n's node panel (editor-ui useActionsGenerator: resourceCategories, then getActionData): per
	 * option of every property named `resource`, the first Operation shown for that value
	 * gives the actions; picking one sets the operation and the first value of each display condition.
	 */
	function panelActions(properties: Property[]) {
		const actions: Array<{ action: string; value: Record<string, string> }> = [];
		for (const property of properties.filter((p) => p.name === 'resource')) {
			for (const option of property.options ?? []) {
				// (an Operation shown only for another version of the node is not the node's)
				const operations = properties.find(
					(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(option.value) && (p.displayOptions.show['@version'] ?? [1]).includes(1 as never),
				);
				for (const op of operations?.options ?? []) {
					const conditions = Object.fromEntries(Object.entries(operations!.displayOptions?.show ?? {}).map(([k, v]) => [k, v[0]]));
					actions.push({ action: op.action ?? op.name, value: { operation: op.value, ...conditions } });
				}
			}
		}
		return actions;
	}

	test('every operation is an action, and picking it selects its resource, choice and operation', () => {
		const { AcademyOfMine } = require('../../nodes/AcademyOfMine/AcademyOfMine.node');
		const actions = panelActions(new AcademyOfMine().description.properties as Property[]);
		const missing = operations.filter(({ resource, op }) => {
			const option = resource.choice?.options.find((o) => o.operations.includes(op.value));
			const expected = { resource: resource.value, operation: op.value, ...(option ? { [resource.choice!.name]: option.value } : {}) };
			return !actions.some((a) => JSON.stringify(Object.entries(a.value).sort()) === JSON.stringify(Object.entries(expected).sort()));
		});
		expect(missing.map(({ op }) => op.ref)).toEqual([]);
		expect(actions.map((a) => a.action)).toContain('Get many quiz modules');
	});

	test("a node added from any action is named after it (n8n-workflow's makeNodeName)", () => {
		const { NodeHelpers } = require('n8n-workflow') as typeof import('n8n-workflow');
		const { AcademyOfMine } = require('../../nodes/AcademyOfMine/AcademyOfMine.node');
		const description = new AcademyOfMine().description;
		const misnamed = operations.filter(({ resource, op }) => {
			const option = resource.choice?.options.find((o) => o.operations.includes(op.value));
			const parameters = { resource: resource.value, operation: op.value, ...(option ? { [resource.choice!.name]: option.value } : {}) };
			return NodeHelpers.makeNodeName(parameters, description) !== op.action;
		});
		expect(misnamed.map(({ op }) => op.ref)).toEqual([]);
	});
});
