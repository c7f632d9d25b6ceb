import { f } from '../../shared/fields';
import type { FieldSpec, ResourceSpec } from '../../shared/types';

const fields: FieldSpec[] = [
	f.list('contacts', 'Contact IDs', { format: 'numberList', required: true, description: 'Comma-separated IDs of the contacts' }),
	f.list('tags', 'Tags', { required: true, placeholder: 'e.g. vip,webinar', description: 'Comma-separated tag names (new names create new tags)' }),
];

export const contactTagResource: ResourceSpec = {
	value: 'contactTag',
	name: 'Contact Tag',
	defaultOperation: 'add',
	operations: [
		{ value: 'add', name: 'Add', action: 'Add tags to contacts', method: 'POST', path: '/contacts/tags', ref: 'kwiga.contactTag.add', fields },
		{ value: 'remove', name: 'Remove', action: 'Remove tags from contacts', method: 'DELETE', path: '/contacts/tags', ref: 'kwiga.contactTag.remove', fields },
	],
};
