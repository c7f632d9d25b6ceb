import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { routeOverrideOperation } from '../shared/description';
import type { LookupSpec } from '../shared/lookups';
import { lookupOptions, lookupSearch } from '../shared/lookups';
import type { RequestContext } from '../shared/transport';
import type { VendorSpec } from '../shared/types';

import { AOM_API } from './api';
import { customRequestResource } from './resources/customRequest';
import { AOM_RESOURCES } from './resources';
import type { AomRoutes } from './routeSource';
import { aomRoutes, inferredRouteHint } from './routeSource';
import { ROUTES } from './routes';

/** The routes for a node's credential; a description that cannot be used is the node's error, naming it. */
export async function routesFor(ctx: RequestContext): Promise<AomRoutes> {
	try {
		return await aomRoutes(ctx);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `The API description in the Academy of Mine credential cannot be used: ${(error as Error).message}`, {
			description: 'Fix or clear the "API Description" field of the credential (a URL or the document itself).',
		});
	}
}

export const ACADEMY_OF_MINE: VendorSpec = {
	api: AOM_API,
	resources: [...AOM_RESOURCES, customRequestResource],
	// the reference lost every method and path: most routes are inferred
	routeOverride: true,
	// the school's API description (credential), then Route Override, then the route table
	routes: async (ctx) => {
		const routes = await routesFor(ctx);
		return (ref) => {
			if (!ROUTES[ref]) return undefined;
			const route = routes.route(ref);
			return { method: route.method, path: route.path, notFoundHint: route.source === 'inferred' ? inferredRouteHint(route) : undefined };
		};
	},
};

/** Lookups answer `[{id, name}]`, `[{value, label}]` or `[{db_value, display_value}]`. */
const label = (r: IDataObject) =>
	String(r.name ?? r.label ?? r.display_value ?? r.title ?? r.code ?? r.heading ?? r.email ?? r.id ?? r.value ?? '');
const value = (r: IDataObject) => (r.id ?? r.value ?? r.db_value) as string | number;

/** A lookup of operation `ref`, whose method and path come from the credential's routes when the dropdown opens. */
interface AomLookup extends Omit<LookupSpec, 'url'> {
	ref: string;
}

const lookup = (ref: string, extra: Partial<LookupSpec> = {}): AomLookup => ({ ref, records: '', label, value, ...extra });

/** `portalId=-1`: "skip portal filtering" (the reference's own value for all portals). */
const ALL_PORTALS = { portalId: -1 };

const tabular = (ref: string, recordLabel: (r: IDataObject) => string): AomLookup => ({
	ref,
	records: 'records',
	pagination: { style: 'aom' },
	label: recordLabel,
	value,
});

const fullName = (r: IDataObject) => {
	const name = [r.first_name, r.last_name].filter(Boolean).join(' ');
	return [name, r.email].filter(Boolean).join(' - ') || String(r.id);
};

const LOOKUPS = {
	portals: lookup('aom.portals.lookup-portals', { qs: ALL_PORTALS }),
	memberships: lookup('aom.memberships.lookup-memberships', { qs: { ...ALL_PORTALS, search_term: '' } }),
	learningPaths: lookup('aom.learning-paths.learning-path-dropdown-list', { qs: ALL_PORTALS }),
	coupons: lookup('aom.coupons.coupon-lookup', { qs: { search_term: '' } }),
	webhookEvents: lookup('aom.webhooks.webhook-event-lookup'),
	modules: lookup('aom.modules.modules-lookup', { qs: { search_term: '' } }),
	accredibleGroups: lookup('aom.accredible.accredible-groups-lookup', { records: 'data' }),
	userCategories: lookup('aom.categories.user-category-lookup'),
	timezones: lookup('aom.general-settings.get-a-list-of-custom-timezones'),
	courses: lookup('aom.courses.course-lookup', { qs: { ...ALL_PORTALS, search_term: '' }, searchParam: 'search_term' }),
	products: lookup('aom.products.product-lookup', { qs: { search_term: '' }, searchParam: 'search_term' }),
	users: tabular('aom.users.tabular-list', fullName),
	orders: tabular('aom.ecommerce-orders.tabular-list', (r) => `#${String(r.id)} ${String(r.customer ?? '')} ${String(r.total ?? '')}`.trim()),
} satisfies Record<string, AomLookup>;

/** The LookupSpec of a lookup, with the route the credential's routes give it. */
async function specOf(ctx: ILoadOptionsFunctions, { ref, ...spec }: AomLookup): Promise<LookupSpec> {
	const route = (await routesFor(ctx)).route(ref);
	return { ...spec, method: route.method, url: route.path };
}

const options = (spec: AomLookup) =>
	async function (this: ILoadOptionsFunctions) {
		return await lookupOptions(AOM_API, await specOf(this, spec)).call(this);
	};

const search = (spec: AomLookup) =>
	async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await lookupSearch(AOM_API, await specOf(this, spec)).call(this, filter, paginationToken);
	};

export const aomMethods = {
	loadOptions: {
		getPortals: options(LOOKUPS.portals),
		getMemberships: options(LOOKUPS.memberships),
		getLearningPaths: options(LOOKUPS.learningPaths),
		getCoupons: options(LOOKUPS.coupons),
		getWebhookEvents: options(LOOKUPS.webhookEvents),
		getModules: options(LOOKUPS.modules),
		getAccredibleGroups: options(LOOKUPS.accredibleGroups),
		getUserCategories: options(LOOKUPS.userCategories),
		getTimezones: options(LOOKUPS.timezones),
		routeOverrideOperation: routeOverrideOperation(ACADEMY_OF_MINE),
	},
	listSearch: {
		searchCourses: search(LOOKUPS.courses),
		searchProducts: search(LOOKUPS.products),
		searchUsers: search(LOOKUPS.users),
		searchOrders: search(LOOKUPS.orders),
	},
};
