/**
 * The docs follow the code: the operation tables of docs/<vendor>.md are the node data's (one row per
 * resource, its operations sorted), and the README's compatibility table lists the n8n versions CI runs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ACADEMY_OF_MINE } from '../nodes/AcademyOfMine/vendor';
import { KWIGA } from '../nodes/Kwiga/vendor';
import { PROVI } from '../nodes/Provi/vendor';
import { PSB_HOSTING } from '../nodes/PsbHosting/vendor';
import type { VendorSpec } from '../nodes/shared/types';

import { regenerateWith } from './harness/generated';

const DOCS = join(__dirname, '..', 'docs');
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** One row per operation list: a resource, or each option of its choice (`Module: Quiz`). */
function table(vendor: VendorSpec): string {
	const names = (ops: VendorSpec['resources'][number]['operations']) => [...ops].sort(byName).map((o) => o.name).join(', ');
	const rows = [...vendor.resources].sort(byName).flatMap((r) =>
		r.choice
			? r.choice.options.map((o) => `| ${r.name}: ${o.name} | ${names(r.operations.filter((op) => o.operations.includes(op.value)))} |`)
			: [`| ${r.name} | ${names(r.operations)} |`],
	);
	return ['| Resource | Operations |', '|---|---|', ...rows].join('\n');
}

const count = (vendor: VendorSpec) => vendor.resources.reduce((n, r) => n + r.operations.length, 0);

test.each([
	['Academy of Mine', 'academy-of-mine.md', ACADEMY_OF_MINE],
	['Kwiga', 'kwiga.md', KWIGA],
	['Provi', 'provi.md', PROVI],
	['PSB Hosting', 'psb-hosting.md', PSB_HOSTING],
])('%s operations table and count', (name, page, vendor) => {
	const file = join(DOCS, page);
	const text = readFileSync(file, 'utf8');
	const block = new RegExp(`(<!-- operations: ${name} [^>]*-->\\n)([\\s\\S]*?)(\\n<!-- /operations -->\\n\\n)(\\d+) operations`);
	const match = block.exec(text);
	expect(match).not.toBeNull();
	if (process.env.UPDATE_DOCS === '1') {
		writeFileSync(file, text.replace(block, (_all, open, _table, close) => `${open}${table(vendor)}${close}${count(vendor)} operations`));
		return;
	}
	regenerateWith('npm run descriptions', file, () => {
		expect(match![2]).toBe(table(vendor));
		expect(Number(match![4])).toBe(count(vendor));
	});
});

test('the compatibility table lists the n8n versions .ci/run tests', () => {
	const { TESTED_N8N_VERSIONS } = require('../scripts/n8n-runtime') as { TESTED_N8N_VERSIONS: string[] };
	const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
	const block = /<!-- compatibility: [^>]*-->\n\| n8n \|.*\n\|---.*\n([\s\S]*?)\n<!-- \/compatibility -->/.exec(readme);
	expect(block).not.toBeNull();
	expect(block![1].split('\n').map((row) => row.split('|')[1].trim())).toEqual(TESTED_N8N_VERSIONS);
});
