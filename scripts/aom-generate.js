#!/usr/bin/env node
// @ts-check
/**
 * Generates the Academy of Mine node's operations from its API reference:
 *   nodes/AcademyOfMine/generated/resources/<resource>.ts  one file per resource
 *   nodes/AcademyOfMine/generated/routes.ts               method + path per operation
 * Inputs: reference/academy-of-mine.api-reference.txt, its catalog ids (the Academy of Mine entry of
 * reference/catalog.json), the hand-written scripts/aom/overrides.js, and the routes matched from the
 * vendor's API description (scripts/aom/imported-routes.json, written by `npm run aom:routes`).
 * Re-running it changes nothing (test/aom/generator.test.ts).
 *
 *   node scripts/aom-generate.js          writes the files
 *   node scripts/aom-generate.js --check  exits 1 when a file would change
 */
const { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

const { camel, readReference } = require('./aom/reference');
const overrides = require('./aom/overrides');
const { inferRoutes, paramsForRoute, withIds } = require('./aom/routes');
const { choiceName, choicesOf, isLorem, numericId, typeOf } = require('./aom/types');
const grouping = require('./aom/grouping');
const { actionOf, nameOperations, nounOf } = require('./aom/names');

const ROOT = join(__dirname, '..');
const NODE_DIR = join(ROOT, 'nodes', 'AcademyOfMine');
const GENERATED_DIR = join(NODE_DIR, 'generated');
const RESOURCES_DIR = join(GENERATED_DIR, 'resources');
const ROUTES_FILE = join(GENERATED_DIR, 'routes.ts');
const IMPORTED_FILE = join(__dirname, 'aom', 'imported-routes.json');

const PAGE_PARAMS = new Set(['page_size', 'page_number', 'pageSize', 'pageNumber']);

/** @param {string} text */
const q = (text) => `'${String(text).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, ' ')}'`;

/** A TypeScript literal with single-quoted strings and bare keys where possible. */
function literal(value, depth = 0) {
	const pad = '\t'.repeat(depth + 1);
	const end = '\t'.repeat(depth);
	if (Array.isArray(value)) {
		if (!value.length) return '[]';
		const flat = value.map((v) => literal(v, depth + 1));
		const inline = `[${flat.join(', ')}]`;
		if (inline.length < 100 && !inline.includes('\n')) return inline;
		return `[\n${flat.map((v) => `${pad}${v},`).join('\n')}\n${end}]`;
	}
	if (value && typeof value === 'object') {
		const entries = Object.entries(value).filter(([, v]) => v !== undefined);
		if (!entries.length) return '{}';
		const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : q(k));
		// keys starting with `...` or `fields:` are source written as is
		const parts = entries.map(([k, v]) => (k.startsWith('...') || k.startsWith('fields:') ? `${k}` : `${key(k)}: ${literal(v, depth + 1)}`));
		const inline = `{ ${parts.join(', ')} }`;
		if (inline.length < 110 && !inline.includes('\n')) return inline;
		return `{\n${parts.map((p) => `${pad}${p},`).join('\n')}\n${end}}`;
	}
	if (typeof value === 'string') return q(value);
	return JSON.stringify(value);
}

/** `Create an Announcement.` -> `Create an Announcement`. */
const cleanTitle = (title) =>
	title
		.replace(/\s*\(See [^)]*\)/g, '')
		// a title that runs on into its description: its first sentence
		.replace(/\.\s+[A-Z].*$/, '')
		.replace(/\s*[.:]\s*$/, '')
		.replace(/\s+/g, ' ')
		.trim();

// n8n's lint rules check names with this very function (eslint-plugin-n8n-nodes-base depends on it)
const { titleCase } = require('title-case');
const { singular } = require('pluralize');

/** `id`, `url`, `json` as n8n writes them. */
const acronyms = (text) =>
	text
		.replace(/\bids\b/gi, 'IDs')
		.replace(/\bid\b/gi, 'ID')
		.replace(/\burls?\b/gi, (m) => m.toUpperCase().replace('S', 's'))
		.replace(/\bjson\b/gi, 'JSON');

