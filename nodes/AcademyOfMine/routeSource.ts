import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { baseUrlOf } from '../shared/api';
import type { RequestContext } from '../shared/transport';
import type { HttpMethod } from '../shared/types';

import type { MatchReport } from './apiDescription';
import { ApiDescriptionError, MAX_DESCRIPTION_BYTES, matchRoutes, readApiDescription, routeTargets, specOperations } from './apiDescription';
import { AOM_API } from './api';
import { AOM_RESOURCES } from './generated/resources';
import { ROUTES } from './generated/routes';

/**
 * Where every route the package calls for Academy of Mine comes from, for the action node, the
 * trigger, the dropdowns and the credential test alike: the school's API description named in the
 * credential (matched at run time), else the route table (inferred, or imported by `npm run aom:routes`).
 */
export interface AomRoute {
	method: HttpMethod;
	path: string;
	/** `description`: confirmed by the credential's API description; `inferred`: a guess of the generator. */
	source: 'description' | 'table' | 'inferred';
}

export interface AomRoutes {
	route(ref: string): AomRoute;
	/** Operations whose route the API description confirmed. */
	confirmed: number;
	total: number;
	/** Whether the credential names an API description. */
	described: boolean;
}

/** A GET of a text: status, headers, bytes. */
export type TextFetch = (
	url: string,
	headers: Record<string, string>,
	withCredential: boolean,
) => Promise<{ statusCode: number; headers: IDataObject; body: Buffer }>;

const TOTAL = Object.keys(ROUTES).length;

const fromTable = (ref: string): AomRoute => {
	const known = ROUTES[ref];
	if (!known) throw new Error(`No route for ${ref}`);
	return { method: known.method, path: known.path, source: known.inferred ? 'inferred' : 'table' };
};

/** Without an API description: the route table as it is. */
export const TABLE_ROUTES: AomRoutes = { route: fromTable, confirmed: 0, total: TOTAL, described: false };

/** Matches of a description, per process: by URL (and its ETag) or by the pasted text. */
const cache = new Map<string, { etag?: string; text: string; routes: AomRoutes }>();

function routesOf(report: MatchReport): AomRoutes {
	const prefix = report.prefix;
	return {
		route(ref) {
			const found = report.routes[ref];
			if (found) return { method: found.method.toUpperCase() as HttpMethod, path: found.path, source: 'description' };
			const table = fromTable(ref);
			// an unconfirmed route hangs from the same root as the described ones
			return prefix && table.source === 'inferred' && !table.path.startsWith(`${prefix}/`) ? { ...table, path: `${prefix}${table.path}` } : table;
		},
		confirmed: report.matched.length,
		total: TOTAL,
		described: true,
	};
}

function match(text: string): AomRoutes {
	const doc = readApiDescription(text);
	return routesOf(matchRoutes(routeTargets(AOM_RESOURCES), specOperations(doc)));
}

/** The credential's API description: a URL, or the document pasted in. */
export const descriptionOf = (credentials: ICredentialDataDecryptedObject) => String(credentials.apiDescription ?? '').trim();

const isUrl = (text: string) => /^https?:\/\/\S+$/i.test(text);

/**
 * The routes for these credentials. A description URL on the credential's own host is read with
 * the credential; any other host gets no credential. Read once per process while its ETag holds.
 */
export async function loadRoutes(credentials: ICredentialDataDecryptedObject, fetch: TextFetch): Promise<AomRoutes> {
	const description = descriptionOf(credentials);
	if (!description) return TABLE_ROUTES;
	if (!isUrl(description)) {
		const known = cache.get(description);
		if (known) return known.routes;
		const routes = match(description);
		cache.set(description, { text: description, routes });
		return routes;
	}
	const base = baseUrlOf(AOM_API.baseUrl, credentials);
	const origin = (url: string) => URL.canParse(url) && new URL(url).origin;
	if (!origin(description)) throw new ApiDescriptionError(`The API description URL "${description}" is not a valid URL`);
	const sameHost = origin(description) === origin(base);
	const known = cache.get(description);
	const headers: Record<string, string> = { Accept: 'application/json, text/html;q=0.9, */*;q=0.5' };
	if (known?.etag) headers['If-None-Match'] = known.etag;
	const response = await fetch(description, headers, sameHost);
	if (response.statusCode === 304 && known) return known.routes;
	if (response.statusCode >= 300) {
		throw new ApiDescriptionError(`The API description at ${description} could not be read (HTTP ${response.statusCode})`);
	}
	if (response.body.length > MAX_DESCRIPTION_BYTES) {
		throw new ApiDescriptionError(`The API description at ${description} is larger than ${MAX_DESCRIPTION_BYTES / 1024 / 1024} MB`);
	}
	const text = response.body.toString('utf8');
	if (known && known.text === text) return known.routes;
	const routes = match(text);
	const etag = response.headers.etag ?? response.headers.ETag;
	cache.set(description, { etag: typeof etag === 'string' ? etag : undefined, text, routes });
	return routes;
}

/** GETs through n8n's helpers: with the credential (no redirects followed) only on its own host. */
export function contextFetch(ctx: RequestContext): TextFetch {
	return async (url, headers, withCredential) => {
		const options: IHttpRequestOptions = {
			url,
			method: 'GET',
			headers,
			encoding: 'arraybuffer',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: withCredential,
		};
		const raw = (withCredential
			? await ctx.helpers.httpRequestWithAuthentication.call(ctx, AOM_API.credential, options)
			: await ctx.helpers.httpRequest(options)) as { statusCode: number; headers: IDataObject; body: unknown };
		return { statusCode: raw.statusCode, headers: raw.headers ?? {}, body: Buffer.from(raw.body as ArrayBuffer) };
	};
}

/** The routes for the node's credentials, in a node, trigger or dropdown. */
export async function aomRoutes(ctx: RequestContext): Promise<AomRoutes> {
	const credentials = await ctx.getCredentials(AOM_API.credential);
	return await loadRoutes(credentials, contextFetch(ctx));
}

/** Said with a 404 or 405 on a route the generator inferred: what the user can do about it. */
export function inferredRouteHint(route: { method: string; path: string }): string {
	return (
		`${route.method} ${route.path} was inferred: Academy of Mine's reference does not give its routes. ` +
		"Name your academy's API description (its OpenAPI document or Redoc page) in the credential, " +
		'or set Route Override on this node, or call the route with the Custom Request resource.'
	);
}
