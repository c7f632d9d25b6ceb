import { performance } from 'node:perf_hooks';

import { vendorProperties } from '../nodes/shared/description';
import { KWIGA } from '../nodes/Kwiga/vendor';
import { kwigaData, kwigaMock } from '../test/sandboxes/kwiga';
import { runKwiga } from '../test/kwiga/setup';

const data = kwigaData();
data.contacts = Array.from({ length: 2000 }, (_, i) => ({ ...data.contacts[0], id: 10_000 - i }));
const server = kwigaMock(data);
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());

const time = async (label: string, runs: number, fn: () => Promise<unknown> | unknown) => {
	await fn();
	const start = performance.now();
	for (let i = 0; i < runs; i++) await fn();
	const ms = (performance.now() - start) / runs;
	console.log(`${label}: ${ms.toFixed(1)} ms per run (${runs} runs)`);
	return ms;
};

test('engine figures', async () => {
	const lines: string[] = [];
	const log = console.log;
	console.log = (line: string) => lines.push(line);
	try {
		await time('build Kwiga node properties (35 operations)', 50, () => vendorProperties(KWIGA));
		const items = Array.from({ length: 500 }, (_, i) => ({ json: { id: String(10_000 - i) } }));
		const perItem = await time('Kwiga Get contact x 500 input items, one workflow run', 3, async () => {
			server.reset();
			await runKwiga(server, { resource: 'contact', operation: 'get', contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }, { items });
		});
		lines.push(`  = ${(perItem / 500).toFixed(2)} ms per item, ${Math.round(500_000 / perItem)} requests/s`);
		await time('Kwiga Get Many, Return All over 2,000 contacts (20 pages of 100)', 5, async () => {
			server.reset();
			await runKwiga(server, { resource: 'contact', operation: 'getAll', returnAll: true });
		});
	} finally {
		console.log = log;
	}
	log(lines.join('\n'));
});
