import { readFileSync } from 'node:fs';

import { referenceFile } from './reference';

/** A request of a Postman collection with its saved example responses. */
export interface PostmanRequest {
	name: string;
	folder: string;
	method: string;
	/** Path with `:params`, without the base URL variable. */
	path: string;
	responses: Array<{ name: string; code: number; body: string }>;
}

interface PostmanItem {
	name: string;
	item?: PostmanItem[];
	request?: { method: string; url: string | { raw: string } };
	response?: Array<{ name: string; code: number; body?: string }>;
}

/** Flattens a Postman v2 collection into its requests. */
export function readCollection(file: string): PostmanRequest[] {
	const collection = JSON.parse(readFileSync(file, 'utf8')) as { item: PostmanItem[] };
	const out: PostmanRequest[] = [];
	const walk = (items: PostmanItem[], folder: string) => {
		for (const item of items) {
			if (item.item) walk(item.item, folder ? `${folder}/${item.name}` : item.name);
			else if (item.request) {
				const raw = typeof item.request.url === 'string' ? item.request.url : item.request.url.raw;
				const path = raw.replace(/^\{\{[^}]+\}\}/, '').replace(/^https?:\/\/[^/]+/, '').split('?')[0];
				out.push({
					name: item.name,
					folder,
					method: item.request.method,
					path,
					responses: (item.response ?? []).map((r) => ({ name: r.name, code: r.code, body: r.body ?? '' })),
				});
			}
		}
	};
	walk(collection.item, '');
	return out;
}

/** Parses a saved example body leniently (comments, `...` placeholders, stray keys in arrays). */
export function parseSample(body: string): unknown {
	if (!body.trim()) return undefined;
	try {
		return JSON.parse(body);
	} catch {
		const cleaned = body
			.replace(/^\s*\/\/.*$/gm, '')
			.replace(/,\s*\.\.\.\s*/g, '')
			.replace(/\.\.\.\s*,?/g, '')
			.replace(/,(\s*[}\]])/g, '$1');
		try {
			return JSON.parse(cleaned);
		} catch {
			return undefined;
		}
	}
}

/** How many requests a vendor's reference collection in `reference/` documents. */
export const referenceCount = (collection: string): number => readCollection(referenceFile(collection)).length;
