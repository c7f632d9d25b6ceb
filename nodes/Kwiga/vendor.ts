import type { IDataObject } from 'n8n-workflow';

import type { LookupSpec } from '../shared/lookups';
import { listLookup, lookupOptions, lookupSearch } from '../shared/lookups';
import type { VendorSpec } from '../shared/types';

import { KWIGA_API } from './api';
import { certificateResource } from './resources/certificate';
import { contactListResource } from './resources/contactList';
import { contactProductResource } from './resources/contactProduct';
import { contactResource } from './resources/contact';
import { contactRewardResource } from './resources/contactReward';
import { contactTagResource } from './resources/contactTag';
import { couponResource } from './resources/coupon';
import { courseResource } from './resources/course';
import { courseUserResource } from './resources/courseUser';
import { offerResource } from './resources/offer';
import { productResource } from './resources/product';
import { quizAttemptResource } from './resources/quizAttempt';
import { timezoneResource } from './resources/timezone';

export const KWIGA: VendorSpec = {
	api: KWIGA_API,
	resources: [
		certificateResource,
		contactResource,
		contactListResource,
		contactProductResource,
		contactRewardResource,
		contactTagResource,
		couponResource,
		courseResource,
		courseUserResource,
		offerResource,
		productResource,
		quizAttemptResource,
		timezoneResource,
	],
};

const LOOKUPS = {
	products: listLookup(productResource, 'getAll'),
	courses: listLookup(courseResource, 'getAll'),
	offers: listLookup(offerResource, 'getAll', {
		label: (r: IDataObject) => `${String(r.title ?? r.unique_offer_code ?? r.id)} (${String(r.id)})`,
	}),
	contactLists: listLookup(contactListResource, 'getAll'),
	timezones: listLookup(timezoneResource, 'getAll', { label: (r: IDataObject) => String(r.name_full ?? r.name) }),
	coupons: listLookup(couponResource, 'getAll', { label: (r: IDataObject) => String(r.code ?? r.id) }),
	contacts: listLookup(contactResource, 'getAll', {
		searchParam: 'filters[search]',
		label: (r: IDataObject) =>
			[[r.first_name, r.last_name].filter(Boolean).join(' '), r.email].filter(Boolean).join(' - ') ||
			String(r.id),
	}),
} satisfies Record<string, LookupSpec>;

export const kwigaMethods = {
	loadOptions: {
		getProducts: lookupOptions(KWIGA_API, LOOKUPS.products),
		getCourses: lookupOptions(KWIGA_API, LOOKUPS.courses),
		getOffers: lookupOptions(KWIGA_API, LOOKUPS.offers),
		getContactLists: lookupOptions(KWIGA_API, LOOKUPS.contactLists),
		getTimezones: lookupOptions(KWIGA_API, LOOKUPS.timezones),
		getCoupons: lookupOptions(KWIGA_API, LOOKUPS.coupons),
	},
	listSearch: {
		searchContacts: lookupSearch(KWIGA_API, LOOKUPS.contacts),
		searchCourses: lookupSearch(KWIGA_API, LOOKUPS.courses),
		searchProducts: lookupSearch(KWIGA_API, LOOKUPS.products),
		searchOffers: lookupSearch(KWIGA_API, LOOKUPS.offers),
	},
};
