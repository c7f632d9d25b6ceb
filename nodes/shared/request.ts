import type { IDataObject } from 'n8n-workflow';
import type { NodeApiError } from 'n8n-workflow';

import type { WalkOptions, WalkResult } from './pagination';
import { walkPages } from './pagination';
import { isErrorEnvelope, listRecords, recordsLabel } from './response';
import type { ApiRequest, ApiResponse, RequestContext, TransportSettings } from './transport';
import { Connection } from './transport';
import type { ApiSpec, HttpMethod, ListSpec } from './types';

/**
 * Requests on a vendor's connection outside an operation: one call, or a list read page by page.
 * The action nodes' list operations read through `readList` too, so every list is paged, checked and
 * unwrapped one way, whoever reads it (operations, dropdowns, triggers).
 */

export interface HttpCall {
	method?: HttpMethod;
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
}

const toRequest = (call: HttpCall): ApiRequest => ({ method: call.method ?? 'GET', url: call.url, qs: call.qs, body: call.body });

/** One request of programmatic code (dropdowns, triggers); HTTP errors become NodeApiErrors. */
export async function vendorRequest(
	ctx: RequestContext,
	api: ApiSpec,
	call: HttpCall,
	settings: Partial<TransportSettings> = {},
): Promise<unknown> {
	const connection = await Connection.open(ctx, api, settings);
	return (await connection.send(toRequest(call), 0)).body;
}

/** The error for a 200 that does not hold what was asked for: an error envelope, or no list. */
export function unusableAnswer(connection: Connection, response: ApiResponse, itemIndex: number, what: string): NodeApiError {
	if (isErrorEnvelope(response.body)) {
		const body = response.body as IDataObject;
		const text = [body.message, body.error, body.detail]
			.map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? JSON.stringify(v) : ''))
			.find((v) => v);
		return connection.error(`answered with an error (HTTP ${response.statusCode}): ${text ?? 'no message'}`, itemIndex, {
			description: JSON.stringify(response.body).slice(0, 500),
		});
	}
	return connection.error(`returned ${what}`, itemIndex, {
		description: `Response (HTTP ${response.statusCode}): ${JSON.stringify(response.body ?? null).slice(0, 300)}`,
	});
}

/**
 * Reads a list: the request once, or page by page with the engine's walker (pagination.ts), the
 * paging parameters in the query or, where the list says so, in the body. `onPage` sees each page's
 * answer with its records.
 */
export async function readList(
	connection: Connection,
	request: ApiRequest,
	list: ListSpec,
	itemIndex: number,
	options: WalkOptions & { onPage?: (body: unknown, records: IDataObject[]) => void } = {},
): Promise<WalkResult> {
	const fetch = async (paging: IDataObject) => {
		const paged = { ...request };
		if (list.pagination?.inBody) paged.body = { ...((request.body as IDataObject) ?? {}), ...paging };
		else paged.qs = { ...(request.qs ?? {}), ...paging };
		const response = await connection.send(paged, itemIndex);
		const records = listRecords(response.body, list.records, list.kindField);
		if (!records) throw unusableAnswer(connection, response, itemIndex, `no list where ${recordsLabel(list.records)} was expected`);
		options.onPage?.(response.body, records);
		return { body: response.body, records };
	};
	if (!list.pagination) {
		const page = await fetch({});
		return { records: options.limit === undefined ? page.records : page.records.slice(0, options.limit), body: page.body };
	}
	const fail = (message: string, description?: string): never => {
		throw connection.error(message, itemIndex, { description });
	};
	return await walkPages({ fetch, fail }, list.pagination, options);
}

export interface ListCall extends HttpCall {
	list: ListSpec;
}

/**
 * Reads a list of programmatic code (dropdowns, triggers): `pageSize` overrides the style's page
 * size, `enough(page)` ends the walk early, `maxPages` pauses it and `start` resumes it.
 */
export async function walkList(
	ctx: RequestContext,
	api: ApiSpec,
	call: ListCall,
	options: WalkOptions = {},
	settings: Partial<TransportSettings> = {},
): Promise<WalkResult> {
	const connection = await Connection.open(ctx, api, settings);
	return await readList(connection, toRequest(call), call.list, 0, options);
}
