/**
 * The route matcher shared by the node (API description in the credential) and `npm run aom:routes`:
 * reading pages, and the rule "never a wrong match".
 */
import type { RouteTarget, SpecOperation } from '../../nodes/AcademyOfMine/apiDescription';
import { matchRoutes, readApiDescription } from '../../nodes/AcademyOfMine/apiDescription';

const spec = (path: string, title: string, tags: string[] = [], method = 'GET'): SpecOperation => ({ method, path, title, operationId: '', tags });
const target = (id: string, titles: string[], params: RouteTarget['params'] = []): RouteTarget => ({ id, section: id.split('.')[1], titles, params });

test('a Redoc state is read to its balanced end, whatever its strings hold', () => {
	const doc = { openapi: '3.0.0', paths: { '/a': { get: { summary: 'Has } and "quotes" and <\/script> in it' } } } };
	const page = `<html><script>const __redoc_state = ${JSON.stringify({ spec: { data: doc } })};\n var container = document.getElementById('redoc');\n Redoc.hydrate(__redoc_state, container);</script></html>`;
	expect(readApiDescription(page)).toEqual(doc);
	expect(() => readApiDescription('openapi: 3.0.0\npaths: {}')).toThrow('a YAML document must be given in its JSON form');
	expect(() => readApiDescription('{"info": {}}')).toThrow('has no "paths"');
});

test('an untagged operation is taken only for a title no other operation of the node has', () => {
	const targets = [target('aom.courses.quick-edit', ['Quick Edit']), target('aom.products.quick-edit', ['Quick Edit']), target('aom.badges.create-a-new-badge', ['Create a new badge'])];
	const report = matchRoutes(targets, [spec('/quick-edit', 'Quick Edit', [], 'PUT'), spec('/badges', 'create a NEW badge.', [], 'POST')]);
	expect(report.routes).toEqual({ 'aom.badges.create-a-new-badge': { method: 'POST', path: '/badges' } });
	expect(report.unmatched).toEqual(['aom.courses.quick-edit', 'aom.products.quick-edit']);
});

test('placeholders paired by position only with a warning when both sides have meaningful names', () => {
	const targets = [target('aom.courses.launch', ['Launch'], [{ name: 'registrationId', in: 'path' }, { name: 'portalId', in: 'path' }])];
	const report = matchRoutes(targets, [spec('/courses/{reg}/{tenant}/launch', 'Launch', ['Courses'], 'POST')]);
	expect(report.routes['aom.courses.launch'].path).toBe('/courses/{registrationId}/{portalId}/launch');
	expect(report.review).toEqual(['aom.courses.launch: placeholders {reg} -> {registrationId}, {tenant} -> {portalId} paired by position: check them']);
	const single = matchRoutes([target('aom.badges.update', ['Update'], [{ name: 'id', in: 'path' }])], [spec('/badges/{badge}', 'Update', ['Badge'], 'PATCH')]);
	expect(single.routes['aom.badges.update'].path).toBe('/badges/{id}');
	expect(single.review).toEqual([]);
});
