#!/usr/bin/env node
'use strict';
/**
 * End-to-end proof of the real-n8n harness with a throwaway community package:
 *   - builds + `npm pack`s a tiny package (declarative node with requestDefaults/routing,
 *     credential with `authenticate` header) in a temp dir
 *   - installs it like n8n's Community Nodes installer, lists the loaded node types
 *   - CLI path: imports credential + workflow (Manual Trigger -> node), `n8n execute`,
 *     checks the local echo server saw the auth header; reports whether require('luxon')
 *     resolved inside the community package
 *   - webhook path: publish:workflow, `n8n start`, POST /webhook/<path>, checks the
 *     execution was recorded (sqlite db)
 * Usage: node scripts/n8n-smoke.js [--keep]     (prints timings + a JSON summary)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { spawnSync } = require('child_process');
const { ensureRuntime } = require('./n8n-runtime');
const cli = require('./n8n-cli');

const PKG = 'n8n-nodes-cs-e2e';

function writePackage(dir) {
	const w = (rel, text) => {
		fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
		fs.writeFileSync(path.join(dir, rel), text);
	};
	w(
		'package.json',
		JSON.stringify(
			{
				name: PKG,
				version: '0.0.1',
				main: 'index.js',
				files: ['dist', 'index.js'],
				keywords: ['n8n-community-node-package'],
				n8n: {
					n8nNodesApiVersion: 1,
					credentials: ['dist/credentials/EchoTestApi.credentials.js'],
					nodes: ['dist/nodes/EchoTest/EchoTest.node.js'],
				},
				peerDependencies: { 'n8n-workflow': '*' },
			},
			null,
			2,
		),
	);
	w('index.js', 'module.exports = {};\n');
	w(
		'dist/credentials/EchoTestApi.credentials.js',
		`"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
class EchoTestApi {
  constructor() {
    this.name = 'echoTestApi';
    this.displayName = 'Echo Test API';
    this.properties = [
      { displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
      { displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
    ];
    this.authenticate = { type: 'generic', properties: { headers: { 'X-Api-Key': '={{$credentials.apiKey}}' } } };
    this.test = { request: { baseURL: '={{$credentials.baseUrl}}', url: '/echo' } };
  }
}
exports.EchoTestApi = EchoTestApi;
`,
	);
	w(
		'dist/nodes/EchoTest/EchoTest.node.js',
		`"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// probes: do luxon / n8n-workflow resolve from inside a community package at runtime?
let luxonInfo, nwInfo;
try { const l = require('luxon'); luxonInfo = 'ok:' + require.resolve('luxon') + (l.DateTime ? ':DateTime' : ':noDateTime'); }
catch (e) { luxonInfo = 'fail:' + e.message.split('\\n')[0]; }
try { nwInfo = 'ok:' + require.resolve('n8n-workflow'); } catch (e) { nwInfo = 'fail:' + e.message.split('\\n')[0]; }
class EchoTest {
  constructor() {
    this.description = {
      displayName: 'Echo Test', name: 'echoTest', icon: 'fa:bolt', group: ['transform'], version: 1,
      description: 'e2e probe node', defaults: { name: 'Echo Test' }, inputs: ['main'], outputs: ['main'],
      credentials: [{ name: 'echoTestApi', required: true }],
      requestDefaults: { baseURL: '={{$credentials.baseUrl}}', headers: { Accept: 'application/json' } },
      properties: [
        { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true,
          options: [{ name: 'Echo', value: 'echo', action: 'Echo a message',
            routing: { request: { method: 'POST', url: '/echo',
              body: { msg: '={{$parameter.msg}}', luxon: 'set-below', nw: 'set-below' } } } }],
          default: 'echo' },
        { displayName: 'Message', name: 'msg', type: 'string', default: 'hi' },
      ],
    };
    // expose probe results through the request body (static strings)
    this.description.properties[0].options[0].routing.request.body.luxon = luxonInfo;
    this.description.properties[0].options[0].routing.request.body.nw = nwInfo;
  }
}
exports.EchoTest = EchoTest;
`,
	);
}

function startEchoServer() {
	const seen = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			const rec = { method: req.method, url: req.url, headers: req.headers, body };
			seen.push(rec);
			res.setHeader('content-type', 'application/json');
			let parsed = body;
			try {
				parsed = JSON.parse(body);
			} catch {}
			res.end(JSON.stringify({ echoed: true, method: req.method, url: req.url, apiKey: req.headers['x-api-key'] || null, body: parsed }));
		});
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, seen, port: server.address().port })));
}

function post(url, data) {
	return new Promise((resolve, reject) => {
		const body = JSON.stringify(data);
		const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
			let b = '';
			res.on('data', (d) => (b += d));
			res.on('end', () => resolve({ status: res.statusCode, body: b }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

function sqlite(dbFile, sql) {
	const r = spawnSync('sqlite3', ['-json', dbFile, sql], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`sqlite3 failed: ${r.stderr}`);
	return r.stdout.trim() ? JSON.parse(r.stdout) : [];
}

async function main() {
	const keep = process.argv.includes('--keep');
	const timings = {};
	let t = Date.now();
	const rt = ensureRuntime();
	timings.ensureRuntimeMs = Date.now() - t;

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-smoke-'));
	const pkgDir = path.join(work, 'pkg');
	writePackage(pkgDir);
	const pack = spawnSync('npm', ['pack', '--pack-destination', work, '--ignore-scripts'], { cwd: pkgDir, encoding: 'utf8' });
	if (pack.status !== 0) throw new Error(pack.stderr);
	const tgz = path.join(work, pack.stdout.trim().split('\n').pop());

	const uf = cli.makeUserFolder();
	t = Date.now();
	const installed = cli.installPackage(uf, tgz);
	timings.installPackageMs = Date.now() - t;

	t = Date.now();
	const types = cli.listLoadedNodeTypes(uf, { prefix: `${PKG}.` });
	timings.listNodeTypesMs = Date.now() - t;

	const echo = await startEchoServer();
	const summary = { runtime: rt, userFolder: uf, installed, nodeTypes: types.names, loaderErrors: types.errors };
	try {
		// ---- CLI path
		t = Date.now();
		const [credId] = cli.importCredentials(uf, [
			{ id: 'echoCred1', name: 'Echo cred', type: 'echoTestApi', data: { apiKey: 'sekret-123', baseUrl: `http://127.0.0.1:${echo.port}` } },
		]);
		timings.importCredentialsMs = Date.now() - t;
		t = Date.now();
		const wfId = cli.importWorkflow(uf, {
			id: 'smokeWf1',
			name: 'smoke cli',
			nodes: [
				{ id: 'n1', name: 'Manual', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'n2',
					name: 'Echo',
					type: `${PKG}.echoTest`,
					typeVersion: 1,
					position: [200, 0],
					parameters: { operation: 'echo', msg: 'hello from n8n' },
					credentials: { echoTestApi: { id: credId, name: 'Echo cred' } },
				},
			],
			connections: { Manual: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] } },
		});
		timings.importWorkflowMs = Date.now() - t;
		t = Date.now();
		const ex = await cli.executeWorkflowRaw(uf, wfId);
		timings.cliExecuteMs = Date.now() - t;
		const items = cli.nodeOutput(ex.json.data || ex.json, 'Echo');
		summary.cli = { exitCode: ex.status, items, serverSaw: echo.seen.map((s) => ({ method: s.method, url: s.url, apiKey: s.headers['x-api-key'], body: s.body })) };
		if (!items || !items[0] || items[0].apiKey !== 'sekret-123') {
			summary.cli.stdoutTail = ex.stdout.split('\n').slice(-80).join('\n');
			summary.cli.stderrTail = ex.stderr.split('\n').slice(-40).join('\n');
			throw Object.assign(new Error('CLI execute did not send the auth header'), { summary });
		}

		// ---- webhook path
		const hookPath = 'cs-smoke-hook';
		const hookWf = cli.importWorkflow(uf, {
			id: 'smokeHook1',
			name: 'smoke webhook',
			nodes: [
				{ id: 'h1', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'b7f1c1de-0000-4000-8000-000000000001', parameters: { httpMethod: 'POST', path: hookPath, responseMode: 'onReceived', options: {} } },
				{
					id: 'h2',
					name: 'Echo',
					type: `${PKG}.echoTest`,
					typeVersion: 1,
					position: [200, 0],
					parameters: { operation: 'echo', msg: '={{ $json.body.msg }}' },
					credentials: { echoTestApi: { id: credId, name: 'Echo cred' } },
				},
			],
			connections: { Webhook: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] } },
		});
		t = Date.now();
		cli.publishWorkflow(uf, hookWf);
		timings.publishMs = Date.now() - t;
		const srv = await cli.startN8n(uf);
		timings.n8nStartMs = srv.startMs;
		try {
			const before = echo.seen.length;
			t = Date.now();
			const resp = await post(`${srv.url}/webhook/${hookPath}`, { msg: 'via webhook' });
			summary.webhook = { url: `${srv.url}/webhook/${hookPath}`, response: resp };
			let execs;
			try {
				execs = await cli.waitForExecutions(uf, hookWf, { count: 1, timeoutMs: 30000 });
			} catch (e) {
				summary.webhook.logs = srv.logs().split('\n').slice(-80).join('\n');
				throw e;
			}
			timings.webhookToRecordedMs = Date.now() - t;
			Object.assign(summary.webhook, {
				executions: execs,
				serverSaw: echo.seen.slice(before).map((s) => ({ url: s.url, apiKey: s.headers['x-api-key'], body: s.body })),
			});
			if (resp.status !== 200 || !execs.length || execs[0].status !== 'success') {
				summary.webhook.logs = srv.logs().split('\n').slice(-60).join('\n');
				throw Object.assign(new Error('webhook path failed'), { summary });
			}
		} finally {
			t = Date.now();
			await srv.stop();
			timings.n8nStopMs = Date.now() - t;
		}
	} catch (e) {
		if (!e.summary) e.summary = summary;
		throw e;
	} finally {
		echo.server.close();
		summary.timings = timings;
		if (!keep) {
			cli.removeUserFolder(uf);
			fs.rmSync(work, { recursive: true, force: true });
		}
	}
	return summary;
}

if (require.main === module) {
	main().then(
		(s) => {
			process.stdout.write(JSON.stringify(s, null, 2) + '\n');
			process.stderr.write('n8n smoke: OK\n');
		},
		(e) => {
			if (e.summary) process.stdout.write(JSON.stringify(e.summary, null, 2) + '\n');
			process.stderr.write(`n8n smoke: FAILED: ${e.stack}\n`);
			process.exit(1);
		},
	);
}

module.exports = { main };
