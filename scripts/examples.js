// @ts-check
'use strict';
/**
 * Sandbox credentials and example workflows imported by `npm start` (fixed ids, so re-importing
 * overwrites instead of duplicating). Vendors come from scripts/sandbox.js.
 */
const PKG = require('../package.json').name;

const IDS = {
	kwiga: { cred: 'csKwigaSandbox01', wf: 'csKwigaExample01' },
	provi: { cred: 'csProviSandbox01', wf: 'csProviExample01' },
	psbHosting: { cred: 'csPsbSandbox0001', wf: 'csPsbExample0001' },
	rempCrm: { cred: 'csRempSandbox001', wf: 'csRempExample001' },
	academyOfMine: { cred: 'csAomSandbox0001', wf: 'csAomExample0001' },
};

/** What the example workflow's vendor node does, per vendor. */
const EXAMPLES = {
	kwiga: {
		node: 'kwiga',
		label: 'Kwiga: Get Many contacts',
		parameters: { resource: 'contact', operation: 'getAll', returnAll: true, filters: {} },
		expect: 'all sandbox contacts (3 pages of 100)',
	},
	provi: {
		node: 'provi',
		label: 'Provi: Get Many sales',
		parameters: { resource: 'sale', operation: 'getAll', returnAll: true, filters: {} },
		expect: '57 sales (3 pages of 20)',
	},
	psbHosting: {
		node: 'psbHosting',
		label: 'PSB Hosting: Get Many tickets',
		parameters: { resource: 'ticket', operation: 'getAll', returnAll: true },
		expect: '14 tickets (2 pages of 10)',
	},
	rempCrm: {
		node: 'rempCrm',
		label: 'REMP CRM: Activate coupon',
		parameters: { resource: 'coupon', operation: 'activate', code: 'SUMMER-2026-PROMO', notifyUser: false },
		expect: 'a subscription for coupon SUMMER-2026-PROMO (the node has no Get Many; a second run answers 409 "already used")',
	},
	academyOfMine: {
		node: 'academyOfMine',
		label: 'Academy of Mine: Get many announcements',
		parameters: { resource: 'announcement', operation: 'announcementTabularList', returnAll: true },
		expect: "the reference's sample announcement (the sandbox answers each route with its response sample)",
	},
};

function credentialFor(vendor) {
	return {
		id: IDS[vendor.key].cred,
		name: `${vendor.name} sandbox`,
		type: vendor.credentialType,
		data: vendor.credentialData,
	};
}

function exampleWorkflow(vendor) {
	const ex = EXAMPLES[vendor.key];
	const cred = credentialFor(vendor);
	return {
		id: IDS[vendor.key].wf,
		name: `Example: ${ex.label} (sandbox)`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${IDS[vendor.key].wf}-t`,
				name: 'When clicking ‘Execute workflow’',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${IDS[vendor.key].wf}-n`,
				name: ex.label.split(':')[0],
				type: `${PKG}.${ex.node}`,
				typeVersion: 1,
				position: [260, 0],
				parameters: ex.parameters,
				credentials: { [cred.type]: { id: cred.id, name: cred.name } },
			},
		],
		connections: {
			'When clicking ‘Execute workflow’': { main: [[{ node: ex.label.split(':')[0], type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

/**
 * A workflow of one Provi Trigger (all events, signature checked), as the e2e and queue mode run it.
 * @param {{ id: string, name: string, webhookId: string, credential: { id: string, name: string }, active?: boolean }} o
 */
function proviTriggerWorkflow({ id, name, webhookId, credential, active = false }) {
	return {
		id,
		name,
		active,
		nodes: [
			{
				id: 'pt',
				name: 'Provi Trigger',
				type: `${PKG}.proviTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { events: ['*'], verifySignature: true },
				credentials: { proviApi: credential },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

module.exports = { IDS, EXAMPLES, credentialFor, exampleWorkflow, proviTriggerWorkflow, PKG };

/**
 * Imports several workflows with ONE `n8n import:workflow --separate --input=<dir>` call
 * (each n8n CLI call costs ~4-5 s of startup). Fixed ids overwrite earlier imports.
 * @returns {string[]} ids
 */
function importWorkflows(cli, userFolder, workflows) {
	const fs = require('fs');
	const path = require('path');
	const dir = fs.mkdtempSync(path.join(userFolder, 'import-workflows-'));
	try {
		workflows.forEach((wf, i) => {
			const w = { settings: { executionOrder: 'v1' }, connections: {}, ...wf };
			fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}-${w.id}.json`), JSON.stringify(w, null, 2));
		});
		cli.runN8n(userFolder, ['import:workflow', '--separate', `--input=${dir}`]);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
	return workflows.map((w) => w.id);
}

module.exports.importWorkflows = importWorkflows;
