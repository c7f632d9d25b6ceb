import type { IDataObject, IExecuteFunctions, INodePropertyOptions, NodePropertyTypes } from 'n8n-workflow';

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
 * - number: text (an ID picked from a list) -> number
 * - json: JSON text -> parsed value
 * - cpf: Brazilian CPF, formatted or not -> its 11 digits (anything else is refused)
 * - integer: a whole number (an ID the reference types as integer); text of digits is accepted, other text refused
 * - flag: boolean -> 1 (false is not sent)
 * - null: boolean -> `null` (false is not sent); "clear this value" switches
 */
export type FieldFormat =
	| 'date'
	| 'dateTime'
	| 'iso'
	| 'csv'
	| 'list'
	| 'numberList'
	| 'number'
	/** Numbers: one alone as a number, several as an array (Kwiga's bulk `contacts[]`). */
	| 'numbers'
	| 'json'
	| 'cpf'
	| 'integer'
	| 'flag'
	| 'null';

/** The collections optional fields are grouped in. */
export type FieldGroup = 'additionalFields' | 'filters' | 'options' | 'updateFields';

/** Where a field is shown: at the top level of the operation, or inside one of its collections. */
export type FieldPlacement = 'top' | FieldGroup;

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
	/**
	 * Where the field is shown. Required and path fields are always at the top level; an optional
	 * field goes where this says, else into its operation's `optionalIn` collection.
	 */
	at?: FieldPlacement;
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
	/** Only show this (top-level) field when these other parameters have these values. */
	showWhen?: Record<string, Array<string | number | boolean>>;
	/** Nested values of a fixedCollection field (one entry per row). */
	values?: FieldSpec[];
	/** For fixedCollection: allow several rows. */
	multiple?: boolean;
	/** The value (a JSON object) is merged into the query or body instead of sent under a key. */
	spread?: boolean;
}

/** Pagination styles implemented in pagination.ts. */
export type PaginationStyleName = 'laravel' | 'provi' | 'psbPage' | 'offset' | 'aom';

export interface PaginationSpec {
	style: PaginationStyleName;
	/** Query parameter carrying the page size (overrides the style's default). */
	sizeParam?: string;
	/** Query parameter carrying the page number (overrides the style's default). */
	pageParam?: string;
	/** Largest page size the API accepts. */
	maxPageSize?: number;
	/** Send the paging parameters in the body instead of the query (POST search endpoints). */
	inBody?: boolean;
}

/** Where a list response keeps its records and how it pages. */
export interface ListSpec {
	/**
	 * Path of the records array in the response (`data`, `content`, `items`; `''` for a bare
	 * array). Several paths: the first one holding an array wins (APIs that vary their envelope).
	 */
	records: string | string[];
	/**
	 * With several `records` paths: the records of every one of them, each record told apart by
	 * this field holding its path (a search answering `courses`, `users` and `products`).
	 */
	kindField?: string;
	pagination?: PaginationSpec;
}

