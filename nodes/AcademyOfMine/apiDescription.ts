/**
 * Reading a school's own API description (OpenAPI JSON, or a Redoc / Redocly page that embeds it)
 * and matching its operations to the node's. One module for the node at run time (routes from the
 * credential) and for `npm run aom:routes` (routes the generator builds routes.ts from): both match the same way.
 * No imports: the script loads this file on its own.
 *
 * The rule is "never a wrong match": a spec operation is taken by title (summary or operationId,
 * case and punctuation aside) only inside its own section (its tag), or, untagged, when no other
 * operation of the node has that title. A title that differs by one word is listed as a suggestion,
 * never applied.
 */

export interface SpecOperation {
	method: string;
	path: string;
	title: string;
	operationId: string;
	tags: string[];
}

/** One operation of the node, as the matcher sees it. */
export interface RouteTarget {
	/** Catalog id (`aom.<section>.<slug>`). */
	id: string;
	section: string;
	/** Its names: the reference's title, the catalog's, the node's. */
	titles: string[];
	/** Starts of a title the catalog cut short (its ids stop near 60 characters, at a word). */
	prefixes?: string[];
	/** Its fields on the wire: path placeholders and the IDs it sends elsewhere. */
	params: Array<{ name: string; in: string }>;
}

export interface MatchedRoute {
	method: string;
	path: string;
}

export interface MatchReport {
	/** Catalog id -> the spec's route, placeholders renamed to the node's fields. */
	routes: Record<string, MatchedRoute>;
	matched: string[];
	unmatched: string[];
	/** `id: METHOD path "title"`: a spec operation one word away from an unmatched one (not applied). */
	suggestions: string[];
	/** Spec operations no operation of the node took. */
	unmatchedSpec: string[];
	/** Matches applied with a doubt, and routes not applied because a placeholder has no field. */
	review: string[];
	/** The path prefix every spec path shares (e.g. `/api/v2`), '' when none. */
	prefix: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** What is wrong with an API description (the node turns it into its own error). */
export class ApiDescriptionError extends Error {}

/** Largest API description read (a full Redoc page of a big API is a few MB). */
export const MAX_DESCRIPTION_BYTES = 20 * 1024 * 1024;

const norm = (text: unknown) =>
	String(text ?? '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');

/** `Users`, `user`, `ecommerce-orders` -> one form (sections in the singular or the plural). */
const stem = (text: unknown) => {
	const n = norm(text);
	if (n.endsWith('ies')) return `${n.slice(0, -3)}y`;
	if (n.endsWith('s') && !n.endsWith('ss')) return n.slice(0, -1);
	return n;
};

/** The balanced `{…}` starting at `start` (strings and escapes respected), or undefined. */
function balancedObject(text: string, start: number): string | undefined {
	let depth = 0;
	let quote = '';
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (quote) {
			if (c === '\\') i++;
			else if (c === quote) quote = '';
			continue;
		}
		if (c === '"' || c === "'" || c === '`') quote = c;
		else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
	}
	return undefined;
}

/** The OpenAPI document inside an embedded state: Redoc's `{spec: {data}}`, Redocly's `{definition}`. */
function documentIn(state: unknown): Record<string, unknown> | undefined {
	const s = state as Record<string, any>;
	for (const candidate of [s?.spec?.data, s?.definition, s?.spec, s?.props?.definition, s]) {
		if (candidate && typeof candidate === 'object' && candidate.paths && typeof candidate.paths === 'object') return candidate;
	}
	return undefined;
}

/**
 * The spec of a Redoc page (`const __redoc_state = {…};` then `Redoc.hydrate(__redoc_state, …)`)
 * or a Redocly page (an object holding `{options, definition}`): the balanced object after each
 * marker, parsed as JSON.
 */
