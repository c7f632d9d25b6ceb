import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { LookupSpec } from '../shared/lookups';
import { listLookup, lookupOptions, siblingParameter } from '../shared/lookups';
import { vendorRequest } from '../shared/request';
import type { VendorSpec } from '../shared/types';

import { PROVI_API } from './api';
import { areaResource } from './resources/area';
import { campaignResource } from './resources/campaign';
import { campusResource } from './resources/campus';
import { courseClassResource } from './resources/courseClass';
import { courseResource } from './resources/course';
import { exclusiveSaleResource } from './resources/exclusiveSale';
import { financialMovementResource } from './resources/financialMovement';
import { receiptResource } from './resources/receipt';
import { saleResource } from './resources/sale';
import { webhookPreferenceResource } from './resources/webhookPreference';
import { webhookResource } from './resources/webhook';

export const PROVI: VendorSpec = {
	api: PROVI_API,
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

const nameAndId = (r: IDataObject) => `${String(r.name)} (${String(r.id)})`;
/** The course chosen in `courseId` (the sibling one inside a Courses row first). */
const chosenCourse = (ctx: ILoadOptionsFunctions) => siblingParameter(ctx, '&courseId') || siblingParameter(ctx, 'courseId');

const LOOKUPS = {
	courses: listLookup(courseResource, 'getAll', { label: nameAndId }),
	campaigns: listLookup(campaignResource, 'getAll', {
		label: (r: IDataObject) => (r.customIdentifier ? `${String(r.name)} (${String(r.customIdentifier)})` : String(r.name)),
	}),
	macroAreas: listLookup(areaResource, 'getMacroAreas'),
	campus: listLookup(campusResource, 'getAll'),
	/** Classes of the chosen course. */
	courseClasses: listLookup(courseClassResource, 'getAll', {
		url: (ctx: ILoadOptionsFunctions) => (chosenCourse(ctx) ? '/course-classes' : undefined),
		qs: (ctx: ILoadOptionsFunctions) => ({ CourseId: chosenCourse(ctx) }),
		label: nameAndId,
	}),
	/** Micro areas of the macro area chosen in `macroAreaId`. */
	microAreas: listLookup(areaResource, 'getMicroAreas'),
	webhookPreferences: listLookup(webhookPreferenceResource, 'getAll', { label: (r: IDataObject) => `${String(r.url)} (${String(r.id)})` }),
} satisfies Record<string, LookupSpec>;

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/**
 * A dropdown filled from one list of an "available filters" endpoint
 * (`{content: {status: ['a'], courses: [{id, name}], ...}}`).
 */
function availableFilter(url: string, key: string) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const body = await vendorRequest(this, PROVI_API, { url });
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
	getCourses: lookupOptions(PROVI_API, LOOKUPS.courses),
	getCourseClasses: lookupOptions(PROVI_API, LOOKUPS.courseClasses),
	getCampaigns: lookupOptions(PROVI_API, LOOKUPS.campaigns),
	getMacroAreas: lookupOptions(PROVI_API, LOOKUPS.macroAreas),
	getMicroAreas: lookupOptions(PROVI_API, LOOKUPS.microAreas),
	getCampus: lookupOptions(PROVI_API, LOOKUPS.campus),
	getWebhookPreferences: lookupOptions(PROVI_API, LOOKUPS.webhookPreferences),
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
