import type { RecordedRequest } from '../harness/mockServer';

/** A Laravel paginated resource page over `records` (`page`, `per_page` from the query). */
export function laravelPage(records: unknown[], req: RecordedRequest, basePath: string, defaultPerPage = 15) {
	const perPage = Math.max(1, Number(req.query.per_page ?? req.body?.per_page ?? defaultPerPage));
	const page = Math.max(1, Number(req.query.page ?? req.body?.page ?? 1));
	const lastPage = Math.max(1, Math.ceil(records.length / perPage));
	const data = records.slice((page - 1) * perPage, page * perPage);
	const link = (p: number) => `https://api.kwiga.com${basePath}?page=${p}`;
	return {
		data,
		links: {
			first: link(1),
			last: link(lastPage),
			prev: page > 1 ? link(page - 1) : null,
			next: page < lastPage ? link(page + 1) : null,
		},
		meta: {
			current_page: page,
			from: data.length ? (page - 1) * perPage + 1 : null,
			last_page: lastPage,
			path: `https://api.kwiga.com${basePath}`,
			per_page: perPage,
			to: data.length ? (page - 1) * perPage + data.length : null,
			total: records.length,
		},
	};
}