function specOfPage(html: string): Record<string, unknown> | undefined {
	const markers = [/__redoc_state\s*=\s*/g, /__REDOC_STATE__\s*=\s*/g, /\bhydrate\(\s*/g, /\.init\(\s*/g, /"definition"\s*:\s*/g, /\{\s*"(?:openapi|swagger)"\s*:/g];
	for (const marker of markers) {
		for (const m of html.matchAll(marker)) {
			const at = html.indexOf('{', m.index + (m[0].startsWith('{') ? 0 : m[0].length - 1));
			if (at < 0 || at > m.index + m[0].length + 2) continue;
			const object = balancedObject(html, at);
			if (!object) continue;
			try {
				const doc = documentIn(JSON.parse(object));
				if (doc) return doc;
			} catch {
				// not JSON (a script's own object): the next occurrence
			}
		}
	}
	return undefined;
}

/** The OpenAPI document in a text: JSON, or an HTML page that embeds it. YAML is parsed by the caller. */
export function readApiDescription(text: string): Record<string, unknown> {
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	if (trimmed.startsWith('<')) {
		const doc = specOfPage(trimmed);
		if (!doc) {
			throw new ApiDescriptionError(
				'The page holds no API description (no Redoc state with a spec): save the Redoc page with its scripts, or give the OpenAPI document itself',
			);
		}
		return doc;
	}
	const unreadable = Symbol('unreadable');
	let parsed: unknown = unreadable;
	try {
		parsed = JSON.parse(trimmed);
	} catch {
		// said below
	}
	if (parsed === unreadable) {
		throw new ApiDescriptionError('The API description is neither JSON nor a Redoc page (a YAML document must be given in its JSON form)');
	}
	const doc = documentIn(parsed);
	if (!doc) throw new ApiDescriptionError('The API description has no "paths": it is not an OpenAPI document');
	return doc;
}

/** The spec's operations. */
export function specOperations(doc: Record<string, unknown>): SpecOperation[] {
	const out: SpecOperation[] = [];
	for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, any>)) {
		for (const method of METHODS) {
			const op = item?.[method];
			if (!op || typeof op !== 'object') continue;
			out.push({
				method: method.toUpperCase(),
				path,
				title: String(op.summary ?? ''),
				operationId: String(op.operationId ?? ''),
				tags: Array.isArray(op.tags) ? op.tags.map(String) : [],
			});
		}
	}
	return out;
}

/** Words of a title, for "one word away". */
const words = (text: string) =>
	text
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);

/** Whether two word lists differ by one word (one replaced, added or removed). */
function oneWordApart(a: string[], b: string[]): boolean {
	if (Math.abs(a.length - b.length) > 1 || a.join(' ') === b.join(' ')) return false;
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	let j = 0;
	while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
	return a.length - i - j <= 1 && b.length - i - j <= 1;
}

/** `registration_id`, `registrationId`, `{registration}` -> `registration`. */
const root = (name: string) => norm(name).replace(/id$/, '') || norm(name);

/** A placeholder name that says nothing of what it holds. */
const generic = (name: string) => /^(id|param\d*|arg\d*|p\d+|key|\d+)$/.test(norm(name));

/**
 * The route for one operation from the spec's: the spec's path with its placeholders renamed to
 * the node's fields, by name (case and separators aside, `Id` optional); by position only among
 * those whose names say nothing. A placeholder only a query or body ID fills takes that ID's name
 * (the node then sends it in the path). Undefined path when a placeholder has no field at all.
 */
function adapt(spec: SpecOperation, target: RouteTarget): { path?: string; doubt?: string; missing?: string } {
	const theirs = [...spec.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
	const ours = target.params.filter((p) => p.in === 'path').map((p) => p.name);
	const elsewhere = target.params.filter((p) => p.in !== 'path' && p.in !== 'none').map((p) => p.name);
	const names = new Map<string, string>();
	const free = new Set(ours);
	const take = (placeholder: string, pool: Iterable<string>, key: (s: string) => string) => {
		const found = [...pool].find((name) => free.has(name) && key(name) === key(placeholder));
		if (found) {
			names.set(placeholder, found);
			free.delete(found);
		}
	};
	for (const p of theirs) take(p, ours, norm);
	for (const p of theirs) if (!names.has(p)) take(p, ours, root);
	let doubt: string | undefined;
	const left = theirs.filter((p) => !names.has(p));
	const leftOurs = ours.filter((name) => free.has(name));
	if (left.length && left.length === leftOurs.length) {
		// by position: only doubtful when both sides have names that mean something
		left.forEach((p, i) => names.set(p, leftOurs[i]));
		if (left.length > 1 || !(generic(left[0]) || generic(leftOurs[0]))) {
			doubt = `placeholders ${left.map((p, i) => `{${p}} -> {${leftOurs[i]}}`).join(', ')} paired by position: check them`;
		}
	}
	for (const p of theirs.filter((t) => !names.has(t))) {
		const moved = elsewhere.find((name) => norm(name) === norm(p)) ?? elsewhere.find((name) => root(name) === root(p));
		if (moved) names.set(p, moved);
		else if (generic(p) && elsewhere.filter((name) => /id$/i.test(name) || norm(name) === 'id').length === 1) {
			names.set(p, elsewhere.find((name) => /id$/i.test(name) || norm(name) === 'id') as string);
		}
	}
	const missing = theirs.find((p) => !names.has(p));
	if (missing) return { missing: `{${missing}} of ${spec.method} ${spec.path} is filled by no field of the operation` };
	return { path: spec.path.replace(/\{([^}]+)\}/g, (_m, p: string) => `{${names.get(p)}}`), doubt };
}