/** A description as n8n's lint wants it: capitalised; a final period only after several sentences. */
function tidy(text) {
	let out = acronyms(String(text).replace(/\s+/g, ' ').trim()).replace(/\s*Examples?:\s*$/, '');
	if (!out) return undefined;
	out = out[0].toUpperCase() + out.slice(1);
	const sentences = /[.!?]\s+\S/.test(out);
	out = out.replace(/[.\s]+$/, '');
	return sentences ? `${out}.` : out;
}

/** Sentence case n8n's lint accepts: letters and digits only, acronyms kept. */
function sentence(text) {
	const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
	const acronym = (w) => w.length > 1 && w === w.toUpperCase();
	// the lint reads the sentence without its acronyms: the first other word is the capital one
	const first = words.findIndex((w) => !acronym(w));
	return words
		.map((w, i) => {
			if (acronym(w)) return w;
			const lower = w.toLowerCase();
			return i === first ? lower[0].toUpperCase() + lower.slice(1) : lower;
		})
		.join(' ');
}

/** `page_size` -> `Page Size`, `portalId` -> `Portal ID`. */
function displayName(wire) {
	return wire
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map((w) => (/^ids?$/i.test(w) ? w.toUpperCase().replace('IDS', 'IDs') : /^(url|utm|lti|pdf|sku|api|2fa|csv|css|html|json)$/i.test(w) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
		.join(' ');
}

/** First sentence of a description, short enough for the operation list. */
function shortDescription(text) {
	const first = (/^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text).replace(/\s*\(See [^)]*\)\s*/g, ' ').trim();
	return first.length > 180 ? `${first.slice(0, 177).replace(/\s+\S*$/, '')}...` : first;
}

const GROUP_BY_KIND = { list: 'filters', lookup: 'filters', get: 'options', update: 'updateFields', create: 'additionalFields', delete: 'additionalFields', action: 'additionalFields' };

/** `The ID of the user.`, `Order ID.` -> the locator of that record (overrides.idLocators). */
function idLocator(description) {
	const m =
		/\bID of the (user|course|product|order)\b(?!\s+(address|rating|note|registration|row))/i.exec(description) ??
		/^(user|course|product|order) ID\b/i.exec(description);
	return m ? overrides.idLocators[m[1].toLowerCase()] : undefined;
}

/** The FieldSpec of one reference parameter. */
function fieldOf(op, param, used) {
	const wire = param.name;
	let name = camel(wire) || 'value';
	if (used.has(name)) name = `${name}${param.in === 'path' ? 'Path' : param.in === 'query' ? 'Query' : 'Body'}`;
	used.add(name);
	const listed = overrides.lookupFields[op.id]?.[wire] ?? overrides.lookupFields[op.section]?.[wire];
	const ref = listed ?? overrides.references[wire] ?? (wire === 'id' ? idLocator(param.description) : undefined);
	/** @type {Record<string, any>} */
	const field = { name, displayName: titleCase(displayName(wire)), type: 'string', in: param.in };
	if (name !== wire) field.key = wire;
	if (param.required || param.in === 'path') field.required = true;
	const { choices, ...typed } = typeOf(op, param, choicesOf(param.description));
	Object.assign(field, typed);
	if (choices) {
		field.options = choices.map((c) => ({ name: choiceName(c), value: c })).sort((a, b) => a.name.localeCompare(b.name));
		if (!field.required) field.default = choices[0];
	}
	if (/password|secret|token|^key$|api_?key/i.test(wire) && field.type === 'string') field.password = true;
	if (listed?.multiple) {
		// a list of IDs from a lookup: a multi-select, sent as the array
		Object.assign(field, { type: 'multiOptions', format: 'list', loadOptions: listed.loadOptions, displayName: listed.displayName });
		delete field.placeholder;
	}
	if (listed && field.type === 'options') {
		// a lookup lists the values: they come from it (the documented ones may be out of date)
		delete field.options;
		delete field.default;
		field.type = 'string';
	}
	if (ref && ['string', 'number'].includes(field.type) && !field.format) {
		field.type = ref.locator ? 'string' : 'options';
		if (ref.locator) field.locator = ref.locator;
		else field.loadOptions = ref.loadOptions;
		field.displayName = ref.displayName;
		if (numericId(param) && param.in !== 'path') field.format = 'number';
	}
	let description = tidy(param.description);
	if (description && field.type === 'boolean') {
		description = `Whether ${description.replace(/^whether\s+/i, '').replace(/^(.)/, (c) => c.toLowerCase())}`;
	}
	// n8n's lint refuses a description that only repeats the name, or is one of its "weak" phrases
	const plainText = (t) => String(t).toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9]/g, '');
	const weak = description && /resource to consume|resource to operate on|operation to perform|action to perform|method of authentication/i.test(description);
	if (description && !weak && plainText(description) !== plainText(field.displayName)) field.description = description;
	if (/colou?r$/i.test(wire) && field.type === 'string') field.type = 'color';
	if (/email$/i.test(wire) && field.type === 'string') field.placeholder = 'name@email.com';
	if (param.example && !isLorem(param.example) && field.type === 'string' && !field.locator && !field.password && !field.loadOptions && !field.placeholder) field.placeholder = `e.g. ${acronyms(param.example)}`;
	Object.assign(field, overrides.fields[op.id]?.[wire] ?? {});
	return field;
}

