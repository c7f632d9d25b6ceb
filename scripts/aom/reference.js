// @ts-check
/**
 * Reads Academy of Mine's API reference (the text of its Redoc page, in reference/) into
 * operations: title, description, parameters (path, query, JSON body) and the response sample.
 * The catalog (reference/catalog.json, its Academy of Mine entry) gives each operation its id, section,
 * kind and the lines of the reference it spans; everything else is read here from the text.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const REFERENCES = join(__dirname, '..', '..', 'reference');
const REFERENCE = join(REFERENCES, 'academy-of-mine.api-reference.txt');
const CATALOG = join(REFERENCES, 'catalog.json');

/** The Academy of Mine entry of the catalog. */
const aomCatalog = () => JSON.parse(readFileSync(CATALOG, 'utf8')).find((/** @type {any} */ v) => v.vendor === 'Academy of Mine');

/**
 * @typedef {{ in: 'path' | 'query' | 'body', name: string, required: boolean, type: string, description: string, example?: string, raw: string }} RefParam
 * @typedef {{ status: number, body: unknown } | undefined} RefSample
 * @typedef {{ id: string, section: string, kind: string, title: string | null, catalogName: string, description: string,
 *   params: RefParam[], responseSample: RefSample, requestSample: unknown, hasResponsesHeader: boolean,
 *   flags: string[], fileTransfer: string | null }} RefOperation
 */

/**
 * Redoc's text form of a JSON sample (`{- "a": 1,\n- "b": [- {...}, - {...}]}`) back to JSON.
 * @param {string[]} lines
 */
function sampleJson(lines) {
	const text = lines
		.map((/** @type {string} */ line) => line.replace(/^- /, ''))
		.join('\n')
		.replace(/([[{,])\s*- /g, '$1 ')
		// trailing commas the page kept
		.replace(/,(\s*[}\]])/g, '$1');
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false, value: undefined };
	}
}

const MARKERS = /^(path Parameters|query Parameters|header Parameters|Request Body schema:.*|Responses|Request samples|Response samples)$/;

/** Types a Laravel rule list (`nullable|integer`) can name. */
const RULE_TYPES = ['string', 'integer', 'int', 'numeric', 'number', 'boolean', 'array', 'date', 'object'];

/**
 * One parameter line (`name required | type Example: x description |`).
 * @param {string} raw
 * @param {'path' | 'query' | 'body'} location
 */
function parseParam(raw, location) {
	const [head, ...rest] = raw.split('|');
	const words = head.trim().split(/\s+/).filter(Boolean);
	let body = rest.join('|').replace(/\|+\s*$/, '').trim();
	const name = words[0] === 'required' ? '' : (words[0] ?? '');
	let required = words.includes('required');
	if (!name && head.trim().startsWith('required') && rest.length && !rest[0].trim()) {
		// `required Email of the staff. | |`: the name is lost and the text sits where it was
		body = head.trim().replace(/^required\s*/, '');
	}
	// Laravel rules joined by pipes: `| nullable|integer The total...`, `| required|string ...`
	const rules = /^((?:required|nullable|sometimes|optional)(?:\|[\w:,-]+)+)\s*/.exec(body);
	if (rules) {
		const parts = rules[1].split('|').map((r) => r.toLowerCase());
		if (parts.includes('required')) required = true;
		const ruleType = parts.find((r) => RULE_TYPES.includes(r)) ?? 'string';
		body = `${ruleType} ${body.slice(rules[0].length)}`;
	}
	// Laravel rules written in the type column: `| required numeric ...`, `| nullable ...`
	const typeMatch = /^(required\s+|optional\s+|nullable\s+)*(Array of \w+|string|integer|boolean|object|numeric|number|array|date|int)?(\s+nullable)?\s*/.exec(body);
	if (/^required\b/.test(body)) required = true;
	let type = (typeMatch?.[2] ?? '').toLowerCase() || 'string';
	let description = body.slice(typeMatch?.[0].length ?? 0).trim();
	if (/^(required|optional)\s/.test(description)) {
		if (description.startsWith('required')) required = true;
		description = description.replace(/^(required|optional)\s+/, '');
	}
	let example;
	const ex = /^Example:\s*(\S*)\s*/.exec(description);
	if (ex) {
		example = ex[1].replace(new RegExp(`^${name}=`), '');
		description = description.slice(ex[0].length);
	}
	if (/^(required|optional)\s/.test(description)) {
		if (description.startsWith('required')) required = true;
		description = description.replace(/^(required|optional)\s+/, '');
	}
	// a type written after the example (`string Example: 55 int The ID of...`), in lower case: the
	// more precise one where the column only says string
	const late = /^(string|int|integer|array|boolean|numeric)\s+/.exec(description);
	if (late) {
		if (type === 'string') type = late[1];
		description = description.slice(late[0].length);
	}
	return { in: location, name, required, type, description: description.trim(), example, raw: raw.trim() };
}