/** The leading segments every spec path shares, stopping at a section's name (e.g. `/api/v2`). */
function commonPrefix(ops: SpecOperation[], sections: Set<string>): string {
	if (ops.length < 2) return '';
	const split = ops.map((op) => op.path.split('/').filter(Boolean));
	const out: string[] = [];
	for (let i = 0; ; i++) {
		const segment = split[0][i];
		if (segment === undefined || segment.startsWith('{') || sections.has(stem(segment))) break;
		if (!split.every((parts) => parts[i] === segment && parts.length > i + 1)) break;
		out.push(segment);
	}
	return out.length ? `/${out.join('/')}` : '';
}

/** Matches the spec's operations to the node's (targets in the node's order). */
export function matchRoutes(targets: RouteTarget[], specOps: SpecOperation[]): MatchReport {
	const report: MatchReport = { routes: {}, matched: [], unmatched: [], suggestions: [], unmatchedSpec: [], review: [], prefix: '' };
	const titlesOf = (t: RouteTarget) => new Set(t.titles.map(norm).filter(Boolean));
	// how many of the node's operations carry each title: an untagged spec operation is taken only for a unique one
	const owners = new Map<string, number>();
	for (const t of targets) for (const title of titlesOf(t)) owners.set(title, (owners.get(title) ?? 0) + 1);
	const used = new Set<number>();
	const sectionOf = (s: SpecOperation, t: RouteTarget) => s.tags.some((tag) => stem(tag) === stem(t.section));
	const eligible = (s: SpecOperation, t: RouteTarget) => sectionOf(s, t) || !s.tags.length;
	for (const target of targets) {
		const titles = titlesOf(target);
		const prefixes = (target.prefixes ?? []).map(norm);
		const named = (s: SpecOperation) =>
			[s.title, s.operationId].some((title) => titles.has(norm(title)) || prefixes.some((p) => p && norm(title).startsWith(p)));
		const candidates = specOps.map((s, i) => ({ s, i })).filter(({ s, i }) => !used.has(i) && named(s));
		const chosen =
			candidates.find(({ s }) => sectionOf(s, target)) ??
			candidates.find(({ s }) => !s.tags.length && [...titles].every((t) => owners.get(t) === 1));
		if (!chosen) {
			report.unmatched.push(target.id);
			continue;
		}
		const { path, doubt, missing } = adapt(chosen.s, target);
		used.add(chosen.i);
		if (!path) {
			report.unmatched.push(target.id);
			report.review.push(`${target.id}: not applied: ${missing}`);
			continue;
		}
		report.matched.push(target.id);
		report.routes[target.id] = { method: chosen.s.method, path };
		if (doubt) report.review.push(`${target.id}: ${doubt}`);
	}
	// near-misses: a spec operation of the same section one word away from an unmatched title
	for (const id of report.unmatched) {
		const target = targets.find((t) => t.id === id) as RouteTarget;
		const near = specOps.filter(
			(s, i) => !used.has(i) && eligible(s, target) && target.titles.some((title) => oneWordApart(words(title), words(s.title || s.operationId))),
		);
		for (const s of near) report.suggestions.push(`${id}: ${s.method} ${s.path} "${s.title || s.operationId}"`);
	}
	report.unmatchedSpec = specOps.filter((_s, i) => !used.has(i)).map((s) => `${s.method} ${s.path} "${s.title || s.operationId}"`);
	report.prefix = commonPrefix(specOps, new Set(targets.map((t) => stem(t.section))));
	return report;
}

/** The catalog cuts its slugs near 60 characters: a slug this long is the start of a title. */
const CATALOG_SLUG_LENGTH = 55;

/** What the matcher needs of one of the node's operations (an OperationSpec). */
export interface OperationLike {
	ref: string;
	name: string;
	routeFrom?: unknown;
	fields?: Array<{ name: string; key?: string; in: string }>;
}

/**
 * The node's operations as match targets: section and title from the catalog id
 * (`aom.<section>.<slug>`, a repeat's `-2` dropped) and the operation's name; its fields by wire name.
 */
export function routeTargets(resources: Array<{ operations: OperationLike[] }>): RouteTarget[] {
	return resources
		.flatMap((r) => r.operations)
		.filter((op) => !op.routeFrom && op.ref.startsWith('aom.'))
		.map((op) => {
			const [, section = '', full = ''] = op.ref.split('.');
			const slug = full.replace(/-\d+$/, '');
			return {
				id: op.ref,
				section,
				titles: [op.name, slug],
				...(slug.length >= CATALOG_SLUG_LENGTH ? { prefixes: [slug] } : {}),
				params: (op.fields ?? []).map((f) => ({ name: f.key ?? f.name, in: f.in })),
			};
		});
}
