import type { IDataObject, ILoadOptionsFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { fieldLayout } from './fields';
import { CONCURRENCY_CEILING, CONCURRENCY_START, DEFAULT_SETTINGS, MB } from './transport';
import type { FieldGroup, FieldSpec, OperationSpec, ResourceSpec, VendorSpec } from './types';
import { HTTP_METHODS } from './types';

const GROUP_LABELS: Record<FieldGroup, { displayName: string; placeholder: string }> = {
	additionalFields: { displayName: 'Additional Fields', placeholder: 'Add Field' },
	updateFields: { displayName: 'Update Fields', placeholder: 'Add Field' },
	filters: { displayName: 'Filters', placeholder: 'Add Filter' },
	options: { displayName: 'Options', placeholder: 'Add Option' },
};

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

function defaultFor(field: FieldSpec): unknown {
	// A multi-select holds a list, whatever the builder's default was.
	if (field.type === 'multiOptions') return Array.isArray(field.default) ? field.default : [];
	if (field.default !== undefined) return field.default;
	switch (field.type) {
		case 'boolean':
			return false;
		case 'number':
			return 0;
		case 'collection':
		case 'fixedCollection':
			return {};
		case 'json':
			return '{}';
		case 'resourceLocator':
			return { mode: 'list', value: '' };
		case 'options':
			return field.options?.[0]?.value ?? '';
		default:
			return '';
	}
}

/** One n8n property for a field (without displayOptions). */
export function fieldProperty(field: FieldSpec): INodeProperties {
	const property: INodeProperties = {
		displayName: field.displayName,
		name: field.name,
		type: field.type,
		default: defaultFor(field) as INodeProperties['default'],
	};
	if (field.required) property.required = true;
	if (field.description) property.description = field.description;
	if (field.hint) property.hint = field.hint;
	if (field.placeholder) property.placeholder = field.placeholder;
	const typeOptions: IDataObject = { ...(field.typeOptions ?? {}) };
	if (field.password) typeOptions.password = true;
	if (field.minValue !== undefined) typeOptions.minValue = field.minValue;
	if (field.loadOptions) {
		typeOptions.loadOptionsMethod = field.loadOptions;
		if (field.loadOptionsDependsOn) typeOptions.loadOptionsDependsOn = field.loadOptionsDependsOn;
	}
	if (field.multiple) typeOptions.multipleValues = true;
	if (Object.keys(typeOptions).length) property.typeOptions = typeOptions;
	if (field.options && !field.loadOptions) {
		// n8n lists the choices of a multi-select alphabetically.
		property.options = field.type === 'multiOptions' ? [...field.options].sort(byName) : field.options;
	}
	if (field.loadOptions) {
		const what = field.displayName
			.split(' ')
			.map((word) => (/^IDs?$/.test(word) ? word : word.toLowerCase()))
			.join(' ');
		const text = (field.description ?? `The ${what} to use`).replace(/\.$/, '');
		const ids = field.type === 'multiOptions' ? 'specify IDs' : 'specify an ID';
		property.description = `${text}. Choose from the list, or ${ids} using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`;
	}
	if (field.locator) {
		Object.assign(property, {
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: `Select a ${field.displayName.toLowerCase()}...`,
					typeOptions: { searchListMethod: field.locator, searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. 123',
				},
			],
		});
	}
	if (field.type === 'fixedCollection' && field.values) {
		property.placeholder = field.placeholder ?? `Add ${field.displayName}`;
		property.options = [
			{
				displayName: field.displayName,
				name: 'values',
				values: field.values.map((child) => fieldProperty({ ...child, in: 'none' })),
			},
		];
	}
	return property;
}

function showFor(
	resource: string,
	operation: string,
	extra?: Record<string, Array<string | number | boolean>>,
): INodeProperties['displayOptions'] {
	return { show: { resource: [resource], operation: [operation], ...(extra ?? {}) } };
}

/** The resource's choice (Module Type) an operation is listed under, to show its fields only there. */
function choiceShow(resource: ResourceSpec, op: OperationSpec): Record<string, string[]> {
	const option = resource.choice?.options.find((o) => o.operations.includes(op.value));
	return resource.choice && option ? { [resource.choice.name]: [option.value] } : {};
}

/** Added to the Options of every list operation; read by the executor. */
const INCLUDE_RESPONSE_FIELDS: FieldSpec = {
	displayName: 'Include Response Fields',
	name: 'includeResponseFields',
	type: 'boolean',
	in: 'none',
	at: 'options',
	default: false,
	description:
		'Whether to add the fields the API returns next to the list (totals, counters, paging) to each record, under "response"',
};

