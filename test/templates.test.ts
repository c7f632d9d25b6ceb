/**
 * The workflows of templates/ hold together without n8n: only n8n's built-in nodes and this
 * package's, every resource/operation a package node names exists in that node, credentials are
 * references (type + name, no id, no data), connections name existing nodes, and the README, the
 * templates' README and docs/templates/ list each one. (`npm run test:e2e` runs them in a real n8n.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { INodeProperties, INodeType } from 'n8n-workflow';

const root = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; n8n: { nodes: string[] } };
const { TEMPLATES, readTemplates } = require('../scripts/templates') as {
	TEMPLATES: Array<{ file: string; title: string }>;
	readTemplates(): Array<{ file: string; title: string; workflow: any }>;
};

/** The package's node descriptions by type name (`<package>.<name>`), from the TypeScript sources. */
const nodeTypes = new Map(
	pkg.n8n.nodes.map((file) => {
		const source = file.replace(/^dist\//, '').replace(/\.js$/, '.ts');
		const className = source.split('/').pop()!.split('.')[0];
		const mod = require(join(root, source)) as Record<string, new () => INodeType>;
		const description = new mod[className]().description;
		return [`${pkg.name}.${description.name}`, description] as const;
	}),
);

const templates = readTemplates();

/** The values of an options parameter shown for `resource` (undefined: the node has no such parameter). */
function optionValues(properties: INodeProperties[], name: string, resource?: string) {
	const props = properties.filter(
		(p) => p.name === name && (!resource || !p.displayOptions?.show?.resource || p.displayOptions.show.resource.includes(resource)),
	);
	if (!props.length) return undefined;
	return props.flatMap((p) => (p.options ?? []).map((o) => (o as { value: unknown }).value));
}

test('templates/ holds exactly the listed templates', () => {
	const files = readdirSync(join(root, 'templates')).filter((f) => f.endsWith('.json')).sort();
	expect(files).toEqual(TEMPLATES.map((t) => t.file).sort());
	const ids = templates.map((t) => t.workflow.id);
	expect(new Set(ids).size).toBe(ids.length);
	for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{1,21}$/);
});

describe.each(templates.map((t) => [t.file, t.workflow] as const))('%s', (_file, workflow) => {
	test('is an n8n workflow export of built-in nodes and this package\'s nodes', () => {
		expect(workflow.name).toEqual(expect.any(String));
		expect(workflow.settings).toMatchObject({ executionOrder: 'v1' });
		for (const node of workflow.nodes) {
			expect(node).toMatchObject({ id: expect.any(String), name: expect.any(String), typeVersion: expect.any(Number), position: [expect.any(Number), expect.any(Number)] });
			const ours = nodeTypes.has(node.type);
			expect(ours || node.type.startsWith('n8n-nodes-base.') ? node.type : `unknown node type ${node.type}`).toBe(node.type);
		}
	});

	test('each package node names a resource and operation the node has', () => {
		for (const node of workflow.nodes.filter((n: any) => nodeTypes.has(n.type))) {
			const { properties, polling } = nodeTypes.get(node.type)!;
			const resources = optionValues(properties, 'resource');
			if (resources) expect([node.name, resources.includes(node.parameters.resource)]).toEqual([node.name, true]);
			const operations = optionValues(properties, 'operation', node.parameters.resource);
			if (operations) expect([node.name, operations.includes(node.parameters.operation)]).toEqual([node.name, true]);
			// n8n adds Poll Times to a polling node itself
			for (const key of Object.keys(node.parameters).filter((k) => !(polling && k === 'pollTimes'))) {
				expect([node.name, key, properties.some((p) => p.name === key)]).toEqual([node.name, key, true]);
			}
		}
	});

	test('credentials are references by type and name, of a type the node takes', () => {
		for (const node of workflow.nodes) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				expect(ref).toEqual({ id: null, name: expect.any(String) });
				const declared = nodeTypes.get(node.type)?.credentials?.map((c) => c.name);
				expect([node.name, declared?.includes(type)]).toEqual([node.name, true]);
			}
			if (nodeTypes.get(node.type)?.credentials?.some((c) => c.required)) expect(Object.keys(node.credentials ?? {})).not.toHaveLength(0);
		}
	});

	test('connections join existing nodes, and every node but the note is connected', () => {
		const names = new Set(workflow.nodes.map((n: any) => n.name));
		const linked = new Set<string>();
		for (const [from, outputs] of Object.entries(workflow.connections as Record<string, { main: Array<Array<{ node: string }>> }>)) {
			expect(names.has(from)).toBe(true);
			linked.add(from);
			for (const target of outputs.main.flat()) {
				expect(names.has(target.node)).toBe(true);
				linked.add(target.node);
			}
		}
		const loose = workflow.nodes.filter((n: any) => n.type !== 'n8n-nodes-base.stickyNote' && !linked.has(n.name));
		expect(loose.map((n: any) => n.name)).toEqual([]);
	});
});

test('the README, templates/README.md and docs/templates/ have every template', () => {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const section = /## Templates\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
	const own = readFileSync(join(root, 'templates', 'README.md'), 'utf8');
	for (const t of TEMPLATES) {
		expect(section).toContain(`[${t.title}](templates/${t.file})`);
		expect(own).toContain(`## ${t.title}`);
		const picture = `docs/templates/${t.file.replace(/\.json$/, '.png')}`;
		expect(own).toContain(`../${picture}`);
		expect([picture, existsSync(join(root, picture))]).toEqual([picture, true]);
	}
});
