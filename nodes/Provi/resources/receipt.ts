import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

import { cpfField, dateFilter, loaded } from './common';

const creditRequestPath = f.path('creditRequestId', 'Sale ID', {
	format: 'integer',
	placeholder: 'e.g. 330810',
	description: 'ID of the sale (CreditRequestId)',
});

export const receiptResource: ResourceSpec = {
	value: 'receipt',
	name: 'Receipt',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many receipts',
			method: 'GET',
			path: '/receipts',
			list: { records: 'content', pagination: { style: 'provi', sizeParam: 'limit' } },
			optionalIn: 'filters',
			ref: 'provi.receipt.getAll',
			fields: [
				// The reference repeats CreditRequestId, as it does status: several values, one key each.
				f.list('creditRequestId', 'Sale IDs', {
					in: 'query',
					key: 'CreditRequestId',
					placeholder: 'e.g. 330810,330811',
					description: 'Only the receipts of these sales (CreditRequestId), comma-separated',
				}),
				cpfField({ in: 'query', description: 'Only receipts of this CPF; formatting is removed and 11 digits are sent' }),
				f.string('email', 'Email', { in: 'query', placeholder: 'name@email.com', description: 'Only receipts of this student email' }),
				f.string('name', 'Name', { in: 'query', description: 'Only receipts of this student name' }),
				f.string('cridOrigin', 'Origin', { in: 'query', placeholder: 'e.g. campaign', description: 'Only receipts of sales of this origin' }),
				loaded('status', 'Status Names or IDs', 'getReceiptStatuses', 'Only receipts in these statuses', true),
				loaded('courseId', 'Course Names or IDs', 'getReceiptCourses', 'Only receipts of these courses', true),
				loaded('productType', 'Product Type Names or IDs', 'getReceiptProductTypes', 'Only receipts of these product types', true),
				loaded('delayedDay', 'Delayed Days Name or ID', 'getReceiptDelayedDays', 'Only receipts delayed by this many days'),
				loaded('delayedInstallment', 'Delayed Installments Name or ID', 'getReceiptDelayedInstallments', 'Only receipts with this many delayed installments'),
				f.string('campaignCustomIdentifier', 'Campaign Custom Identifier', { in: 'query', description: 'Only receipts of the campaign with this custom identifier' }),
				dateFilter('startReleaseDate', 'Released After', 'Course access released on or after this day'),
				dateFilter('endReleaseDate', 'Released Before', 'Course access released on or before this day'),
				dateFilter('startEffectiveDate', 'Made Effective After', 'Made effective on or after this day'),
				dateFilter('endEffectiveDate', 'Made Effective Before', 'Made effective on or before this day'),
				dateFilter('startPaymentDate', 'Paid After', 'Paid on or after this day'),
				dateFilter('endPaymentDate', 'Paid Before', 'Paid on or before this day'),
				dateFilter('startTransferDate', 'Transferred After', 'Transferred on or after this day'),
				dateFilter('endTransferDate', 'Transferred Before', 'Transferred on or before this day'),
				dateFilter('startAgreementDate', 'Agreement After', 'Agreement on or after this day'),
				dateFilter('endAgreementDate', 'Agreement Before', 'Agreement on or before this day'),
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a receipt',
			description: 'Get the receiving detail of a sale, with its installments',
			method: 'GET',
			// Reference contradiction (README, Provi 5): the path variable creditRequestId; the unused `id` is ignored.
			path: '/receipts/detail/{creditRequestId}',
			ref: 'provi.receipt.getDetail',
			fields: [creditRequestPath],
		},
		{
			value: 'getAvailableFilters',
			name: 'Get Available Filters',
			action: 'Get the available receipt filters',
			description: 'List the values the receipt filters accept (statuses, courses, product types, delays, campaigns)',
			method: 'GET',
			path: '/receipts/available-filters',
			unwrap: 'content',
			ref: 'provi.receipt.getAvailableFilters',
		},
		{
			value: 'update',
			name: 'Set Release Date',
			action: 'Set the release date of a receipt',
			description: 'Set the day access to the product was granted to the student',
			method: 'PUT',
			path: '/receipts/{creditRequestId}',
			unwrap: 'data',
			ref: 'provi.receipt.update',
			fields: [
				creditRequestPath,
				f.string('date', 'Release Date', {
					type: 'dateTime',
					format: 'date',
					required: true,
					description: 'Day the student got access to the product (sent as YYYY-MM-DD)',
				}),
			],
		}
	],
};
