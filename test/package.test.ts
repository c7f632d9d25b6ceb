/**
 * Loads every node and credential listed in package.json from dist/ (as n8n does) and checks
 * they are well formed. `npm test` builds first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import type { ICredentialType, INodeProperties, INodeType } from 'n8n-workflow';

import type { VendorSpec } from '../nodes/shared/types';

const root = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	name: string;
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	files: string[];
	n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
};

/** n8n's loader takes the export named like the file: `Kwiga.node.js` -> `Kwiga`. */
const load = <T>(file: string): { file: string; instance: T } => {
	const path = join(root, file);
	const className = file.split('/').pop()!.split('.')[0];
	const mod = require(path) as Record<string, new () => T>;
	expect(typeof mod[className]).toBe('function');
	return { file: path, instance: new mod[className]() };
};

/** The vendor data (`nodes/<Vendor>/vendor.js`) a built action node runs from. */
const vendorOf = (nodeFile: string): VendorSpec => {
	const mod = require(join(dirname(nodeFile), 'vendor.js')) as Record<string, unknown>;
	return Object.values(mod).find((v): v is VendorSpec => !!v && typeof v === 'object' && 'resources' in v && 'api' in v)!;
};

const iconFiles = (icon: unknown, base: string): string[] => {
	if (!icon) return [];
	const list = typeof icon === 'string' ? [icon] : Object.values(icon as Record<string, string>);
	return list.map((i) => resolve(dirname(base), i.replace(/^file:/, '')));
};

test('package.json is a valid community package', () => {
	expect(pkg.name).toMatch(/^n8n-nodes-/);
	expect(pkg.dependencies ?? {}).toEqual({});
	expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	expect(pkg.files).toEqual(['dist']);
	expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
});

const credentials = pkg.n8n.credentials.map((f) => load<ICredentialType>(f));
const nodes = pkg.n8n.nodes.map((f) => load<INodeType>(f));

test.each(credentials.map((c) => [c.instance.name, c] as const))('credential %s', (_name, { file, instance }) => {
	expect(instance.displayName).toBeTruthy();
	expect(instance.test ?? instance.authenticate).toBeTruthy();
	// a function: n8n evaluates the expressions of a generic authenticate again for every request
	expect(typeof instance.authenticate).toBe('function');
	// a test request, or a test method of every node that uses the credential (as n8n's tester looks them up)
	const users = nodes.filter((n) => n.instance.description.credentials?.some((c) => c.name === instance.name));
	const testedByNodes = users.length > 0 && users.every(({ instance: node }) => {
		const testedBy = node.description.credentials?.find((c) => c.name === instance.name)?.testedBy;
		return typeof testedBy === 'string' && typeof node.methods?.credentialTest?.[testedBy] === 'function';
	});
	expect(!!instance.test?.request || testedByNodes).toBe(true);
	for (const icon of iconFiles(instance.icon, file)) expect(existsSync(icon)).toBe(true);
	for (const p of instance.properties) {
		if (/token|secret|password|key/i.test(p.name)) expect(p.typeOptions?.password).toBe(true);
	}
});

test('node and credential names are unique; every referenced credential exists', () => {
	const nodeNames = nodes.map((n) => n.instance.description.name);
	expect(new Set(nodeNames).size).toBe(nodeNames.length);
	const credNames = credentials.map((c) => c.instance.name);
	expect(new Set(credNames).size).toBe(credNames.length);
	for (const { instance } of nodes) {
		for (const c of instance.description.credentials ?? []) expect(credNames).toContain(c.name);
	}
});

/** Every property with its nested options (collections, fixed collections). */
function walk(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((p) => {
		const nested = (p.options ?? []).flatMap((o) => {
			if ('values' in o && Array.isArray(o.values)) return walk(o.values as INodeProperties[]);
			if ('displayName' in o && 'type' in o) return walk([o as INodeProperties]);
			return [];
		});
		return [p, ...nested];
	});
}

test.each(nodes.map((n) => [n.instance.description.name, n] as const))('node %s is well formed', (_name, { file, instance }) => {
	const d = instance.description;
	expect(d.version).toBe(1);
	expect(d.icon).toBeTruthy();
	const icons = iconFiles(d.icon, file);
	expect(icons).toHaveLength(2);
	for (const icon of icons) expect(existsSync(icon)).toBe(true);
	expect(existsSync(file.replace(/\.js$/, '.json'))).toBe(true);
	for (const p of walk(d.properties)) {
		expect(p.default).not.toBeUndefined();
		if (p.type === 'boolean' && p.description) expect(p.description).toMatch(/^Whether /);
	}
	const isTrigger = d.group.includes('trigger');
	if (isTrigger) {
		expect(d.name).toMatch(/Trigger$/);
		expect(instance.poll ?? instance.webhook).toBeTruthy();
		return;
	}
	expect(d.usableAsTool).toBe(true);
	// Action nodes run the package's own request path (nodes/shared/execute.ts), from their vendor's data.
	expect(typeof instance.execute).toBe('function');
	const vendor = vendorOf(file);
	expect(vendor.api.baseUrl.field).toBeTruthy();
	const resource = d.properties.find((p) => p.name === 'resource');
	const resources = (resource?.options ?? []).map((o) => (o as { value: string }).value);
	expect(resources.length).toBeGreaterThan(0);
	const methods = { ...(instance.methods?.loadOptions ?? {}), ...(instance.methods?.listSearch ?? {}) };
	for (const r of resources) {
		const operation = d.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r));
		expect(operation).toBeDefined();
		const spec = vendor.resources.find((x) => x.value === r);
		for (const option of operation!.options as Array<{ value: string; action?: string }>) {
			expect(option.action).toBeTruthy();
			const op = spec?.operations.find((o) => o.value === option.value);
			expect(op?.method).toBeTruthy();
			expect(op?.path).toMatch(/^\//);
		}
	}
	// One resource per source file, named after its value: grepping a resource value finds its file.
	// (Academy of Mine's generated ones in generated/resources, its hand-written Custom Request in resources)
	const folder = join(root, 'nodes', file.split('/').slice(-2)[0]);
	for (const r of vendor.resources) {
		const candidates = [join(folder, 'resources', `${r.value}.ts`), join(folder, 'generated', 'resources', `${r.value}.ts`)];
		const found = candidates.filter((c) => existsSync(c));
		expect({ resource: r.value, files: found.length }).toEqual({ resource: r.value, files: 1 });
		const source = readFileSync(found[0], 'utf8');
		expect(source.match(/: ResourceSpec = \{/g)).toHaveLength(1);
		expect(source).toContain(`value: '${r.value}'`);
	}
	for (const p of walk(d.properties)) {
		const method = p.typeOptions?.loadOptionsMethod as string | undefined;
		if (method) expect(methods).toHaveProperty(method);
		for (const mode of p.modes ?? []) {
			const search = mode.typeOptions?.searchListMethod;
			if (search) expect(methods).toHaveProperty(search);
		}
	}
});
