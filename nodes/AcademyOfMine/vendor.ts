import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { routeOverrideOperation } from '../shared/description';
import type { LookupSpec } from '../shared/lookups';
import { lookupOptions, lookupSearch } from '../shared/lookups';
import type { RequestContext } from '../shared/transport';
import type { VendorSpec } from '../shared/types';

import { AOM_API } from './api';
import { customRequestResource } from './resources/customRequest';
import { AOM_RESOURCES } from './generated/resources';
import type { AomRoutes } from './routeSource';
import { aomRoutes, inferredRouteHint } from './routeSource';
import { ROUTES } from './generated/routes';

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
	// the node opens on its most used operation: User -> Get Many
	defaultResource: 'user',
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
	questionCategories: lookup('aom.categories.question-category-lookup'),
	learningPathCategories: lookup('aom.categories.learning-path-category-lookup'),
	timezones: lookup('aom.general-settings.get-a-list-of-custom-timezones'),
	courses: lookup('aom.courses.course-lookup', { qs: { ...ALL_PORTALS, search_term: '' }, searchParam: 'search_term' }),
	products: lookup('aom.products.product-lookup', { qs: { search_term: '' }, searchParam: 'search_term' }),
	// value sets the reference documents by a lookup (order statuses, product types...): the fields they fill
	orderStatuses: lookup('aom.ecommerce-orders.order-status-lookup'),
	refundTypes: lookup('aom.ecommerce-orders.refund-types-lookup'),
	refundOptions: lookup('aom.ecommerce-orders.refund-options-lookup'),
	orderNoteTypes: lookup('aom.ecommerce-orders.order-note-type-lookup'),
	productTypes: lookup('aom.products.product-type-lookup'),
	productStatuses: lookup('aom.products.product-status-lookup'),
	priceFrequencies: lookup('aom.products.subscription-price-frequency-lookup-for-products'),
	freeTrialIntervals: lookup('aom.products.product-free-trial-interval-lookup-for-products'),
	courseStatuses: lookup('aom.courses.course-status-lookup'),
	durationRules: lookup('aom.courses.duration-rules-lookup'),
	subscriptionStatuses: lookup('aom.subscriptions.subscription-status-lookup'),
	subscriptionActions: lookup('aom.subscriptions.subscription-action-lookup'),
	hubspotEvents: lookup('aom.hubspot.hubspot-event-lookup'),
	salesforceEvents: lookup('aom.salesforce.salesforce-event-lookup', { records: 'events' }),
	layouts: lookup('aom.pages.layout-lookup'),
	pageRestrictions: lookup('aom.pages.page-restriction-lookup'),
	moduleTypes: lookup('aom.modules.module-types-lookup'),
	locations: lookup('aom.locations.location-lookup', { qs: { search_term: '' } }),
	pages: lookup('aom.portals.page-dropdown-list', { qs: ALL_PORTALS }),
	quizzes: lookup('aom.quiz-modules.quiz-lookup', { qs: { search_term: '' } }),
	questions: lookup('aom.questions.lookup-for-questions', { qs: { search_term: '' } }),
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
		getQuestionCategories: options(LOOKUPS.questionCategories),
		getLearningPathCategories: options(LOOKUPS.learningPathCategories),
		getTimezones: options(LOOKUPS.timezones),
		getOrderStatuses: options(LOOKUPS.orderStatuses),
		getRefundTypes: options(LOOKUPS.refundTypes),
		getRefundOptions: options(LOOKUPS.refundOptions),
		getOrderNoteTypes: options(LOOKUPS.orderNoteTypes),
		getProductTypes: options(LOOKUPS.productTypes),
		getProductStatuses: options(LOOKUPS.productStatuses),
		getPriceFrequencies: options(LOOKUPS.priceFrequencies),
		getFreeTrialIntervals: options(LOOKUPS.freeTrialIntervals),
		getCourseStatuses: options(LOOKUPS.courseStatuses),
		getDurationRules: options(LOOKUPS.durationRules),
		getSubscriptionStatuses: options(LOOKUPS.subscriptionStatuses),
		getSubscriptionActions: options(LOOKUPS.subscriptionActions),
		getHubspotEvents: options(LOOKUPS.hubspotEvents),
		getSalesforceEvents: options(LOOKUPS.salesforceEvents),
		getLayouts: options(LOOKUPS.layouts),
		getPageRestrictions: options(LOOKUPS.pageRestrictions),
		getModuleTypes: options(LOOKUPS.moduleTypes),
		getLocations: options(LOOKUPS.locations),
		getPages: options(LOOKUPS.pages),
		getQuizzes: options(LOOKUPS.quizzes),
		getQuestions: options(LOOKUPS.questions),
		routeOverrideOperation: routeOverrideOperation(ACADEMY_OF_MINE),
	},
	listSearch: {
		searchCourses: search(LOOKUPS.courses),
		searchProducts: search(LOOKUPS.products),
		searchUsers: search(LOOKUPS.users),
		searchOrders: search(LOOKUPS.orders),
	},
};