/** Properties for one operation: required fields, Return All/Limit, optional collections. */
export function operationProperties(resource: ResourceSpec, op: OperationSpec): INodeProperties[] {
	const properties: INodeProperties[] = [];
	const fields = op.fields ?? [];
	const chosen = choiceShow(resource, op);
	const { top, groups } = fieldLayout(op, op.list ? [...fields, INCLUDE_RESPONSE_FIELDS] : fields);
	for (const field of top) {
		properties.push({
			...fieldProperty(field),
			required: field.required || field.in === 'path' ? true : undefined,
			displayOptions: showFor(resource.value, op.value, { ...chosen, ...field.showWhen }),
		});
	}
	if (op.list) {
		properties.push(
			{
				displayName: 'Return All',
				name: 'returnAll',
				type: 'boolean',
				default: false,
				description: 'Whether to return all results or only up to a given limit',
				displayOptions: showFor(resource.value, op.value, chosen),
			},
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				default: 50,
				typeOptions: { minValue: 1 },
				description: 'Max number of results to return',
				displayOptions: showFor(resource.value, op.value, { ...chosen, returnAll: [false] }),
			},
		);
	}
	for (const [group, groupFields] of groups) {
		properties.push({
			displayName: GROUP_LABELS[group].displayName,
			name: group,
			type: 'collection',
			placeholder: GROUP_LABELS[group].placeholder,
			default: {},
			displayOptions: showFor(resource.value, op.value, chosen),
			options: groupFields.map(fieldProperty),
		});
	}
	return properties;
}

/** The `Operation` dropdown of one resource (or of one option of its choice: `show` adds it). */
function operationSelector(resource: ResourceSpec, show: Record<string, string[]> = {}, values?: string[], defaultValue?: string): INodeProperties {
	const options: INodePropertyOptions[] = resource.operations
		.filter((op) => !values || values.includes(op.value))
		.map((op) => ({
			name: op.name,
			value: op.value,
			action: op.action,
			// Without a description of its own the option shows its action (unless that only repeats the name).
			description: op.description ?? (op.action.toLowerCase() === op.name.toLowerCase() ? undefined : op.action),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	const defaultOperation =
		defaultValue ??
		resource.defaultOperation ??
		(resource.operations.find((op) => op.value === 'getAll') ?? resource.operations[0]).value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value], ...show } },
		options,
		default: defaultOperation,
	};
}

/**
 * Never shown (it shows only for a resource value the node never has): n8n's node panel builds
 * its actions from every property named `resource`, one Operation per value. This one makes it
 * list the operations of each choice but the first (which the real Resource gives); picking such
 * an action sets the resource and the choice from that Operation's display conditions.
 */
function choiceActions(resource: ResourceSpec, choice: NonNullable<ResourceSpec['choice']>): INodeProperties {
	// the panel heads each list "<name> Actions": Module (Quiz) Actions
	const options = choice.options.slice(1).map((o) => ({ name: `${resource.name} (${o.name})`, value: o.value }));
	const firstOption = options[0].value;
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [`${resource.value}Actions`] } },
		options,
		default: firstOption,
	};
}

/**
 * Never shown (it belongs to a node version that does not exist): n8n names a node added from an
 * action, and describes it to the AI Agent, from the first Operation whose display conditions
 * name its resource, without looking at the choice. This one lists every operation of the resource
 * so those names are the operations' actions; the node panel skips it (it checks the version).
 */
