import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	ILoadOptionsFunctions,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { LookupSpec, VendorHttp } from '../shared/lookups';
import { lookupOptions, vendorRequest } from '../shared/lookups';
import type { VendorSpec } from '../shared/types';

import { areaResource, campusResource } from './resources/area';
import { campaignResource } from './resources/campaign';
import { courseClassResource, courseResource } from './resources/course';
import { financialMovementResource, receiptResource } from './resources/receipt';
import { exclusiveSaleResource, saleResource } from './resources/sale';
import { webhookPreferenceResource, webhookResource } from './resources/webhook';

export const PROVI: VendorSpec = {
	displayName: 'Provi',
	// status, cridOrigin, courseId, ... may be repeated: `status=a&status=b`
	arrayFormat: 'repeat',
	resources: [
		areaResource,
		campaignResource,
		campusResource,
		courseResource,
		courseClassResource,
		exclusiveSaleResource,
		financialMovementResource,
		receiptResource,
		saleResource,
		webhookResource,
		webhookPreferenceResource,
	],
};

export const PROVI_HOSTS: Record<string, string> = {
	production: 'https://ms-checkout.provi.com.br',
	staging: 'https://ms-checkout-staging.provi.com.br',
};

/** `https://ms-checkout.provi.com.br/v4` (environment or custom URL, plus the API version). */
export const proviBaseUrl = (credentials: ICredentialDataDecryptedObject) => {
	const environment = String(credentials.environment || 'production');
	const host =
		environment === 'custom'
			? String(credentials.baseUrl || '').replace(/\/+$/, '')
			: (PROVI_HOSTS[environment] ?? PROVI_HOSTS.production);
	const version = String(credentials.apiVersion || 'v4').replace(/^\/+|\/+$/g, '');
	return version ? `${host}/${version}` : host;
};

export const PROVI_HTTP: VendorHttp = {
	displayName: 'Provi',
	credential: 'proviApi',
	baseUrl: proviBaseUrl,
	arrayFormat: 'repeat',
};

const proviPaging = (size: string): LookupSpec['paging'] => ({
	page: 'page',
	size,
	pageSize: 100,
	hasMore: (body, page) => {
		const paging = ((body as IDataObject)?.paging ?? null) as IDataObject | null;
		if (!paging) return false;
		if (paging.totalPages !== undefined && paging.totalPages !== null) return page < Number(paging.totalPages);
		return paging.nextPage !== null && paging.nextPage !== undefined;
	},
});

const LOOKUPS = {
	courses: {
		url: '/courses',
		records: 'content',
		paging: proviPaging('itemsPerPage'),
		label: (r: IDataObject) => `${String(r.name)} (${String(r.id)})`,
	},
	campaigns: {
		url: '/campaigns',
		records: 'content',
		paging: proviPaging('limit'),
		label: (r: IDataObject) => (r.customIdentifier ? `${String(r.name)} (${String(r.customIdentifier)})` : String(r.name)),
	},
	macroAreas: { url: '/areas/macro', records: 'content' },
	campus: { url: '/campus', records: 'rows' },
	webhookPreferences: {
		url: '/webhook/preferences',
		records: 'content',
		label: (r: IDataObject) => `${String(r.url)} (${String(r.id)})`,
	},
} satisfies Record<string, LookupSpec>;

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Reads a sibling parameter (a resource locator gives its value); empty when it is not set. */
function currentParameter(ctx: ILoadOptionsFunctions, name: string): string {
	let value: unknown;
	try {
		value = ctx.getCurrentNodeParameter(name);
	} catch {
		return '';
	}
	if (value && typeof value === 'object' && 'value' in (value as IDataObject)) value = (value as IDataObject).value;
	if (value === undefined || value === null || typeof value === 'object') return '';
	const text = String(value).trim();
	// an unresolved expression cannot be used to list anything
	return text.startsWith('=') ? '' : text;
}

