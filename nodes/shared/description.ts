import type {
	IDataObject,
	INodeProperties,
	INodePropertyOptions,
	INodeRequestSend,
	PreSendAction,
} from 'n8n-workflow';

import { operationExecutor, captureResponse } from './executor';
import { formatPreSend, isDotted } from './format';
import type { FieldGroup, FieldSpec, OperationSpec, ResourceSpec, VendorSpec } from './types';

const GROUP_LABELS: Record<FieldGroup, { displayName: string; placeholder: string }> = {
	additionalFields: { displayName: 'Additional Fields', placeholder: 'Add Field' },
	updateFields: { displayName: 'Update Fields', placeholder: 'Add Field' },
	filters: { displayName: 'Filters', placeholder: 'Add Filter' },
	options: { displayName: 'Options', placeholder: 'Add Option' },
};

const byDisplayName = <T extends { displayName: string }>(a: T, b: T) =>
	a.displayName.localeCompare(b.displayName);

export function wireKey(field: FieldSpec): string {
	return field.key ?? field.name;
}

function defaultFor(field: FieldSpec): unknown {
	if (field.default !== undefined) return field.default;
	switch (field.type) {
		case 'boolean':
			return false;
		case 'number':
			return 0;
		case 'multiOptions':
			return [];
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

/** The `routing.send` that places a field's value in the query or the body. */
function sendFor(field: FieldSpec): INodeRequestSend | undefined {
	if (field.in !== 'query' && field.in !== 'body') return undefined;
	const preSend: PreSendAction[] = [];
	if (field.format || field.type === 'fixedCollection') preSend.push(formatPreSend(field));
	return {
		type: field.in === 'query' ? 'query' : 'body',
		property: wireKey(field),
		propertyInDotNotation: isDotted(wireKey(field)),
		...(preSend.length ? { preSend } : {}),
	};
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
	if (field.options && !field.loadOptions) property.options = field.options;
	if (field.loadOptions) {
		const loadName = field.description ?? `The ${field.displayName.toLowerCase()} to use`;
		property.description = `${loadName.replace(/\.$/, '')}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`;
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
	const send = sendFor(field);
	if (send) property.routing = { send };
	if (field.in === 'header') property.routing = { request: { headers: { [wireKey(field)]: '={{$value}}' } } };
	return property;
}

function showFor(
	resource: string,
	operation: string,
	extra?: Record<string, Array<string | number | boolean>>,
): INodeProperties['displayOptions'] {
	return { show: { resource: [resource], operation: [operation], ...(extra ?? {}) } };
}

function defaultGroup(field: FieldSpec, op: OperationSpec): FieldGroup {
	if (field.group) return field.group;
	if (field.in === 'query') return op.list ? 'filters' : 'options';
	if (op.method === 'PUT' || op.method === 'PATCH') return 'updateFields';
	return 'additionalFields';
}

/** Properties for one operation: required fields, Return All/Limit, optional collections. */
export function operationProperties(resource: ResourceSpec, op: OperationSpec): INodeProperties[] {
	const properties: INodeProperties[] = [];
	const fields = op.fields ?? [];
	for (const field of fields.filter((f) => f.required || f.in === 'path' || f.showWhen)) {
		properties.push({
			...fieldProperty(field),
			required: field.required || field.in === 'path' ? true : undefined,
			displayOptions: showFor(resource.value, op.value, field.showWhen),
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
				displayOptions: showFor(resource.value, op.value),
			},
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				default: 50,
				typeOptions: { minValue: 1 },
				description: 'Max number of results to return',
				displayOptions: showFor(resource.value, op.value, { returnAll: [false] }),
			},
		);
	}
	const groups = new Map<FieldGroup, FieldSpec[]>();
	for (const field of fields.filter((f) => !f.required && f.in !== 'path' && !f.showWhen)) {
		const group = defaultGroup(field, op);
		groups.set(group, [...(groups.get(group) ?? []), field]);
	}
	for (const [group, groupFields] of groups) {
		properties.push({
			displayName: GROUP_LABELS[group].displayName,
			name: group,
			type: 'collection',
			placeholder: GROUP_LABELS[group].placeholder,
			default: {},
			displayOptions: showFor(resource.value, op.value),
			options: groupFields.map(fieldProperty).sort(byDisplayName),
		});
	}
	return properties;
}

/** The `Operation` dropdown of one resource; each option carries the declarative routing. */
function operationSelector(vendor: VendorSpec, resource: ResourceSpec): INodeProperties {
	const options: INodePropertyOptions[] = resource.operations
		.map((op) => ({
			name: op.name,
			value: op.value,
			action: op.action,
			description: op.description ?? op.action,
			routing: {
				request: {
					method: op.method,
					url: op.path,
					...(op.headers ? { headers: op.headers } : {}),
					...(op.fixedQuery ? { qs: op.fixedQuery } : {}),
					...(op.fixedBody ? { body: op.fixedBody } : {}),
				},
				send: { paginate: true },
				operations: { pagination: operationExecutor(vendor, op) },
				output: { postReceive: [captureResponse] },
			},
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	const defaultOperation =
		resource.defaultOperation ??
		(resource.operations.find((op) => op.value === 'getAll') ?? resource.operations[0]).value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options,
		default: defaultOperation,
	};
}

/** All properties of a vendor node: Resource, then per resource its Operation and fields. */
export function vendorProperties(vendor: VendorSpec): INodeProperties[] {
	const resources = [...vendor.resources].sort((a, b) => a.name.localeCompare(b.name));
	const defaultResource = resources[0].value;
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
		properties.push(operationSelector(vendor, resource));
		for (const op of resource.operations) properties.push(...operationProperties(resource, op));
	}
	return properties;
}
