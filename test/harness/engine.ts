/**
 * A small in-process harness over n8n-core's real execution engine: builds a workflow
 * (a start node feeding the node under test), runs it with `WorkflowExecute` (declarative nodes go
 * through n8n-core's `RoutingNode`), and applies credentials with each credential type's own
 * `authenticate` (generic header expressions resolved by n8n's expression engine).
 */
import { ExecutionLifecycleHooks, PollContext, TriggersAndPollers, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	IVersionedNodeType,
} from 'n8n-workflow';
import { ICredentialsHelper, Workflow } from 'n8n-workflow';

/** Emits the input items given to the harness: stands in for a Manual Trigger + pinned data. */
class StartNode implements INodeType {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['input'],
		version: 1,
		description: 'Test input',
		defaults: { name: 'Start' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	static items: INodeExecutionData[] = [{ json: {} }];

	async execute(): Promise<INodeExecutionData[][]> {
		return [StartNode.items];
	}
}

export class TestNodeTypes implements INodeTypes {
	private types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodes: Array<INodeType | IVersionedNodeType>) {
		this.types.set('test.start', new StartNode());
		for (const node of nodes) this.types.set(`test.${node.description.name}`, node);
	}

	getByName(name: string) {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		const type = this.getByName(name);
		if ('nodeVersions' in type) return type.nodeVersions[version ?? type.currentVersion];
		return type;
	}

	getKnownTypes() {
		return {};
	}
}

/** Applies a credential type's `authenticate` the way n8n's CredentialsHelper does. */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** How many times a credential was read (and, in n8n, loaded from its database and decrypted). */
	reads = 0;

	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types[typeName];
		if (!type?.authenticate) return requestOptions;
		if (typeof type.authenticate === 'function') return await type.authenticate(credentials, requestOptions);
		if (type.authenticate.type !== 'generic') throw new Error('Unsupported authenticate type');
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=') && workflow && node
				? workflow.expression.getParameterValue(value, null, 0, 0, node.name, [], 'internal', { $credentials: credentials })
				: value;
		for (const [target, entries] of Object.entries(type.authenticate.properties) as Array<[string, IDataObject]>) {
			const bag = ((requestOptions as unknown as IDataObject)[target] ?? {}) as IDataObject;
			for (const [key, value] of Object.entries(entries)) bag[String(resolve(key))] = resolve(value) as string;
			(requestOptions as unknown as IDataObject)[target] = bag;
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}

	async getDecrypted(_a: unknown, _n: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		this.reads++;
		return data;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return [];
	}
}

function additionalData(
	hooks: ExecutionLifecycleHooks | undefined,
	credentialsHelper: TestCredentialsHelper,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	return {
		executionId: '1',
		hooks,
		credentialsHelper,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		currentNodeParameters: undefined,
		variables: {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeSetup {
	node: INodeType;
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes: ICredentialType[];
	/** Static data kept between calls (pass the same object to simulate consecutive calls). */
	staticData?: IDataObject;
}

/**
 * A workflow holding just the node under test, with the test credentials, for the contexts the
 * engine does not create by itself (polls, webhooks, dropdowns).
 */
export function singleNodeWorkflow(
	setup: NodeSetup,
	extra: { node?: Partial<INode>; additionalData?: Partial<IWorkflowExecuteAdditionalData> } = {},
) {
	const credentialTypes = Object.fromEntries(setup.credentialTypes.map((c) => [c.name, c]));
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, setup.credentials);
	const node: INode = {
		id: 'n',
		name: setup.node.description.displayName,
		type: `test.${setup.node.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: setup.parameters as INode['parameters'],
		credentials: Object.fromEntries(
			Object.keys(setup.credentials).map((type) => [type, { id: '1', name: `${type} account` }]),
		),
		...extra.node,
	};
	const workflow = new Workflow({
		id: 'test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new TestNodeTypes([setup.node]),
		staticData: setup.staticData ?? {},
		settings: { executionOrder: 'v1' },
	});
	const data = additionalData(undefined, credentialsHelper, {
		currentNodeParameters: setup.parameters as INode['parameters'],
		...extra.additionalData,
	});
	return { workflow, node, additionalData: data };
}

export interface RunOptions {
	node: INodeType;
	parameters: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes?: ICredentialType[];
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** "Continue (using error output)": failed items go to a second output. */
	errorOutput?: boolean;
}

export interface RunResult {
	/** Items the node output on its first output. */
	items: INodeExecutionData[];
	/** Items on the error output (with `errorOutput`). */
	errorItems: INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
	/** How many times the run read a credential. */
	credentialReads: number;
}

/** Runs Start -> node under test through WorkflowExecute and returns what the node output. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const credentialTypes = Object.fromEntries((options.credentialTypes ?? []).map((c) => [c.name, c]));
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, options.credentials ?? {});
	const nodeTypes = new TestNodeTypes([options.node]);
	StartNode.items = options.items ?? [{ json: {} }];
	const credentials = Object.fromEntries(
		Object.keys(options.credentials ?? {}).map((type) => [type, { id: '1', name: `${type} account` }]),
	);
	const name = options.node.description.displayName;
	const nodes: INode[] = [
		{ id: 's', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'n',
			name,
			type: `test.${options.node.description.name}`,
			typeVersion: Array.isArray(options.node.description.version)
				? Math.max(...options.node.description.version)
				: options.node.description.version,
			position: [200, 0],
			parameters: options.parameters as INode['parameters'],
			credentials,
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(options.errorOutput ? { onError: 'continueErrorOutput' as const } : {}),
		},
	];
	const workflow = new Workflow({
		id: 'test',
		nodes,
		connections: { Start: { main: [[{ node: name, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', '1', { id: 'test', name: 'test', nodes, connections: {}, active: false, createdAt: new Date(), updatedAt: new Date(), activeVersionId: null } as never);
	let finish: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));
	const runExecutionData: IRunExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
	const execute = new WorkflowExecute(additionalData(hooks, credentialsHelper), 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await done;
	const taskData = run.data.resultData.runData[name]?.[0];
	const items = taskData?.data?.main?.[0] ?? [];
	const errorItems = taskData?.data?.main?.[1] ?? [];
	const error = (run.data.resultData.error ?? taskData?.error) as RunResult['error'];
	return { items, errorItems, error, run, credentialReads: credentialsHelper.reads };
}

export interface PollOptions extends NodeSetup {
	mode?: 'manual' | 'trigger';
	/** The trigger's name in the workflow (static data is kept per node name). */
	nodeName?: string;
}

/** Runs a polling trigger's `poll` through n8n-core's TriggersAndPollers + PollContext. */
export async function poll(options: PollOptions): Promise<{ items: INodeExecutionData[] | null; staticData: IDataObject }> {
	const { workflow, node, additionalData: data } = singleNodeWorkflow(options, options.nodeName ? { node: { name: options.nodeName } } : {});
	const context = new PollContext(workflow, node, data, options.mode ?? 'trigger', 'activate');
	const result = await new TriggersAndPollers().runPollFunction(workflow, node, context);
	return { items: result ? result[0] : null, staticData: workflow.staticData as IDataObject };
}
