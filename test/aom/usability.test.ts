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
import { AOM_REFERENCE, aomMock } from '../mocks/academyOfMine';
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
				(t === 'string' && field.type !== 'number' && field.type !== 'boolean');
			if (!ok) wrong.push(`${where(op, field)}: ${t} as ${field.type}/${field.format ?? ''}`);
		}
		expect(wrong).toEqual([]);
	});

	test('no help text starts with the reference\'s type rules ("Nullable|string")', () => {
		const leaked = fieldsWithParams.filter(({ field }) => /^(nullable|required|sometimes)\|/i.test(field.description ?? ''));
		expect(leaked.map(({ op, field }) => where(op, field))).toEqual([]);
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
				webinar.op.fields!.filter((f) => f.required).map((f) => [f.name, f.type === 'number' ? 1 : f.type === 'boolean' ? true : 'x']),
			);
			// n8n itself flags an empty required parameter; an expression that comes out empty reaches the node
			const { error } = await runAom(server, { resource: webinar.resource.value, operation: webinar.op.value, ...filled, location: '={{ "" }}' });
			expect(error?.message).toMatch(/"Location" is required for item 0/);
			expect(server.requests).toHaveLength(0);
		});
	});
});
