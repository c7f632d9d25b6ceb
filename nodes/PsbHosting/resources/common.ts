import { f } from '../../shared/fields';
import type { FieldSpec, OperationSpec } from '../../shared/types';

/** The order (by its numeric id) an operation works on. */
export const orderLocator = f.path('orderId', 'Order', {
	locator: 'searchOrders',
	description: 'The order (server) to use. By ID means its numeric ID (e.g. 25284), not the 12-character order code.',
});

/**
 * PSB Hosting form-data requests go out as multipart/form-data like the collection's. Text-only
 * forms name no binary parameter, so they carry text parts only.
 */
export const FORM: OperationSpec['multipart'] = { binaryParam: 'binaryPropertyNames', partName: 'files' };

/** Names of the input item's binary properties to upload as `files` parts. */
export const binaryPropertiesField = (what: string): FieldSpec => ({
	displayName: 'Binary Properties',
	name: 'binaryPropertyNames',
	type: 'string',
	in: 'none',
	default: '',
	placeholder: 'e.g. data, screenshot',
	description: `Names of the input item's binary properties to attach to the ${what}, separated by commas. Leave empty to send no files.`,
	at: 'top',
});

/**
 * Where a PSB list keeps its records: a bare array, or an envelope. The products and recipes lists
 * have no saved response in the reference, so every shape PSB uses elsewhere is accepted.
 */
export const PSB_RECORDS = ['', 'items', 'products', 'results', 'data'];
