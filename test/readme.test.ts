/** The README's operation tables are the node data's: one row per resource, its operations sorted. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ACADEMY_OF_MINE } from '../nodes/AcademyOfMine/vendor';
import { KWIGA } from '../nodes/Kwiga/vendor';
import { PROVI } from '../nodes/Provi/vendor';
import { PSB_HOSTING } from '../nodes/PsbHosting/vendor';
import type { VendorSpec } from '../nodes/shared/types';

const file = join(__dirname, '..', 'README.md');
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
	['Academy of Mine', ACADEMY_OF_MINE],
	['Kwiga', KWIGA],
	['Provi', PROVI],
	['PSB Hosting', PSB_HOSTING],
])('%s operations table and count', (name, vendor) => {
	const readme = readFileSync(file, 'utf8');
	const block = new RegExp(`(<!-- operations: ${name} [^>]*-->\\n)([\\s\\S]*?)(\\n<!-- /operations -->\\n\\n)(\\d+) operations`);
	const match = block.exec(readme);
	expect(match).not.toBeNull();
	if (process.env.UPDATE_README === '1') {
		writeFileSync(file, readme.replace(block, (_all, open, _table, close) => `${open}${table(vendor)}${close}${count(vendor)} operations`));
		return;
	}
	expect(match![2]).toBe(table(vendor));
	expect(Number(match![4])).toBe(count(vendor));
});