/** order_by (JSON text in the reference) as two plain fields, serialised back by the engine. */
function orderFields(param, location) {
	const column = /\bcolumn=|"column"/.test(param.raw) && !/colName/.test(param.raw) ? 'column' : 'colName';
	// where the reference requires it, both are required and start from its example
	const required = param.required ? { required: true } : { at: 'options' };
	const example = /"?(?:colName|column)"?\s*[:=]\s*"?(\w+)/.exec(param.raw)?.[1] ?? 'created_at';
	const direction = /"?direction"?\s*[:=]\s*"?(asc|desc)/i.exec(param.raw)?.[1]?.toLowerCase() ?? 'desc';
	return [
		{
			name: 'orderByColumn', displayName: 'Order By Column', type: 'string', in: location, key: `order_by.${column}`, ...required,
			...(param.required ? { default: example } : {}), placeholder: `e.g. ${example}`, description: 'Column to sort by',
		},
		{
			name: 'orderByDirection', displayName: 'Order Direction', type: 'options', in: location, key: 'order_by.direction', ...required, default: direction,
			options: [{ name: 'Ascending', value: 'asc' }, { name: 'Descending', value: 'desc' }],
			description: 'Sort direction, sent with the column',
		},
	];
}

const BUILDER = { string: 'string', number: 'number', boolean: 'boolean', json: 'json', options: 'options' };

/** A field as a call of the engine's builders (nodes/shared/fields.ts): data, not a hand-written property. */
function fieldSource(field) {
	const { name, displayName: label, options, ...extra } = field;
	const kind = BUILDER[field.type] ?? 'string';
	delete extra.type;
	if (kind === 'string' && field.type !== 'string') extra.type = field.type;
	if (extra.in === 'body') delete extra.in;
	const args = [q(name), q(label)];
	if (kind === 'options') args.push(literal(options ?? [], 4));
	if (Object.keys(extra).length) args.push(literal(extra, 4));
	return `f.${kind}(${args.join(', ')})`;
}