/** Course classes of the course chosen in `courseId` (the sibling one inside a Courses row first). */
async function getCourseClasses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const courseId = currentParameter(this, '&courseId') || currentParameter(this, 'courseId');
	if (!courseId) return [];
	const body = await vendorRequest(this, PROVI_HTTP, {
		url: '/course-classes',
		qs: { CourseId: courseId, page: 1, itemsPerPage: 100 },
	});
	const records = (((body as IDataObject)?.content ?? []) as IDataObject[]).filter((r) => r && r.id !== undefined);
	return records.map((r) => ({ name: `${String(r.name)} (${String(r.id)})`, value: r.id as number })).sort(byName);
}

/** Micro areas of the macro area chosen in `macroAreaId`. */
async function getMicroAreas(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const macroAreaId = currentParameter(this, 'macroAreaId');
	if (!macroAreaId) return [];
	const body = await vendorRequest(this, PROVI_HTTP, {
		url: `/areas/micro-area-group/${encodeURIComponent(macroAreaId)}`,
	});
	const records = ((body as IDataObject)?.content ?? []) as IDataObject[];
	return records.map((r) => ({ name: String(r.name), value: r.id as number })).sort(byName);
}

/**
 * A dropdown filled from one list of an "available filters" endpoint
 * (`{content: {status: ['a'], courses: [{id, name}], ...}}`).
 */
function availableFilter(url: string, key: string) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const body = await vendorRequest(this, PROVI_HTTP, { url });
		const values = (((body as IDataObject)?.content as IDataObject | undefined)?.[key] ?? []) as unknown[];
		const options: INodePropertyOptions[] = [];
		for (const value of Array.isArray(values) ? values : []) {
			if (value && typeof value === 'object') {
				const r = value as IDataObject;
				if (r.id === undefined || r.id === null) continue;
				options.push({ name: `${String(r.name ?? r.id)} (${String(r.id)})`, value: r.id as number });
			} else if (value !== null && value !== undefined && value !== '') {
				options.push({ name: String(value), value: value as string | number });
			}
		}
		return options.sort(byName);
	};
}

const SALES_FILTERS = '/sales/available-filters';
const RECEIPT_FILTERS = '/receipts/available-filters';
const FINANCIAL_FILTERS = '/financial/maas/available-filters';

export const proviLoadOptions = {
	getCourses: lookupOptions(PROVI_HTTP, LOOKUPS.courses),
	getCourseClasses,
	getCampaigns: lookupOptions(PROVI_HTTP, LOOKUPS.campaigns),
	getMacroAreas: lookupOptions(PROVI_HTTP, LOOKUPS.macroAreas),
	getMicroAreas,
	getCampus: lookupOptions(PROVI_HTTP, LOOKUPS.campus),
	getWebhookPreferences: lookupOptions(PROVI_HTTP, LOOKUPS.webhookPreferences),
	getSaleStatuses: availableFilter(SALES_FILTERS, 'status'),
	getSaleOrigins: availableFilter(SALES_FILTERS, 'origin'),
	getSaleCourses: availableFilter(SALES_FILTERS, 'courses'),
	getSaleProductTypes: availableFilter(SALES_FILTERS, 'productType'),
	getSaleCreators: availableFilter(SALES_FILTERS, 'creator'),
	getSaleCampaigns: availableFilter(SALES_FILTERS, 'campaign'),
	getReceiptStatuses: availableFilter(RECEIPT_FILTERS, 'status'),
	getReceiptCourses: availableFilter(RECEIPT_FILTERS, 'courses'),
	getReceiptProductTypes: availableFilter(RECEIPT_FILTERS, 'productType'),
	getReceiptDelayedDays: availableFilter(RECEIPT_FILTERS, 'delayedDays'),
	getReceiptDelayedInstallments: availableFilter(RECEIPT_FILTERS, 'delayedInstallments'),
	getFinancialCourses: availableFilter(FINANCIAL_FILTERS, 'courses'),
	getFinancialPaymentMethods: availableFilter(FINANCIAL_FILTERS, 'paymentMethod'),
};

export const proviMethods = { loadOptions: proviLoadOptions };
