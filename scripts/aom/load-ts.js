// @ts-check
/**
 * Lets a script require the node's TypeScript sources as they are (no build first): each .ts file
 * is transpiled on load. `npm run aom:routes` runs the node's own route matcher this way.
 */
const { readFileSync } = require('node:fs');
const ts = require('typescript');

/** @type {any} */
const extensions = require.extensions;
if (!extensions['.ts']) {
	extensions['.ts'] = (/** @type {any} */ module, /** @type {string} */ file) => {
		const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
			compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
			fileName: file,
		});
		module._compile(outputText, file);
	};
}
