// @ts-check
/**
 * Field types from the reference's own types (`integer`, `nullable|boolean`, `array`, `date`,
 * `object`) and its request samples: what the generator makes each parameter in the editor and on
 * the wire. Used by scripts/aom-generate.js.
 */

const NUMBER_TYPES = ['integer', 'numeric', 'number', 'int'];

/** Whether the request sample holds objects under this name (an object, or a list of objects). */
function sampleHoldsObjects(op, name) {
	const sample = op.requestSample;
	if (!sample || typeof sample !== 'object' || Array.isArray(sample)) return false;
	const value = sample[name];
	if (!value || typeof value !== 'object') return false;
	return !Array.isArray(value) || value.some((v) => v && typeof v === 'object');
}

/**
 * The FieldSpec properties of a parameter's type (type, format, default), without names or
 * descriptions. `choices` makes it a dropdown.
 * @returns {Record<string, any>}
 */
function typeOf(op, param, choices) {
	const type = param.type;
	const required = param.required || param.in === 'path';
	if (type === 'object' || sampleHoldsObjects(op, param.name) || (param.name === 'search_param' && type === 'string')) {
		// JSON: parsed here, sent as JSON text in the query (the operation's jsonText), as JSON in a body
		return { type: 'json', format: 'json', ...(required ? {} : { default: '{}' }) };
	}
	if (choices && !type.startsWith('array')) return { type: 'options', choices };
	if (type.startsWith('array')) return { type: 'string', format: 'list', placeholder: 'e.g. 1,2,3' };
	if (type === 'boolean') return { type: 'boolean' };
	if (type === 'date') return { type: 'dateTime', format: 'date' };
	if (NUMBER_TYPES.includes(type) && param.in !== 'path') {
		// a required number starts empty: left so, it is an error, not a 0 sent to the API
		return { type: 'number', ...(required ? { default: '' } : {}) };
	}
	return { type: 'string' };
}

const VALUE = `['"]?([A-Za-z0-9_-]+)['"]?`;
const LIST = `${VALUE}(?:\\s*,\\s*(?:or\\s+)?${VALUE.replace('(', '(?:')}|\\s+or\\s+${VALUE.replace('(', '(?:')})+`;

/** Where the reference enumerates a parameter's values, in the words it uses. */
const ENUMERATIONS = [
	// `Must be one of: a, b.`, `Status options: A, B or C.`, `Options: "A", "B".`, `One of [A, B].`, `Possible values: a, b, or c.`
	new RegExp(`(?:must be one of|one of the following|possible values|options|one of)\\s*:?\\s*\\[?\\s*(${LIST})\\s*\\]?\\s*\\.?\\s*$`, 'i'),
	// `{all, no_access, specific} Only these values allowed.`
	new RegExp(`\\{\\s*(${LIST})\\s*\\}\\s*Only these values allowed`, 'i'),
	// `..., either 'zip_code', 'specific_states', or 'all_states'.`, `it can either be contact or deal.`
	new RegExp(`either(?: be)?\\s+(${LIST})\\s*\\.?\\s*$`, 'i'),
	// `Type of submission (text or file).`, `The object type - contact or custom_course_object.`
	new RegExp(`type[^(]*(?:\\(|\\s-\\s)(${LIST})\\)?\\s*\\.?\\s*$`, 'i'),
];

/** The values a description enumerates (`Status options: A, B or C.`), or undefined. */
function choicesOf(description) {
	const text = String(description ?? '').replace(/\s+/g, ' ').trim();
	for (const pattern of ENUMERATIONS) {
		// the sentence that enumerates them, e.g. `Status options: ...` after `Different status for...`
		for (const sentence of [text, ...text.split(/(?<=\.)\s+/)]) {
			const m = pattern.exec(sentence);
			if (!m) continue;
			const values = m[1].split(/\s*,\s*(?:or\s+)?|\s+or\s+/).map((v) => v.replace(/^['"]|['"]$/g, '')).filter(Boolean);
			if (values.length >= 2) return [...new Set(values)];
		}
	}
	return undefined;
}

/** Misspellings of the reference fixed in labels (the values sent stay as the API spells them). */
const SPELLING = { assigment: 'assignment', trail: 'trial', remeber: 'remember', mainting: 'maintaining' };

/** The label of an enumerated value: `PENDING_PAYMENT` -> `Pending Payment`, `assigment_submission` -> `Assignment Submission`. */
function choiceName(value) {
	const text = String(value);
	// `IN-STOCK` reads as `In Stock`
	return (text === text.toUpperCase() ? text.toLowerCase() : text)
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map((w) => SPELLING[w.toLowerCase()] ?? w)
		.map((w) => w[0].toUpperCase() + w.slice(1))
		.join(' ');
}

/** Placeholder words of the reference's generated examples (lorem ipsum): no example at all is better. */
const LOREM = new Set(
	`lorem ipsum dolor sit amet consectetur adipisci adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua
	enim minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit
	voluptate velit esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia deserunt
	mollit anim id est laborum consequuntur voluptas voluptatem quia quo quae quas quod eius eum eos et iure rerum aut autem sequi
	nihil omnis odit odio error dicta nemo ipsa ab illo inventore veritatis beatae vitae explicabo accusantium doloremque laudantium
	totam aperiam eaque natus perspiciatis unde iste necessitatibus saepe eveniet repudiandae recusandae itaque earum tenetur sapiente
	delectus reiciendis maiores alias perferendis doloribus asperiores repellat molestiae molestias excepturi occaecati cupiditate
	provident similique mollitia animi dignissimos ducimus blanditiis praesentium deleniti atque corrupti quos dolores harum quidem
	facilis expedita distinctio libero tempore cum soluta nobis eligendi optio cumque impedit minus quod maxime placeat facere possimus
	assumenda repellendus temporibus officiis debitis necessitatibus voluptatibus numquam eius modi tempora incidunt magnam aliquam
	quaerat ratione voluptatum deleniti fuga accusamus iusto odio dignissimos architecto commodi vel illum corporis suscipit laboriosam
	aspernatur aut fugit dolorem porro quisquam ullam quibusdam neque velit quasi`.split(/\s+/),
);

/**
 * Whether an example is no example: lorem ipsum (`consequuntur`), or cut off where the page had a
 * space (`"New`, `[101,`, `\\`).
 */
const isLorem = (example) => {
	const text = String(example);
	const words = text.toLowerCase().split(/[^a-z]+/).filter(Boolean);
	if (words.length > 0 && words.every((w) => LOREM.has(w))) return true;
	const count = (c) => text.split(c).length - 1;
	return !/[A-Za-z0-9]/.test(text) || count('"') % 2 === 1 || count('[') !== count(']') || count('{') !== count('}') || /[,:]$/.test(text);
};

/** Whether an ID picked from a list or a search is sent as a number (the reference types it so). */
const numericId = (param) => NUMBER_TYPES.includes(param.type);

module.exports = { typeOf, numericId, choicesOf, choiceName, isLorem, SPELLING, NUMBER_TYPES };
