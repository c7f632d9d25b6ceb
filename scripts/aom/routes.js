// @ts-check
/**
 * Route inference of the Academy of Mine generator: the reference lost every method and path, so
 * they are inferred from Laravel's resource conventions (see the README's "Routes"). Kept apart
 * from the rest of the generator (names, grouping, field types) in scripts/aom-generate.js.
 *
 * - Each section's main list / get / create / update / delete (chosen by what its title says it
 *   does: the section's records and nothing else) gets the collection routes (`GET /badges`,
 *   `PUT /badges/{id}`); every other operation gets `/<section>/<its title>`.
 * - Paths use the whole title where the catalog cut its id short (never a word cut in two).
 * - A download whose inputs are all in the query is a GET.
 * - Operations on one record that the reference gives no ID get one (`{id}` and a field).
 * - Every placeholder of an operation's route has a path parameter (a field of the node): an ID the
 *   reference puts in the query or body moves into the path when the route names it.
 */
const { kebab } = require('./reference');
const overrides = require('./overrides');

/** Single-record operations whose reference lists no ID: the path parameter they get. */
const addedIds = {
	'aom.announcements.retrieve-announcement': 'ID of the announcement',
	'aom.survey-modules.retrieves-the-details-of-the-specified-survey-module': 'ID of the survey module',
	'aom.flash-cards-modules.update-flash-card-module': 'ID of the flash card module',
	'aom.quiz-modules.update-quiz-module': 'ID of the quiz module',
};

/** Words that say how, not what: left out when reading what an operation acts on. */
const NOISE = new Set(
	`a an the all any of for with by its it in on and or to from given specified specific existing new
	get gets retrieve retrieves fetch fetches list lists listing tabular paginated pagination search searching
	create creates add adds save saves store stores update updates edit edits delete deletes remove removes
	id ids details detail info information data record records single one multiple many
	format storage database based`.split(/\s+/).filter(Boolean),
);

/** `Ecommerce Orders` -> the words a title uses for its records: `ecommerce`, `order`, `orders`. */
function nouns(section) {
	const out = new Set();
	for (const word of kebab(section).split('-')) {
		out.add(word);
		out.add(word.replace(/ies$/, 'y').replace(/s$/, ''));
		out.add(`${word.replace(/s$/, '')}s`);
	}
	return out;
}

/** Whether an operation's title is about the section's records and nothing else. */
function isMain(op) {
	const title = String(op.title ?? op.catalogName).replace(/\(.*?\)/g, ' ').split(/\.\s/)[0];
	const words = kebab(title).split('-').filter((w) => w && !NOISE.has(w));
	const own = nouns(op.section);
	return words.every((w) => own.has(w));
}

/** `/<section>/<title>`: the catalog's slug, or the whole title where the catalog cut it mid-word. */
function slugOf(op) {
	const slug = op.id.split('.')[2];
	const base = slug.replace(/-\d+$/, '');
	const suffix = slug.slice(base.length);
	const whole = kebab(String(op.title ?? op.catalogName).split(/\.\s/)[0].replace(/\(.*?\)/g, ' '));
	return whole.startsWith(base) && whole !== base && !whole.startsWith(`${base}-`) ? `${whole}${suffix}` : slug;
}

/** The reference's operation with an ID added where it acts on one record without one. */
function withIds(op) {
	if (!addedIds[op.id] || op.params.some((p) => p.in === 'path')) return op;
	return { ...op, params: [{ in: 'path', name: 'id', required: true, type: 'integer', description: addedIds[op.id], raw: '' }, ...op.params] };
}

/** Inferred method + path of every operation, in reference order. */
function inferRoutes(ops) {
	/** @type {Record<string, {method: string, path: string, inferred: boolean}>} */
	const routes = {};
	const taken = new Set();
	// the main operation of each kind in a section: the first one whose title is only about its records
	const main = new Map();
	for (const op of ops) if (isMain(op) && !main.has(`${op.section}:${op.kind}`)) main.set(`${op.section}:${op.kind}`, op.id);
	for (const op of ops) {
		const base = `/${kebab(op.section)}`;
		const slug = slugOf(op);
		const params = op.params.filter((p) => p.in === 'path').map((p) => `/{${p.name}}`).join('');
		const hasBody = op.params.some((p) => p.in === 'body');
		const collection = main.get(`${op.section}:${op.kind}`) === op.id;
		const read = hasBody ? 'POST' : 'GET';
		const own = `${base}/${slug}${params}`;
		let method;
		let path;
		switch (op.kind) {
			case 'list':
				[method, path] = [read, collection && !hasBody ? `${base}${params}` : own];
				break;
			case 'get':
				[method, path] = [read, collection && params && !hasBody ? `${base}${params}` : own];
				break;
			case 'lookup':
				[method, path] = [read, `${base}/lookup/${slug}${params}`];
				break;
			case 'create':
				[method, path] = ['POST', collection ? `${base}${params}` : own];
				break;
			case 'update':
				[method, path] = ['PUT', collection && params ? `${base}${params}` : own];
				break;
			case 'delete':
				[method, path] = ['DELETE', collection ? `${base}${params}` : own];
				break;
			default:
				// a file fetched with query parameters only is read, not posted
				[method, path] = [overrides.downloads.includes(op.id) && !hasBody ? 'GET' : 'POST', own];
		}
		if (overrides.routes[op.id]) ({ method, path } = overrides.routes[op.id]);
		else if (taken.has(`${method} ${path}`)) path = own;
		for (let n = 2; taken.has(`${method} ${path}`); n++) path = `${base}/${slug}-${n}${params}`;
		taken.add(`${method} ${path}`);
		routes[op.id] = { method, path, inferred: true };
	}
	return routes;
}

/**
 * The operation's parameters for its route: a placeholder the reference puts in the query or body
 * moves into the path; one it does not document at all becomes a path parameter of its own.
 */
function paramsForRoute(op, route) {
	const placeholders = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
	let params = op.params;
	for (const name of placeholders) {
		if (params.some((p) => p.in === 'path' && p.name === name)) continue;
		const elsewhere = params.find((p) => p.name === name);
		params = elsewhere
			? params.map((p) => (p === elsewhere ? { ...p, in: 'path', required: true } : p))
			: [{ in: 'path', name, required: true, type: 'string', description: `${name} in the path of the route`, raw: '' }, ...params];
	}
	return params === op.params ? op : { ...op, params };
}

module.exports = { addedIds, inferRoutes, isMain, paramsForRoute, slugOf, withIds };
