import { f } from '../../shared/fields';

/** Path/locator fields shared by several Kwiga resources. */
export const contactLocator = f.path('contact', 'Contact', {
	locator: 'searchContacts',
	description: 'The contact to use',
});

export const productLocator = f.path('product', 'Product', {
	locator: 'searchProducts',
	description: 'The product to use',
});

export const courseLocator = f.path('course', 'Course', {
	locator: 'searchCourses',
	description: 'The course to use',
});

export const offerLocator = f.path('offer', 'Offer', {
	locator: 'searchOffers',
	description: 'The offer to use',
});

export const productIdsFilter = f.string('productIds', 'Product Names or IDs', {
	in: 'query',
	key: 'filters[product_ids]',
	type: 'multiOptions',
	loadOptions: 'getProducts',
	format: 'csv',
	description: 'Only records of these products',
});
