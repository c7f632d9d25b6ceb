/**
 * Every credential setup of the package against a server that echoes the request's headers in a
 * 200 body, in every form JSON and URLs write text: raw, `\/`, `\uXXXX`, percent-encoded upper and
 * lower case. None of them may reach the output items or the stored run data.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, INodeType } from 'n8n-workflow';

import { AcademyOfMineApi } from '../../credentials/AcademyOfMineApi.credentials';
import { KwigaApi } from '../../credentials/KwigaApi.credentials';
import { ProviApi } from '../../credentials/ProviApi.credentials';
import { PsbHostingApi } from '../../credentials/PsbHostingApi.credentials';
import { RempCrmApi } from '../../credentials/RempCrmApi.credentials';
import { AcademyOfMine } from '../../nodes/AcademyOfMine/AcademyOfMine.node';
import { Kwiga } from '../../nodes/Kwiga/Kwiga.node';
import { KwigaTrigger } from '../../nodes/Kwiga/KwigaTrigger.node';
import { Provi } from '../../nodes/Provi/Provi.node';
import { PsbHosting } from '../../nodes/PsbHosting/PsbHosting.node';
import { RempCrm } from '../../nodes/RempCrm/RempCrm.node';
import { poll, runNode } from '../harness/engine';

/** A secret with the characters JSON and URLs write differently. */
const SECRET = 'tok/9f+Ab3/c7d==';
const OTHER = 'hash/77+e1/Zq';

const forms = (value: string) => {
	const percent = encodeURIComponent(value);
	return [
		value,
		value.replace(/\//g, '\\/'),
		[...value].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
		percent,
		percent.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
	];
};

let server: Server;
let url = '';
/** What the server answers: a record per request, or a page of records for the trigger. */
let asList = false;

beforeAll(async () => {
	server = createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			const echoed = Object.entries(req.headers)
				.filter(([name]) => !['host', 'connection', 'content-length', 'accept', 'accept-encoding', 'content-type', 'user-agent'].includes(name))
				.flatMap(([, value]) => forms(String(value)))
				.map((form) => `"seen ${form}", "${url}/x?token=${form}&a=1"`)
				.join(', ');
			const record = `{"id": 1, "created_at": "${new Date().toISOString()}", "echo": [${echoed}]}`;
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(asList ? `{"data": [${record}], "meta": {"current_page": 1, "last_page": 1, "total": 1}}` : record);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => (asList = false));

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

const setups: Array<[string, INodeType, ICredentialType, () => ICredentialDataDecryptedObject, IDataObject, string[]]> = [
	['Kwiga token and cabinet hash', new Kwiga(), new KwigaApi(), () => ({ token: SECRET, cabinetHash: OTHER, baseUrl: url }), { resource: 'contact', operation: 'get', contact: rl('1') }, [SECRET, OTHER]],
	['Provi', new Provi(), new ProviApi(), () => ({ token: SECRET, environment: 'custom', baseUrl: url, apiVersion: 'v4' }), { resource: 'course', operation: 'get', courseId: 1 }, [SECRET]],
	['PSB Hosting', new PsbHosting(), new PsbHostingApi(), () => ({ token: SECRET, baseUrl: url }), { resource: 'product', operation: 'get', product: rl('1') }, [SECRET]],
	['REMP CRM', new RempCrm(), new RempCrmApi(), () => ({ token: SECRET, baseUrl: url }), { resource: 'coupon', operation: 'activate', code: 'C-1' }, [SECRET]],
	['Academy of Mine, Bearer', new AcademyOfMine(), new AcademyOfMineApi(), () => ({ apiKey: SECRET, baseUrl: url, headerScheme: 'bearer' }), { resource: 'customRequest', operation: 'send', method: 'GET', path: '/x' }, [SECRET]],
	[
		'Academy of Mine, custom header',
		new AcademyOfMine(),
		new AcademyOfMineApi(),
		() => ({ apiKey: SECRET, baseUrl: url, headerScheme: 'custom', headerName: 'X-Academy-Key', headerPrefix: 'Key' }),
		{ resource: 'customRequest', operation: 'send', method: 'GET', path: '/x' },
		[SECRET],
	],
];

test.each(setups)('%s: a 200 body echoing the credential in any form leaves no trace of it', async (_name, node, credentialType, credentials, parameters, secrets) => {
	const result = await runNode({ node, parameters, credentials: { [credentialType.name]: credentials() }, credentialTypes: [credentialType] });
	expect(result.error).toBeUndefined();
	const echo = result.items[0].json.echo as string[];
	// every header was echoed in five forms, twice each; the credential's ones are all redacted
	expect(echo.filter((text) => text.includes('[redacted]')).length).toBeGreaterThanOrEqual(10 * secrets.length);
	const kept = JSON.stringify(result.run);
	for (const secret of secrets) for (const form of forms(secret)) expect(kept).not.toContain(form);
});

test('Kwiga Trigger: a record echoing the token and cabinet hash in any form is emitted without them', async () => {
	asList = true;
	const { items } = await poll({
		node: new KwigaTrigger(),
		parameters: { event: 'newContact' },
		credentials: { kwigaApi: { token: SECRET, cabinetHash: OTHER, baseUrl: url } },
		credentialTypes: [new KwigaApi()],
		mode: 'manual',
	});
	expect(items).toHaveLength(1);
	const kept = JSON.stringify(items);
	expect(kept).toContain('[redacted]');
	for (const secret of [SECRET, OTHER]) for (const form of forms(secret)) expect(kept).not.toContain(form);
});
