import { f } from '../../shared/fields';
import type { FieldSpec, ResourceSpec } from '../../shared/types';

import { cpfField, dateFilter } from './common';

/** A repeatable filter filled from GET /sales/available-filters. */
const saleFilter = (name: string, displayName: string, loadOptions: string, description: string): FieldSpec => ({
	name,
	displayName,
	type: 'multiOptions',
	in: 'query',
	loadOptions,
	default: [],
	description,
});

export const saleResource: ResourceSpec = {
	value: 'sale',
	name: 'Sale',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many sales',
			description: 'List sales, exclusive or otherwise. A lone start date is also used as the end date.',
			method: 'GET',
			path: '/sales',
			list: { records: 'content', pagination: { style: 'provi', sizeParam: 'limit' } },
			optionalIn: 'filters',
			ref: 'provi.sale.getAll',
			fields: [
				f.string('creditRequestId', 'Sale ID', { in: 'query', key: 'CreditRequestId', description: 'Only the sale with this ID (CreditRequestId)' }),
				cpfField({ in: 'query', description: 'Only sales of this CPF; formatting is removed and 11 digits are sent' }),
				f.string('email', 'Email', { in: 'query', placeholder: 'name@email.com', description: 'Only sales of this student email' }),
				f.string('name', 'Name', { in: 'query', description: 'Only sales of this student name' }),
				saleFilter('status', 'Status Names or IDs', 'getSaleStatuses', 'Only sales in these statuses'),
				saleFilter('cridOrigin', 'Origin Names or IDs', 'getSaleOrigins', 'Only sales of these origins'),
				saleFilter('courseId', 'Course Names or IDs', 'getSaleCourses', 'Only sales of these courses'),
				saleFilter('productType', 'Product Type Names or IDs', 'getSaleProductTypes', 'Only sales of these product types'),
				saleFilter('creator', 'Creator Names or IDs', 'getSaleCreators', 'Only sales created by these users'),
				saleFilter('campaign', 'Campaign Names or IDs', 'getSaleCampaigns', 'Only sales of these campaigns'),
				f.string('campaignCustomIdentifier', 'Campaign Custom Identifier', { in: 'query', description: 'Only sales of the campaign with this custom identifier' }),
				dateFilter('startDate', 'Created After', 'Sales created on or after this day'),
				dateFilter('endDate', 'Created Before', 'Sales created on or before this day'),
				dateFilter('startEffectiveDate', 'Made Effective After', 'Sales made effective on or after this day'),
				dateFilter('endEffectiveDate', 'Made Effective Before', 'Sales made effective on or before this day'),
				dateFilter('startExpectedPaymentDate', 'Expected Payment After', 'Expected payment on or after this day'),
				dateFilter('endExpectedPaymentDate', 'Expected Payment Before', 'Expected payment on or before this day'),
				dateFilter('startNextPaymentDate', 'Next Payment After', 'Next payment on or after this day'),
				dateFilter('endNextPaymentDate', 'Next Payment Before', 'Next payment on or before this day'),
				dateFilter('startReleasedDate', 'Course Released After', 'Course access released on or after this day'),
				dateFilter('endReleasedDate', 'Course Released Before', 'Course access released on or before this day'),
			],
		},
		{
			value: 'getAvailableFilters',
			name: 'Get Available Filters',
			action: 'Get the available sale filters',
			description: 'List the values the sale filters accept (statuses, origins, courses, product types, creators, campaigns)',
			method: 'GET',
			path: '/sales/available-filters',
			unwrap: 'content',
			ref: 'provi.sale.getAvailableFilters',
		}
	],
};
