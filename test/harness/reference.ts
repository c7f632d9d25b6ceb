/**
 * The vendors' references (`reference/` at the repository root: the Postman collections, the Academy
 * of Mine API reference, the catalog), found from `test/` and from the sandboxes' compiled copy in
 * `.sandbox/build/` alike.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository: the nearest folder above this file holding package.json. */
export const REPO = (() => {
	let dir = __dirname;
	while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
	return dir;
})();

/** A file of `reference/`, e.g. `referenceFile('kwiga.postman_collection.json')`. */
export const referenceFile = (name: string): string => join(REPO, 'reference', name);