/** @returns {RefOperation[]} */
function readReference(text = readFileSync(REFERENCE, 'utf8'), catalog = aomCatalog()) {
	const all = text.split('\n');
	return catalog.operations.map((/** @type {any} */ entry) => {
		const lines = all.slice(entry.seedLines[0] - 1, entry.seedLines[1]);
		let i = 0;
		let title = null;
		const description = [];
		if (entry.nameInSeed) {
			// the first operation of a section starts after the section's intro paragraph
			const at = lines.findIndex((line) => line.trim() === entry.nameInSeed.trim());
			i = at >= 0 ? at : 0;
			title = lines[i++].trim();
			while (i < lines.length && !MARKERS.test(lines[i].trim())) description.push(lines[i++].trim());
		}
		/** @type {RefParam[]} */
		const params = [];
		let location = /** @type {'path' | 'query' | 'body' | undefined} */ (undefined);
		let pending = '';
		let requestSample;
		/** @type {RefSample} */
		let responseSample;
		while (i < lines.length) {
			const line = lines[i].trim();
			if (!pending && MARKERS.test(line)) {
				location = line.startsWith('path') ? 'path' : line.startsWith('query') ? 'query' : line.startsWith('Request Body') ? 'body' : undefined;
				if (line === 'Request samples' || line === 'Response samples') {
					// `- Payload` / `- 200` then the sample up to the next marker
					// `- Payload` or the status tabs (`- 200`, `- 422`): the sample shown is the first tab's
					const status = Number(/^- (\d+)/.exec(lines[i + 1]?.trim() ?? '')?.[1]);
					let j = i + 1;
					while (j < lines.length && /^- (\d+|Payload)$/.test(lines[j].trim())) j++;
					const sample = [];
					while (j < lines.length && !MARKERS.test(lines[j].trim())) sample.push(lines[j++]);
					const parsed = sampleJson(sample);
					if (line === 'Request samples') requestSample = parsed.value;
					else responseSample = { status: status || 200, body: parsed.ok ? parsed.value : sample.join('\n') };
					i = j;
					continue;
				}
				i++;
				continue;
			}
			if (location) {
				pending = pending ? `${pending} ${line}` : line;
				if (/\|\s*$/.test(pending) || line === '|') {
					// a lone `|` closes the row above it (the page's table layout), it is no parameter
					if (pending !== '|') params.push(parseParam(pending, location));
					pending = '';
				}
			}
			i++;
		}
		// an empty row (`object | |`) next to the documented one of the same name is the page's layout
		const documented = params.filter(
			(p, k) => !(/^\S+ \| \|$/.test(p.raw) && params.some((o, m) => m !== k && o.name === p.name && o.in === p.in)),
		);
		// `object Optional search filters. |`: the name is lost and its type took its place; the
		// request sample's one undocumented key is that name
		const sampleKeys = requestSample && typeof requestSample === 'object' && !Array.isArray(requestSample) ? Object.keys(requestSample) : [];
		const undocumented = sampleKeys.filter((k) => !documented.some((p) => p.name === k));
		for (const p of documented) {
			if (p.in === 'body' && RULE_TYPES.includes(p.name) && p.type === 'string' && undocumented.length === 1) {
				Object.assign(p, { name: undocumented[0], type: p.name, description: p.raw.replace(/^\S+\s*/, '').replace(/\s*\|\s*$/, '') });
			}
		}
		return {
			id: entry.id,
			section: entry.section,
			kind: entry.kind,
			title,
			catalogName: entry.name,
			description: description.join(' ').trim(),
			params: documented,
			responseSample,
			requestSample,
			hasResponsesHeader: entry.hasResponsesHeader,
			flags: entry.flags,
			fileTransfer: entry.fileTransfer,
		};
	});
}

const words = (/** @type {string} */ text) => String(text).replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).filter(Boolean);

/** `page_size` -> `pageSize`, `Ecommerce Orders` -> `ecommerceOrders`. */
const camel = (/** @type {string} */ text) =>
	words(text)
		.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase()))
		.join('');

/** `Ecommerce Orders` -> `ecommerce-orders`. */
const kebab = (/** @type {string} */ text) => words(text).map((w) => w.toLowerCase()).join('-');

module.exports = { readReference, sampleJson, parseParam, camel, kebab, REFERENCE, CATALOG };
