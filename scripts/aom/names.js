// @ts-check
/**
 * Operation names as n8n writes them: Get, Get Many, Create, Update and Delete where the operation
 * is one of those on the resource itself; otherwise a short name that starts with its verb (at
 * most 40 characters, unique within its operation list). The reference's title goes into the
 * description, so the node panel's search still finds it. Used by scripts/aom-generate.js.
 */
const { titleCase } = require('title-case');
const { plural, singular } = require('pluralize');

const MAX = 40;

/** n8n's names, by the catalog's kind of operation. */
const STANDARD = { list: 'Get Many', get: 'Get', create: 'Create', update: 'Update', delete: 'Delete' };

/** Words a title may add to its resource's name and still mean the plain operation. */
const FILLER = new Set(
	`a an the new existing specified specific single given its by id ids list tabular table format paginated pagination with and search
	retrieve retrieves retrieved get gets fetch fetches load loads create creates add adds update updates edit delete deletes remove removes
	details detail info information all of in mode one or multiple record records storage database`.split(/\s+/),
);

/** Third-person and other leading verbs -> the imperative n8n names start with. */
const VERBS = {
	retrieves: 'Get', retrieve: 'Get', returns: 'Get', return: 'Get', fetches: 'Get', fetch: 'Get', gets: 'Get', loads: 'Get', load: 'Get',
	creates: 'Create', updates: 'Update', deletes: 'Delete', removes: 'Remove', adds: 'Add', saves: 'Save', submits: 'Submit',
	enables: 'Enable', prepares: 'Prepare', confirms: 'Confirm', downloads: 'Download', searches: 'Search', checks: 'Check',
	sends: 'Send', generates: 'Generate', clones: 'Clone', exports: 'Export', imports: 'Import', lists: 'List', sets: 'Set',
	toggles: 'Toggle', resets: 'Reset', validates: 'Validate', processes: 'Process', restores: 'Restore', marks: 'Mark',
};

/** Words that already start a name with its verb. */
const IMPERATIVE = new Set(
	`get create update delete remove add save submit enable disable prepare confirm download upload search check send generate clone export
	import list set toggle reset validate process restore mark enroll evaluate insert bulk grant revoke assign launch post refund resend
	quick soft hard look`.split(/\s+/),
);

/** Words dropped first when a name is too long. */
const SHORTER = [/\b(a|an|the)\s+/gi, /\b(given|specified|specific|particular|existing)\s+/gi, /\s*\([^)]*\)/g];

const words = (text) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
const norm = (w) => singular(w);

/** The noun a section's operations act on: `Quiz Modules` -> `quiz module`. */
const nounOf = (section) => words(section).map((w) => singular(w)).join(' ');

/**
 * The n8n name of an operation when it is the plain one of its kind on the resource itself
 * (`Create an Announcement`, `Announcement Tabular List`, `Delete a user or multiple users`).
 */
function standardName(op, title, noun) {
	const name = STANDARD[op.kind];
	if (!name) return undefined;
	const nounWords = new Set(words(noun).map(norm));
	const rest = words(title).filter((w) => !FILLER.has(w) && !FILLER.has(norm(w)) && !nounWords.has(norm(w)));
	return rest.length === 0 ? name : undefined;
}

/** `Retrieves the product details.` -> `Get Product Details`; `Coupon Lookup` -> `Look Up Coupons`. */
function verbFirst(op, title, noun) {
	let text = title.replace(/^API to /i, '');
	const first = words(text)[0] ?? '';
	if (VERBS[first]) text = text.replace(/^\S+/, VERBS[first]);
	else if (!IMPERATIVE.has(first)) {
		const lookup = /^(.*?)\s*(?:Lookup|Dropdown List)(?: For .*)?$/i.exec(text);
		const list = /^(.*?)\s*(?:Tabular List|List)$/i.exec(text);
		if (/^lookup\b/i.test(text)) text = text.replace(/^lookup\s+(for\s+)?/i, 'Look Up ');
		else if (lookup) text = `Look Up ${plural(lookup[1] || noun)}`;
		else if (list && op.kind === 'list') text = `Get Many ${list[1] ? plural(list[1]) : plural(noun)}`;
		else if (['get', 'list', 'lookup'].includes(op.kind)) text = `Get ${text}`;
		else if (op.kind === 'update') text = `Update ${text}`;
	}
	return shorten(text);
}

/** At most 40 characters: articles and qualifiers go first, then trailing clauses, then words. */
function shorten(text) {
	let out = text.replace(/\s+/g, ' ').trim();
	for (const pattern of SHORTER) if (out.length > MAX) out = out.replace(pattern, '');
	if (out.length > MAX) out = out.replace(/,.*$/, '').replace(/\s+(including|which|that|based on|so that|to be|returned)\b.*$/i, '');
	if (out.length > MAX) out = out.replace(/\s+in (a )?(tabular|paginated)\b.*$/i, '');
	// cutting words off mid-phrase reads badly: such a name is written by hand instead
	if (out.length > MAX) return undefined;
	out = out.replace(/\s+(of|for|in|by|with|and|to|a|the|from|on|or)$/i, '');
	return titleCase(out.replace(/[.:]\s*$/, ''));
}

/**
 * Names for the operations of one operation list (a resource, or one choice of it), in reference
 * order: n8n's names for the first plain operation of each kind, verb-first names otherwise.
 * `fixed` holds names written by hand (scripts/aom/overrides.js); a name that is too long or taken
 * is added to `problems` (the generator refuses to write them).
 * @returns {Map<string, {name: string, standard: boolean}>} operation id -> name
 */
function nameOperations(ops, noun, titleOf, fixed = {}, problems = []) {
	const names = new Map();
	const taken = new Set();
	for (const op of ops) {
		if (fixed[op.id]) continue;
		const standard = standardName(op, titleOf(op), noun);
		if (standard && !taken.has(standard)) {
			names.set(op.id, { name: standard, standard: true });
			taken.add(standard);
		}
	}
	for (const op of ops) {
		if (names.has(op.id)) continue;
		let name = fixed[op.id] ?? verbFirst(op, titleOf(op), noun);
		if (!name) {
			problems.push(`${op.id}: "${titleOf(op)}" has no short name`);
			name = `${op.id}`;
		}
		if (taken.has(name)) {
			problems.push(`${op.id}: "${name}" is already an operation of its list`);
			name = `${name} ${problems.length}`;
		}
		if (name.length > MAX) problems.push(`${op.id}: "${name}" is longer than ${MAX} characters`);
		names.set(op.id, { name, standard: [...Object.values(STANDARD), 'Create or Update'].includes(name) });
		taken.add(name);
	}
	return names;
}

/** The action text of the node panel: `Get many quiz modules`, `Create a badge`, else the name. */
function actionOf(name, standard, noun, sentence) {
	if (!standard) return sentence(name);
	const article = /^[aeiou]/i.test(noun) ? 'an' : 'a';
	if (name === 'Get Many') return `Get many ${plural(noun)}`;
	return `${name[0]}${name.slice(1).toLowerCase()} ${article} ${noun}`;
}

module.exports = { nameOperations, actionOf, nounOf, shorten, MAX, STANDARD };
