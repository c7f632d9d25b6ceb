import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

export const certificateResource: ResourceSpec = {
	value: 'certificate',
	name: 'Certificate',
	defaultOperation: 'getByNumber',
	operations: [
		{
			value: 'getByNumber',
			name: 'Get by Number',
			action: 'Get a certificate by number',
			method: 'GET',
			path: '/certificates/by-number/{number}',
			unwrap: 'data',
			ref: 'kwiga.certificate.getByNumber',
			fields: [f.path('number', 'Certificate Number', { placeholder: 'e.g. 1986-0001' })],
		},
	],
};
