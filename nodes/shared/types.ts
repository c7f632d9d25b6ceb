import type { IDataObject, INodePropertyOptions, NodePropertyTypes } from 'n8n-workflow';

/** Where a field's value goes in the request. */
export type FieldLocation = 'path' | 'query' | 'body' | 'header' | 'none';

/**
 * How a field's value is converted before it is sent.
 * - date: n8n date-time -> `yyyy-MM-dd`
 * - dateTime: n8n date-time -> `yyyy-MM-dd HH:mm:ss`
 * - iso: n8n date-time -> ISO-8601 (UTC)
 * - csv: list (array or comma-separated text) -> `a,b,c`
 * - list: comma-separated text or array -> array
 * - numberList: comma-separated text or array -> array of numbers
 * - json: JSON text -> parsed value
 * - cpf: Brazilian CPF, formatted or not -> its 11 digits (anything else is refused)
 * - flag: boolean -> 1 (false is not sent)
 */
export type FieldFormat =
	| 'date'
	| 'dateTime'
	| 'iso'
	| 'csv'
	| 'list'
	| 'numberList'
	| 'json'
	| 'cpf'
	| 'flag';

/** Which collection an optional field lives in. */
export type FieldGroup = 'additionalFields' | 'filters' | 'options' | 'updateFields';

export interface FieldSpec {
	/** n8n parameter name (camelCase, unique within the operation). */
	name: string;
	displayName: string;
	type: NodePropertyTypes;
	in: FieldLocation;
	/**
	 * Name on the wire (query key, body key, or `{placeholder}` in the path). Defaults to `name`.
	 * A dotted key (`filters.emails`) nests the value; bracket keys (`filters[date_from]`) are sent as is.
	 */
	key?: string;
	required?: boolean;
	/** Optional fields go into this collection (defaults by location: query -> filters, body -> additionalFields). */
	group?: FieldGroup;
	default?: unknown;
	description?: string;
	hint?: string;
	placeholder?: string;
	options?: INodePropertyOptions[];
	/** Name of a `methods.loadOptions` function that fills an options/multiOptions dropdown. */
	loadOptions?: string;
	/** Parameters the dropdown depends on. */
	loadOptionsDependsOn?: string[];
	/** Name of a `methods.listSearch` function: makes the field a resource locator (from list / by ID). */
	locator?: string;
	format?: FieldFormat;
	/** Field is a password (never echoed). */
	password?: boolean;
	/** For numbers: minimum value. */
	minValue?: number;
	/** Extra `typeOptions` for the n8n property. */
	typeOptions?: IDataObject;
	/** Only show this field when these other parameters have these values. */
	showWhen?: Record<string, Array<string | number | boolean>>;
	/** Nested values of a fixedCollection field (one entry per row). */
	values?: FieldSpec[];
	/** For fixedCollection: allow several rows. */
	multiple?: boolean;
}

/** Pagination styles implemented in pagination.ts. */
export type PaginationStyleName = 'laravel' | 'provi' | 'psbPage' | 'offset' | 'aom';

export interface PaginationSpec {
	style: PaginationStyleName;
	/** Query parameter carrying the page size (overrides the style's default). */
	sizeParam?: string;
	/** Largest page size the API accepts. */
	maxPageSize?: number;
	/** Send the paging parameters in the body instead of the query (POST search endpoints). */
	inBody?: boolean;
}

export interface OperationSpec {
	/** Operation value (camelCase). */
	value: string;
	/** Display name, e.g. `Get Many`. */
	name: string;
	/** Action text shown in the nodes panel, e.g. `Get many contacts`. */
	action: string;
	description?: string;
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Path with `{placeholders}` filled from `path` fields, e.g. `/contacts/{contact}`. */
	path: string;
	fields?: FieldSpec[];
	/**
	 * List operations: where the records are in the response (`data`, `content`, `items`, ...;
	 * `''` for a bare array) and, when the endpoint pages, how.
	 */
	list?: { records: string; pagination?: PaginationSpec };
	/** Single-object responses: the envelope key to unwrap (e.g. `data`). */
	unwrap?: string;
	/**
	 * Send the body as multipart/form-data: text parts from the body fields, file parts (named
	 * `partName`) from the input item's binary properties listed in the parameter `binaryParam`.
	 */
	multipart?: { binaryParam: string; partName: string };
	/** Extra static headers. */
	headers?: Record<string, string>;
	/** Fixed query parameters. */
	fixedQuery?: IDataObject;
	/** Fixed body properties. */
	fixedBody?: IDataObject;
	/** The `Catalog id` of the vendor reference this operation implements. */
	ref: string;
}

export interface ResourceSpec {
	value: string;
	name: string;
	description?: string;
	operations: OperationSpec[];
	/** Default operation value. */
	defaultOperation?: string;
}

export interface VendorSpec {
	/** Display name, used in error messages. */
	displayName: string;
	resources: ResourceSpec[];
	/** Query array serialisation for axios/qs (`brackets` -> `with[]=a&with[]=b`). */
	arrayFormat?: 'brackets' | 'repeat' | 'comma' | 'indices';
}
