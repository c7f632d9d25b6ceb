import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

import { cpfField, dateFilter, loaded } from './common';

export const financialMovementResource: ResourceSpec = {
	value: 'financialMovement',
	name: 'Financial Movement',
	description: 'MaaS financial movements',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many financial movements',
			description: 'List MaaS financial movements (installments and transfers)',
			method: 'GET',
			path: '/financial/maas',
			list: { records: 'content', pagination: { style: 'provi', sizeParam: 'limit' } },
			optionalIn: 'filters',
			ref: 'provi.financialMaas.getAll',
			fields: [
				f.string('creditRequestId', 'Sale ID', { in: 'query', key: 'CreditRequestId', description: 'Only movements of this sale (CreditRequestId)' }),
				cpfField({ in: 'query', description: 'Only movements of this CPF; formatting is removed and 11 digits are sent' }),
				f.string('email', 'Email', { in: 'query', placeholder: 'name@email.com', description: 'Only movements of this student email' }),
				f.string('name', 'Name', { in: 'query', description: 'Only movements of this student name' }),
				loaded('courseId', 'Course Name or ID', 'getFinancialCourses', 'Only movements of this course'),
				loaded('paymentMethod', 'Payment Method Name or ID', 'getFinancialPaymentMethods', 'Only movements paid with this method'),
				dateFilter('startTransferDate', 'Transferred After', 'Transferred on or after this day'),
				dateFilter('endTransferDate', 'Transferred Before', 'Transferred on or before this day'),
				dateFilter('startExpectedTransferDate', 'Expected Transfer After', 'Transfer expected on or after this day'),
				dateFilter('endExpectedTransferDate', 'Expected Transfer Before', 'Transfer expected on or before this day'),
			],
		},
		{
			value: 'getAvailableFilters',
			name: 'Get Available Filters',
			action: 'Get the available financial movement filters',
			description: 'List the values the financial movement filters accept (courses, payment methods)',
			method: 'GET',
			path: '/financial/maas/available-filters',
			unwrap: 'content',
			ref: 'provi.financialMaas.getAvailableFilters',
		}
	],
};
