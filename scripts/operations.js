#!/usr/bin/env node
// Prints the README's operation tables from the built nodes (run after `npm run build`).
const { join } = require('node:path');
const pkg = require('../package.json');

for (const file of pkg.n8n.nodes) {
	const className = file.split('/').pop().split('.')[0];
	const node = new (require(join(__dirname, '..', file))[className])();
	const d = node.description;
	if (d.group.includes('trigger')) {
		const event = d.properties.find((p) => p.name === 'event');
		if (!event) continue;
		console.log(`\n**${d.displayName}** events: ${event.options.map((o) => o.name).join(', ')}.`);
		continue;
	}
	console.log(`\n**${d.displayName}**\n\n| Resource | Operations |\n|---|---|`);
	const resource = d.properties.find((p) => p.name === 'resource');
	let total = 0;
	for (const r of resource.options) {
		const op = d.properties.find((p) => p.name === 'operation' && p.displayOptions.show.resource.includes(r.value));
		total += op.options.length;
		console.log(`| ${r.name} | ${op.options.map((o) => o.name).join(', ')} |`);
	}
	console.log(`\n${total} operations.`);
}
