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

/** Whether an ID picked from a list or a search is sent as a number (the reference types it so). */
const numericId = (param) => NUMBER_TYPES.includes(param.type);

module.exports = { typeOf, numericId, NUMBER_TYPES };
