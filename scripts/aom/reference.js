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

/** Words that end an unquoted example: the description's first word, a type, a flag. */
const AFTER_EXAMPLE = /^([A-Z]|(string|int|integer|interger|array|boolean|numeric|number|object|of|optional|required|nullable)\b)/;

/**
 * The example at the start of `text` (after `Example:` and the parameter's own `name=`) and its
 * length. A JSON value or a quoted string is read whole (`{"a": 1, "b": [2, 3]}`, `"Event 1"`), a
 * date-time with its time; an unquoted value runs until the description starts (`Portal 1 The …`).
 * @param {string} text
 * @returns {[string, number]}
 */
function readExample(text) {
	const open = text[0];
	// JSON read with its strings, then (a quote missing: `["pdf"],associatedCourse":""}`) by brackets alone
	for (const quoted of [true, false]) {
		if (open !== '{' && open !== '[' && !(open === '"' && quoted)) break;
		let depth = 0;
		let inString = false;
		for (let i = 0; i < text.length; i++) {
			const c = text[i];
			if (inString) {
				if (c === '\\') i++;
				else if (c === '"') {
					inString = false;
					if (open === '"') return [text.slice(0, i + 1), i + 1];
				}
			} else if (c === '"' && quoted) inString = true;
			else if (c === '{' || c === '[') depth++;
			else if ((c === '}' || c === ']') && --depth === 0) return [text.slice(0, i + 1), i + 1];
		}
	}
	const dateTime = /^\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?/.exec(text);
	if (dateTime) return [dateTime[0], dateTime[0].length];
	const words = text.split(' ');
	let n = 1;
	// (the example said again starts the description: `manage=true true or false. …`)
	while (n < words.length && words[n] && words[n] !== words[0] && !AFTER_EXAMPLE.test(words[n])) n++;
	// no description after it: the example is one word (`viewer=microsoft_office microsoft_office, …`)
	if (n === words.length) n = 1;
	const value = words.slice(0, n).join(' ');
	return [value, value.length];
}

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
	// a type that may be null, joined by a pipe: `| int|null The total...`, `| int|nullable …`
	const orNull = /^(\w+)\|null(able)?\b\s*/.exec(body);
	if (orNull) body = `${orNull[1]} ${body.slice(orNull[0].length)}`;
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
	// `required` / `optional` may stand before and after the example and the type
	/** @param {string} text */
	const takeFlag = (text) => {
		if (text.startsWith('required ')) required = true;
		return text.replace(/^(required|optional)\s+/, '');
	};
	let description = body.slice(typeMatch?.[0].length ?? 0).trim();
	description = takeFlag(description);
	let example;
	const ex = /^Example:\s*/.exec(description);
	if (ex) {
		const after = description.slice(ex[0].length);
		const own = new RegExp(`^${name.replace(/[.[\]]/g, '\\$&')}=`).exec(after)?.[0] ?? '';
		const [value, length] = readExample(after.slice(own.length));
		// a quoted text is shown without its quotes
		example = /^"[^"]*"$/.test(value) ? value.slice(1, -1) : value;
		description = after.slice(own.length + length).trim();
		// a second example: `={…}. example: {…} Field data in JSON format.`
		const again = /^\.?\s*example:\s*/i.exec(description);
		if (again) description = description.slice(again[0].length + readExample(description.slice(again[0].length))[1]).trim();
	}
	description = takeFlag(description);
	// a type written after the example (`string Example: 55 int The ID of...`), in lower case: the
	// more precise one where the column only says string
	const late = /^(string|int|integer|[Ii]nterger|array|boolean|numeric|object)\s+/.exec(description);
	if (late) {
		if (type === 'string') type = late[1].toLowerCase() === 'interger' ? 'integer' : late[1].toLowerCase();
		description = description.slice(late[0].length);
	}
	// the element type written a second time: `Array of strings of integers required The IDs…`
	const elements = /^of (\w+)( or \w+)?\s+/.exec(description);
	if (elements && type.startsWith('array of')) description = description.slice(elements[0].length);
	description = takeFlag(description);
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
