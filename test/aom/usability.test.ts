/**
 * What a customer meets in the editor: the node found by what they search, n8n's operation names,
 * resources grouped as they think of them, documented values as dropdowns, typed fields, and
 * outputs made of the data. Each rule is stated over every Academy of Mine operation.
 * The resources are generated: `node scripts/aom-generate.js` regenerates them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const NODE_DIR = join(__dirname, '..', '..', 'nodes', 'AcademyOfMine');
const codex = (file: string) => JSON.parse(readFileSync(join(NODE_DIR, file), 'utf8')) as { alias?: string[]; categories: string[] };

describe('finding the node', () => {
	test.each(['AcademyOfMine.node.json', 'AcademyOfMineTrigger.node.json'])('%s: "LMS", "AOM" and "course" find it', (file) => {
		// n8n's node panel searches the display name and the codex aliases only
		const { alias = [], categories } = codex(file);
		for (const word of ['LMS', 'AOM', 'course']) expect(alias.map((a) => a.toLowerCase())).toContain(word.toLowerCase());
		expect(categories.length).toBeGreaterThan(0);
	});
});