function choiceNames(resource: ResourceSpec, choice: NonNullable<ResourceSpec['choice']>): INodeProperties {
	const selector = operationSelector(resource);
	// one list of every choice's operations, told apart by their choice: "Quiz: Get Many"
	const choiceOf = (value: unknown) => choice.options.find((o) => o.operations.includes(value as string))!.name;
	const options = (selector.options as INodePropertyOptions[])
		.map(({ value, action, name }) => ({ name: `${choiceOf(value)}: ${name}`, value, action }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { ...selector, options, displayOptions: { show: { resource: [resource.value], '@version': [0] } } };
}

/** A resource with a choice: the choice's dropdown, then one Operation list per option. */
function choiceProperties(resource: ResourceSpec, choice: NonNullable<ResourceSpec['choice']>): INodeProperties[] {
	const firstChoice = choice.options[0].value;
	const selector: INodeProperties = {
		displayName: choice.displayName,
		name: choice.name,
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: choice.options.map(({ name, value, description }) => ({ name, value, ...(description ? { description } : {}) })),
		default: firstChoice,
	};
	if (choice.description) selector.description = choice.description;
	const lists = choice.options.map((option, i) => {
		// n8n's node panel lists the actions of the first Operation shown for a resource value; the
		// other lists answer to their choice's value as well (a resource value the node never has),
		// which choiceActions offers it
		const show = { ...(i ? { resource: [resource.value, option.value] } : {}), [choice.name]: [option.value] };
		return operationSelector(resource, show, option.operations, option.defaultOperation);
	});
	return [choiceNames(resource, choice), selector, ...lists, ...(choice.options.length > 1 ? [choiceActions(resource, choice)] : [])];
}

/** Request Options: shown for every operation, read once per run by the executor (execute.ts). */
// The transport's defaults, in the units the options show
const DEFAULT_RETRIES = DEFAULT_SETTINGS.maxRetries;
const DEFAULT_TIMEOUT_SECONDS = DEFAULT_SETTINGS.timeoutMs / 1000;
const DEFAULT_MAX_RESPONSE_MB = DEFAULT_SETTINGS.maxResponseBytes / MB;

export const REQUEST_OPTIONS: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: CONCURRENCY_CEILING },
			default: CONCURRENCY_START,
			description:
				`The most requests of this node run in flight at once. Without this option the node starts at ${CONCURRENCY_START} and sends more at once (up to ${CONCURRENCY_CEILING}) while the API answers promptly. A rate-limited API (HTTP 429 or 503) makes the node slow down by itself either way.`,
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: DEFAULT_RETRIES,
			description:
				'How often a request is tried again after HTTP 429 (any request), or after 502, 503, 504 or a connection reset (reads, updates and deletes; never a create)',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description: 'How long one request may take in total, answer included, before it is abandoned. Waits before retries stay within it too.',
		},
		{
			displayName: 'Max Response Size (MB)',
			name: 'maxResponseSize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_MAX_RESPONSE_MB,
			description: 'Largest answer the node reads (files included, counted after decompression); a larger one is an error',
		},
	],
};

/**
 * Route Override: one property for every operation of a vendor whose routes may be wrong (read by
 * the executor for the chosen operation). Not repeated per operation: the node's description stays
 * the same size however many operations the vendor has.
 */
function routeOverride(vendor: VendorSpec): INodeProperties {
	const custom = vendor.resources.filter((r) => r.operations.every((op) => op.routeFrom)).map((r) => r.value);
	return {
		displayName: 'Route Override',
		name: 'routeOverride',
		type: 'collection',
		placeholder: 'Add Override',
		default: {},
		description: "Send this operation to another method or path than the node's route table says (for routes the reference does not document)",
		...(custom.length ? { displayOptions: { hide: { resource: custom } } } : {}),
		options: [
			{
				displayName: 'For Operation Name or ID',
				name: 'forOperation',
				type: 'options',
				default: '',
				typeOptions: { loadOptionsMethod: 'routeOverrideOperation', loadOptionsDependsOn: ['resource', 'operation'] },
				description:
					'The operation this override is for: it is never applied to another one (choose again after changing the operation). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Method',
				name: 'method',
				type: 'options',
				default: 'GET',
				options: HTTP_METHODS.map((m) => ({ name: m, value: m })),
			},
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: '',
				placeholder: 'e.g. /courses/{courseId}',
				description: "Path after the credential's base URL; {placeholders} take the operation's ID parameters",
			},
		],
	};
}

/** `loadOptions` of Route Override's "For Operation": the operation chosen now, named as the editor names it. */
export function routeOverrideOperation(vendor: VendorSpec) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const resource = vendor.resources.find((r) => r.value === this.getCurrentNodeParameter('resource'));
		const op = resource?.operations.find((o) => o.value === this.getCurrentNodeParameter('operation'));
		return resource && op ? [{ name: `${resource.name}: ${op.name}`, value: `${resource.value}.${op.value}` }] : [];
	};
}

/** All properties of a vendor node: Resource, then per resource its Operation and fields. */
export function vendorProperties(vendor: VendorSpec): INodeProperties[] {
	const resources = [...vendor.resources].sort((a, b) => a.name.localeCompare(b.name));
	const defaultResource = vendor.defaultResource ?? resources[0].value;
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map((r) => ({
				name: r.name,
				value: r.value,
				...(r.description ? { description: r.description } : {}),
			})),
			default: defaultResource,
		},
	];
	for (const resource of resources) {
		properties.push(...(resource.choice ? choiceProperties(resource, resource.choice) : [operationSelector(resource)]));
		for (const op of resource.operations) properties.push(...operationProperties(resource, op));
	}
	if (vendor.routeOverride) properties.push(routeOverride(vendor));
	properties.push(REQUEST_OPTIONS);
	return properties;
}