/** OperationSpec source (without method/path, which come from routes.ts) for one operation, and what the route matcher sees of it. */
function operationOf(op, value, naming) {
	const lost = overrides.lostNames[op.id] ?? {};
	const params = op.params.map((p, i) => (lost[i] ? { ...p, name: lost[i] } : p));
	const paging = params.filter((p) => PAGE_PARAMS.has(p.name));
	const used = new Set(['resource', 'operation', 'returnAll', 'limit', 'options', 'filters', 'additionalFields', 'updateFields', 'binaryPropertyName', 'binaryPropertyNames', 'requestOptions', 'routeOverride']);
	/** @type {any[]} */
	const fields = [];
	for (const p of params) {
		if (PAGE_PARAMS.has(p.name)) continue;
		if (p.name === 'order_by') {
			fields.push(...orderFields(p, p.in));
			continue;
		}
		fields.push(fieldOf(op, p, used));
	}
	const title = acronyms(naming.name);
	/** @type {Record<string, any>} */
	const spec = { value, name: title, action: actionOf(title, naming.standard, naming.noun, (t) => sentence(acronyms(t))) };
	// the reference's title stays in the description, so searching for it still finds the operation
	const refTitle = cleanTitle(op.title ?? op.catalogName).replace(/^API to (\w)/, (_m, c) => c.toUpperCase());
	const about = tidy(shortDescription(op.description));
	const plainText = (t) => String(t ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
	const parts = plainText(about).startsWith(plainText(refTitle)) ? [about] : [refTitle, about];
	const description = tidy(parts.filter(Boolean).map((t) => String(t).replace(/[.\s]+$/, '')).join('. '));
	if (description && plainText(description) !== plainText(title)) spec.description = description;
	spec[`...route(${q(op.id)})`] = true;
	spec.ref = op.id;
	if (fields.some((f) => !f.required && f.in !== 'path' && !f.at)) spec.optionalIn = GROUP_BY_KIND[op.kind] ?? 'additionalFields';
	if (overrides.uploads[op.id]) {
		fields.push({
			name: 'binaryPropertyName', displayName: 'Input Binary Field', type: 'string', in: 'none', required: true, default: 'data',
			description: 'Name of the binary property of the input item holding the file to upload',
		});
		spec.multipart = { binaryParam: 'binaryPropertyName', partName: overrides.uploads[op.id] };
		// the file goes as a part of its own, not as a text field
		const index = fields.findIndex((f) => f.key === overrides.uploads[op.id] || f.name === overrides.uploads[op.id]);
		if (index >= 0 && fields[index].in === 'body') fields.splice(index, 1);
	}
	if (overrides.downloads.includes(op.id)) {
		fields.push({
			name: 'binaryPropertyName', displayName: 'Put Output File in Field', type: 'string', in: 'none', required: true, default: 'data',
			description: 'Name of the binary property the downloaded file is written to',
		});
		spec.download = { binaryParam: 'binaryPropertyName' };
	}
	if (fields.length) spec[`fields: [\n${fields.map((field) => `\t\t\t\t${fieldSource(field)},`).join('\n')}\n\t\t\t]`] = true;
	const jsonText = fields.filter((f) => f.format === 'json' && f.in === 'query').map((f) => f.key ?? f.name);
	// in the query as JSON text; in a JSON body ("the order by object") as an object
	if (params.some((p) => p.name === 'order_by' && p.in === 'query')) jsonText.unshift('order_by');
	if (jsonText.length) spec.jsonText = jsonText;
	// what the route matcher reads of the operation (its name, its fields on the wire)
	const seen = { ref: op.id, name: title, fields: fields.map((f) => ({ name: f.name, ...(f.key ? { key: f.key } : {}), in: f.in ?? 'body' })) };
	const sample = op.responseSample?.body;
	if (paging.length) {
		const camelCase = paging.some((p) => p.name === 'pageSize');
		const pagination = { style: 'aom' };
		if (camelCase) Object.assign(pagination, { sizeParam: 'pageSize', pageParam: 'pageNumber' });
		if (paging[0].in === 'body') pagination.inBody = true;
		spec.list = listOf(sample, pagination);
	} else if (['list', 'lookup'].includes(op.kind) && !overrides.downloads.includes(op.id)) {
		if (recordsPath(sample) !== undefined) spec.list = listOf(sample);
	}
	return { spec, seen };
}

/**
 * Where a list sample keeps its records: `''` for a bare array, `records`, else the arrays of
 * objects (not `headers` or lists of IDs next to them); several of them (a search answering
 * courses, users and products) all, with the empty ones beside them.
 */
function recordsPath(sample) {
	if (Array.isArray(sample)) return '';
	if (!sample || typeof sample !== 'object') return undefined;
	if (Array.isArray(sample.records)) return 'records';
	const arrays = Object.keys(sample).filter((k) => Array.isArray(sample[k]));
	const data = arrays.filter((k) => sample[k].some((v) => v && typeof v === 'object'));
	if (data.length > 1) return arrays.filter((k) => data.includes(k) || !sample[k].length);
	return data[0] ?? arrays[0];
}

/** The list spec of a sample: several record arrays are told apart by `kind`. */
function listOf(sample, pagination) {
	const records = recordsPath(sample) ?? 'records';
	return { records, ...(Array.isArray(records) ? { kindField: 'kind' } : {}), ...(pagination ? { pagination } : {}) };
}

// ---- routes: inferred in scripts/aom/routes.js, imported by scripts/aom-routes.js, written here ----

/**
 * @typedef {{ method: string, path: string, inferred: boolean }} Route
 * @typedef {{ prefix: string, routes: Record<string, { method: string, path: string }> }} Imported
 *   the routes matched from the vendor's API description, and the prefix all its paths share
 */

/** No API description imported: every route inferred. */
const NOTHING_IMPORTED = Object.freeze({ prefix: '', routes: {} });

/** @returns {Imported} the routes `npm run aom:routes` imported (scripts/aom/imported-routes.json) */
function readImported(file = IMPORTED_FILE) {
	const { prefix = '', routes = {} } = JSON.parse(readFileSync(file, 'utf8'));
	return { prefix, routes };
}

/**
 * Every operation's route: an override in scripts/aom/overrides.js always wins; then the route
 * imported from the vendor's API description; else the inferred one. Overridden and inferred routes
 * hang under the imported prefix (e.g. `/v1`), like every route of the description, so the
 * credential's Base URL is the description's server for all of them.
 * @param {any[]} ops @param {Imported} imported @returns {Record<string, Route>}
 */
function routeTable(ops, imported) {
	const inferred = inferRoutes(ops);
	const known = new Set(ops.map((op) => op.id));
	const unknown = Object.keys(imported.routes).filter((id) => !known.has(id));
	if (unknown.length) throw new Error(`scripts/aom/imported-routes.json: no such operation: ${unknown.join(', ')} (run \`npm run aom:routes -- <spec>\` again)`);
	const { prefix } = imported;
	const under = (/** @type {Route} */ r) => (prefix && !r.path.startsWith(`${prefix}/`) ? { ...r, path: `${prefix}${r.path}` } : r);
	return Object.fromEntries(
		ops.map((op) => {
			const found = !overrides.routes[op.id] && imported.routes[op.id];
			return [op.id, found ? { method: found.method, path: found.path, inferred: false } : under(inferred[op.id])];
		}),
	);
}

/** The source of routes.ts for a table. */
function routesSource(routes) {
	const rows = Object.entries(routes).map(([id, r]) => `\t${q(id)}: { method: ${q(r.method)}, path: ${q(r.path)}, inferred: ${r.inferred} },`);
	return [
		'// Generated by scripts/aom-generate.js from the Academy of Mine API reference, scripts/aom/overrides.js and the',
		'// routes `npm run aom:routes` imported (scripts/aom/imported-routes.json). Do not edit: run `npm run aom:generate`.',
		"import type { HttpMethod } from '../../shared/types';",
		'',
		'export interface Route {',
		'\tmethod: HttpMethod;',
		'\tpath: string;',
		"\t/** True when the reference does not give the route and it was inferred (see the README's \"Routes\"). */",
		'\tinferred: boolean;',
		'}',
		'',
		'/** Catalog id of every operation -> its HTTP method and path. */',
		'export const ROUTES: Record<string, Route> = {',
		...rows,
		'};',
		'',
		'/** Method and path of an operation, for its OperationSpec. */',
		'export function route(ref: string): { method: HttpMethod; path: string } {',
		'\tconst known = ROUTES[ref];',
		'\tif (!known) throw new Error(`No route for ${ref}`);',
		'\treturn { method: known.method, path: known.path };',
		'}',
		'',
	].join('\n');
}

/**
 * The node's resources from the reference's sections (scripts/aom/grouping.js): each with its
 * operation lists, one per choice option where the resource has a choice.
 */
function resourceLayout(ops) {
	const learnerIds = new Set(grouping.learner.operations);
	/** @type {Map<string, any>} */
	const layouts = new Map();
	const sections = new Map();
	for (const op of ops) sections.set(op.section, [...(sections.get(op.section) ?? []), op]);
	for (const [section, all] of sections) {
		const sectionOps = all.filter((op) => !learnerIds.has(op.id));
		if (!sectionOps.length) continue;
		const [groupValue, group] = Object.entries(grouping.merged).find(([, g]) => section in g.sections) ?? [];
		if (groupValue && group) {
			const option = group.sections[section];
			const layout = layouts.get(groupValue) ?? { value: groupValue, name: group.name, description: group.description, choice: group.choice, lists: [] };
			layout.lists.push({ ops: sectionOps, noun: option.noun, choice: { name: option.name, value: option.value } });
			layouts.set(groupValue, layout);
			continue;
		}
		// a resource of its own keeps the value it always had
		const value = camel(overrides.resourceNames[section] ?? singular(section));
		const name = grouping.resourceNames[section] ?? overrides.resourceNames[section] ?? singular(section);
		const description = grouping.descriptions[section];
		if (!description) throw new Error(`Section "${section}" has no description in scripts/aom/grouping.js`);
		layouts.set(value, { value, name, description, lists: [{ ops: sectionOps, noun: nounOf(section) }] });
	}
	const learnerOps = ops.filter((op) => learnerIds.has(op.id));
	const { value, name, description } = grouping.learner;
	layouts.set(value, { value, name, description, lists: [{ ops: learnerOps, noun: 'learner' }] });
	// the choice lists in the order grouping.js gives them
	for (const layout of layouts.values()) {
		if (!layout.choice) continue;
		const order = Object.values(grouping.merged[layout.value].sections).map((o) => o.value);
		layout.lists.sort((a, b) => order.indexOf(a.choice.value) - order.indexOf(b.choice.value));
	}
	return [...layouts.values()];
}

/**
 * Everything the generator writes (file path -> contents), with the route table and the operations
 * as the route matcher sees them (`routeTargets` of nodes/AcademyOfMine/apiDescription.ts).
 * @param {Imported} imported the routes imported from the vendor's API description
 */
function generate(imported = readImported()) {
	const reference = readReference();
	const kept = reference.filter((op) => !(op.id in overrides.excluded)).map(withIds);
	const routes = routeTable(kept, imported);
	// every placeholder of an operation's route has a path parameter (a field)
	const ops = kept.map((op) => paramsForRoute(op, routes[op.id]));
	/** @type {Array<{ ref: string, name: string, fields: Array<{ name: string, key?: string, in: string }> }>} */
	const operationsSeen = [];
	/** @type {Record<string, string>} */
	const files = { [ROUTES_FILE]: routesSource(routes) };
	const resources = [];
	/** @type {string[]} */
	const problems = [];
	for (const layout of resourceLayout(ops)) {
		const { value } = layout;
		const values = new Set();
		const operations = [];
		/** @type {any[]} */
		const choiceOptions = [];
		let defaultOperation;
		for (const list of layout.lists) {
			const titleOf = (op) => overrides.names[op.id] ?? cleanTitle(op.title ?? op.catalogName);
			const names = nameOperations(list.ops, list.noun, titleOf, overrides.shortNames, problems);
			const listed = [];
			for (const op of list.ops) {
				let opValue = camel(op.id.split('.')[2]);
				for (let n = 2; values.has(opValue); n++) opValue = `${camel(op.id.split('.')[2])}${n}`;
				values.add(opValue);
				listed.push(opValue);
				const naming = { ...names.get(op.id), noun: list.noun };
				const { spec, seen } = operationOf(op, opValue, naming);
				operations.push(spec);
				operationsSeen.push(seen);
			}
			// the most used operation of a list is its Get Many, else its Get
			const byName = (n) => operations.find((o) => listed.includes(o.value) && o.name === n)?.value;
			const first = byName('Get Many') ?? byName('Get') ?? listed[0];
			if (list.choice) choiceOptions.push({ name: list.choice.name, value: list.choice.value, operations: listed, defaultOperation: first });
			else defaultOperation = first;
		}
		const constant = `${value}Resource`;
		resources.push({ value, constant });
		// n8n lists the options of a dropdown alphabetically
		const choice = layout.choice ? { ...layout.choice, options: choiceOptions.sort((a, b) => a.name.localeCompare(b.name)) } : undefined;
		files[join(RESOURCES_DIR, `${value}.ts`)] = [
			'// Generated by scripts/aom-generate.js from the Academy of Mine API reference. Do not edit:',
			'// change scripts/aom/overrides.js (or grouping.js, names.js, types.js) and run `node scripts/aom-generate.js`.',
			"import { f } from '../../../shared/fields';",
			"import type { ResourceSpec } from '../../../shared/types';",
			'',
			"import { route } from '../routes';",
			'',
			`export const ${constant}: ResourceSpec = {`,
			`\tvalue: ${q(value)},`,
			`\tname: ${q(layout.name)},`,
			`\tdescription: ${q(layout.description)},`,
			...(defaultOperation ? [`\tdefaultOperation: ${q(defaultOperation)},`] : []),
			...(choice ? [`\tchoice: ${literal(choice, 1)},`] : []),
			`\toperations: ${literal(operations, 1)},`,
			'};',
			'',
		].join('\n');
	}
	const known = new Set(ops.map((op) => op.id));
	for (const id of Object.keys(overrides.shortNames)) if (!known.has(id)) problems.push(`${id}: no such operation`);
	if (problems.length) throw new Error(`Operation names to fix in scripts/aom/overrides.js (shortNames):\n${problems.join('\n')}`);
	files[join(RESOURCES_DIR, 'index.ts')] = [
		'// Generated by scripts/aom-generate.js: every resource of the Academy of Mine node.',
		"import type { ResourceSpec } from '../../../shared/types';",
		'',
		...resources.map((r) => `import { ${r.constant} } from './${r.value}';`),
		'',
		'export const AOM_RESOURCES: ResourceSpec[] = [',
		...resources.map((r) => `\t${r.constant},`),
		'];',
		'',
	].join('\n');
	return { files, ops, reference, routes, operations: operationsSeen };
}

/**
 * Writes the files that changed; with `check`, writes nothing and fails naming them. `out` puts the
 * files in another folder (same paths under it) instead of the repository: for tests.
 * @param {Record<string, string>} files @returns {number} the exit code
 */
function writeGenerated(files, { check = false, out = ROOT } = {}) {
	const target = (/** @type {string} */ file) => join(out, relative(ROOT, file));
	const changed = Object.entries(files).filter(([file, text]) => !existsSync(target(file)) || readFileSync(target(file), 'utf8') !== text);
	const dir = target(RESOURCES_DIR);
	const stale = existsSync(dir) ? readdirSync(dir).map((f) => join(RESOURCES_DIR, f)).filter((f) => !(f in files)) : [];
	if (check) {
		for (const [file] of changed) console.error(`would change: ${file}`);
		for (const file of stale) console.error(`not generated: ${file}`);
		return changed.length || stale.length ? 1 : 0;
	}
	for (const [file, text] of changed) {
		mkdirSync(dirname(target(file)), { recursive: true });
		writeFileSync(target(file), text);
	}
	console.log(`${Object.keys(files).length} files, ${changed.length} written${stale.length ? `; not generated (remove?): ${stale.join(', ')}` : ''}`);
	return 0;
}

module.exports = { generate, inferRoutes, readImported, routesSource, writeGenerated, NOTHING_IMPORTED, IMPORTED_FILE, ROOT, ROUTES_FILE, RESOURCES_DIR };

if (require.main === module) {
	const { files } = generate();
	process.exitCode = writeGenerated(files, { check: process.argv.includes('--check') });
}
