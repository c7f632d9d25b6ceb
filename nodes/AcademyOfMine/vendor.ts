import type { IDataObject } from 'n8n-workflow';

import type { LookupSpec } from '../shared/lookups';
import { lookupOptions, lookupSearch } from '../shared/lookups';
import type { VendorSpec } from '../shared/types';

import { AOM_API } from './api';
import { customRequestResource } from './resources/customRequest';
import { AOM_RESOURCES } from './resources';
import { ROUTES } from './routes';

export const ACADEMY_OF_MINE: VendorSpec = {
	api: AOM_API,
	resources: [...AOM_RESOURCES, customRequestResource],
	// the node opens on its most used operation: User -> Get Many
	defaultResource: 'user',
	// the reference lost every method and path: most routes are inferred
	routeOverride: true,
};

/** The path of a lookup or list operation, from the route table (so a spec import moves it too). */
const pathOf = (ref: string) => ROUTES[ref].path;

/** Lookups answer `[{id, name}]`, `[{value, label}]` or `[{db_value, display_value}]`. */
const label = (r: IDataObject) =>
	String(r.name ?? r.label ?? r.display_value ?? r.title ?? r.code ?? r.heading ?? r.email ?? r.id ?? r.value ?? '');
const value = (r: IDataObject) => (r.id ?? r.value ?? r.db_value) as string | number;

const lookup = (ref: string, extra: Partial<LookupSpec> = {}): LookupSpec => ({ url: pathOf(ref), records: '', label, value, ...extra });

/** `portalId=-1`: "skip portal filtering" (the reference's own value for all portals). */
const ALL_PORTALS = { portalId: -1 };

const tabular = (ref: string, recordLabel: (r: IDataObject) => string): LookupSpec => ({
	url: pathOf(ref),
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
	pages: lookup('aom.portals.page-dropdown-list', { qs: ALL_PORTALS }),
	quizzes: lookup('aom.quiz-modules.quiz-lookup', { qs: { search_term: '' } }),
	questions: lookup('aom.questions.lookup-for-questions', { qs: { search_term: '' } }),
	users: tabular('aom.users.tabular-list', fullName),
	orders: tabular('aom.ecommerce-orders.tabular-list', (r) => `#${String(r.id)} ${String(r.customer ?? '')} ${String(r.total ?? '')}`.trim()),
} satisfies Record<string, LookupSpec>;

export const aomMethods = {
	loadOptions: {
		getPortals: lookupOptions(AOM_API, LOOKUPS.portals),
		getMemberships: lookupOptions(AOM_API, LOOKUPS.memberships),
		getLearningPaths: lookupOptions(AOM_API, LOOKUPS.learningPaths),
		getCoupons: lookupOptions(AOM_API, LOOKUPS.coupons),
		getWebhookEvents: lookupOptions(AOM_API, LOOKUPS.webhookEvents),
		getModules: lookupOptions(AOM_API, LOOKUPS.modules),
		getAccredibleGroups: lookupOptions(AOM_API, LOOKUPS.accredibleGroups),
		getUserCategories: lookupOptions(AOM_API, LOOKUPS.userCategories),
		getQuestionCategories: lookupOptions(AOM_API, LOOKUPS.questionCategories),
		getLearningPathCategories: lookupOptions(AOM_API, LOOKUPS.learningPathCategories),
		getTimezones: lookupOptions(AOM_API, LOOKUPS.timezones),
		getOrderStatuses: lookupOptions(AOM_API, LOOKUPS.orderStatuses),
		getRefundTypes: lookupOptions(AOM_API, LOOKUPS.refundTypes),
		getRefundOptions: lookupOptions(AOM_API, LOOKUPS.refundOptions),
		getOrderNoteTypes: lookupOptions(AOM_API, LOOKUPS.orderNoteTypes),
		getProductTypes: lookupOptions(AOM_API, LOOKUPS.productTypes),
		getProductStatuses: lookupOptions(AOM_API, LOOKUPS.productStatuses),
		getPriceFrequencies: lookupOptions(AOM_API, LOOKUPS.priceFrequencies),
		getFreeTrialIntervals: lookupOptions(AOM_API, LOOKUPS.freeTrialIntervals),
		getCourseStatuses: lookupOptions(AOM_API, LOOKUPS.courseStatuses),
		getDurationRules: lookupOptions(AOM_API, LOOKUPS.durationRules),
		getSubscriptionStatuses: lookupOptions(AOM_API, LOOKUPS.subscriptionStatuses),
		getSubscriptionActions: lookupOptions(AOM_API, LOOKUPS.subscriptionActions),
		getHubspotEvents: lookupOptions(AOM_API, LOOKUPS.hubspotEvents),
		getSalesforceEvents: lookupOptions(AOM_API, LOOKUPS.salesforceEvents),
		getLayouts: lookupOptions(AOM_API, LOOKUPS.layouts),
		getPageRestrictions: lookupOptions(AOM_API, LOOKUPS.pageRestrictions),
		getModuleTypes: lookupOptions(AOM_API, LOOKUPS.moduleTypes),
		getPages: lookupOptions(AOM_API, LOOKUPS.pages),
		getQuizzes: lookupOptions(AOM_API, LOOKUPS.quizzes),
		getQuestions: lookupOptions(AOM_API, LOOKUPS.questions),
	},
	listSearch: {
		searchCourses: lookupSearch(AOM_API, LOOKUPS.courses),
		searchProducts: lookupSearch(AOM_API, LOOKUPS.products),
		searchUsers: lookupSearch(AOM_API, LOOKUPS.users),
		searchOrders: lookupSearch(AOM_API, LOOKUPS.orders),
	},
};
