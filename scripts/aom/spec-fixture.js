#!/usr/bin/env node
// @ts-check
/**
 * Builds test/fixtures/academy-of-mine.openapi.json, the OpenAPI document the route importer is
 * tested with, from the catalog (ids, sections, kinds) and the reference (titles, path parameters).
 * Its routes are made up but shaped like a vendor's: a `/v1` prefix, PATCH for updates, and
 * deliberate differences: three operations missing, one extra operation (Handle Zoom Webhook, left
 * out of the node), one path parameter under another name, one path parameter the reference lacks.
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const { kebab, readReference } = require('./reference');

const MISSING = ['aom.accredible.validate-accredible-api-key', 'aom.locations.delete-location', 'aom.users.tabular-list'];
const METHOD = { list: 'get', get: 'get', lookup: 'get', create: 'post', update: 'patch', delete: 'delete', action: 'post' };

const paths = {};
for (const op of readReference()) {
	if (!op.title || MISSING.includes(op.id)) continue;
	let params = op.params.filter((p) => p.in === 'path').map((p) => p.name);
	if (op.id === 'aom.announcements.create-an-announcement') params = ['announcement'];
	if (op.id === 'aom.announcements.retrieve-announcement') params = ['id'];
	const path = `/v1/${kebab(op.section)}/${op.id.split('.')[2]}${params.map((p) => `/{${p}}`).join('')}`;
	const method = op.params.some((p) => p.in === 'body') && ['get', 'list', 'lookup'].includes(op.kind) ? 'post' : METHOD[op.kind];
	paths[path] = {
		...(paths[path] ?? {}),
		[method]: {
			summary: op.title,
			tags: [op.section],
			parameters: params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
			responses: { 200: { description: 'OK' } },
		},
	};
}
const spec = { openapi: '3.0.0', info: { title: 'Academy of Mine API (test fixture)', version: '1' }, servers: [{ url: 'https://academy.example.com/api' }], paths };
writeFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'academy-of-mine.openapi.json'), `${JSON.stringify(spec, null, '\t')}\n`);