/** The methods an operation, a Route Override or a custom request may use. */
export const HTTP_METHODS = ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OperationSpec {
	/** Operation value (camelCase). */
	value: string;
	/** Display name, e.g. `Get Many`. */
	name: string;
	/** Action text shown in the nodes panel, e.g. `Get many contacts`. */
	action: string;
	description?: string;
	method: HttpMethod;
	/** Path with `{placeholders}` filled from `path` fields, e.g. `/contacts/{contact}`. */
	path: string;
	fields?: FieldSpec[];
	/** The collection optional fields without their own `at` are shown in. */
	optionalIn?: FieldGroup;
	/** List operations: where the records are and, when the endpoint pages, how. */
	list?: ListSpec;
	/**
	 * Single-object responses: the envelope key to unwrap (e.g. `data`). Fields next to it (e.g.
	 * `metadata`, `message`) are kept on the output record.
	 */
	unwrap?: string;
	/**
	 * Send the body as multipart/form-data: text parts from the body fields, file parts (named
	 * `partName`) from the input item's binary properties listed in the parameter `binaryParam`.
	 */
	multipart?: { binaryParam: string; partName: string };
	/** The response is a file: output it as binary data in the property named by `binaryParam`. */
	download?: { binaryParam: string };
	/** Extra static headers. */
	headers?: Record<string, string>;
	/** Fixed query parameters. */
	fixedQuery?: IDataObject;
	/** Fixed body properties. */
	fixedBody?: IDataObject;
	/**
	 * Query or body keys whose value, assembled from dotted field keys (`order_by.colName`), is
	 * sent as JSON text (`order_by={"colName":"name","direction":"asc"}`).
	 */
	jsonText?: string[];
	/** Method and path come from these parameters of the node (Custom Request), not from `method`/`path`. */
	routeFrom?: { method: string; path: string };
	/** The `Catalog id` of the vendor reference this operation implements. */
	ref: string;
}

/**
 * A dropdown shown between Resource and Operation that splits a large resource into operation
 * lists (Module -> Module Type -> Operation). Only the editor uses it: operation values stay unique
 * within the resource, and the executor finds an operation by resource and operation alone.
 */
export interface OperationChoice {
	/** Parameter name, e.g. `moduleType`. */
	name: string;
	displayName: string;
	description?: string;
	options: Array<{ name: string; value: string; description?: string; operations: string[]; defaultOperation?: string }>;
}

export interface ResourceSpec {
	value: string;
	name: string;
	description?: string;
	operations: OperationSpec[];
	/** Default operation value. */
	defaultOperation?: string;
	/** Operation lists chosen by a second dropdown (its first option is the default). */
	choice?: OperationChoice;
}

/**
 * How a vendor's base URL is read from its credential. Interpreted twice from this one
 * definition: as a function for the node's requests and as the n8n expression of the
 * credential test (api.ts).
 */
export interface BaseUrlSpec {
	/** Credential field holding the URL (with `environments`: the URL of the custom environment). */
	field: string;
	/** Used when the field is empty. */
	default?: string;
	/** A credential field choosing among fixed hosts; the value `custom` uses `field`. */
	environments?: { field: string; default: string; hosts: Record<string, string> };
	/** A credential field appended as one more path segment (e.g. the API version). */
	suffix?: { field: string; default: string };
}

/** How the package reaches a vendor: credential, base URL, secrets, query serialisation. */
export interface ApiSpec {
	/** Display name, used in error messages. */
	displayName: string;
	/** Credential type name. */
	credential: string;
	baseUrl: BaseUrlSpec;
	/** Credential fields whose values are secrets: redacted from every error, output and log. */
	secrets: string[];
	/** Query array serialisation (`brackets` -> `with[]=a&with[]=b`, `repeat` -> `a=1&a=2`). */
	arrayFormat?: 'brackets' | 'repeat' | 'comma' | 'indices';
}

export interface VendorSpec {
	api: ApiSpec;
	resources: ResourceSpec[];
	/** The resource the node opens on (default: the first in alphabetical order). */
	defaultResource?: string;
	/**
	 * Every operation gets a "Route Override" (method + path) the user can set when the vendor's
	 * route differs from the one in the data (routes inferred from an incomplete reference).
	 */
	routeOverride?: boolean;
	/**
	 * Routes read per run (e.g. from an API description the credential names) before the route
	 * table: catalog ref -> method and path, undefined to keep the operation's own.
	 */
	routes?: (ctx: IExecuteFunctions) => Promise<RouteResolver>;
}

export interface ResolvedRoute {
	method: HttpMethod;
	path: string;
	/** Added to the error of a 404 or 405 answered on this route (an inferred route: the ways out). */
	notFoundHint?: string;
}

export type RouteResolver = (ref: string) => ResolvedRoute | undefined;
