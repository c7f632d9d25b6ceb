import tsParser from '@typescript-eslint/parser';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import js from '@eslint/js';

// Globals of Node.js that scripts/ uses (ES globals come with ecmaVersion).
const nodeGlobals = Object.fromEntries(
	['require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'fetch', 'AbortController', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate'].map((g) => [g, 'readonly']),
);

// The official community-node rules (the same ones n8n's package scanner applies), plus the
// classic n8n-nodes-base rules for nodes, credentials and package.json. The dev scripts get
// ESLint's recommended rules for Node.
export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/descriptions/**', '.sandbox/**', '.n8n-dev/**', 'eslint.config.mjs'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tsParser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	{ ...n8nCommunityNodesPlugin.configs.recommended, files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'] },
	{
		files: ['package.json'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// The package's documentation lives in its README, not on docs.n8n.io.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Superseded by @n8n/community-nodes/node-connection-type-literal, which requires
			// NodeConnectionTypes instead of the string literals these two ask for.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['scripts/**/*.js', 'bench/**/*.js', 'scripts/**/*.mjs', '*.js'],
		languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: nodeGlobals },
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		rules: {
			...js.configs.recommended.rules,
			// `catch {}` around best-effort cleanup is deliberate in these scripts.
			'no-empty': ['error', { allowEmptyCatch: true }],
			'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none', ignoreRestSiblings: true }],
			'prefer-const': 'error',
			'no-var': 'error',
			eqeqeq: ['error', 'smart'],
			'no-shadow': 'error',
		},
	},
	{ files: ['scripts/**/*.mjs'], languageOptions: { sourceType: 'module' } },
	{
		// Tests and TypeScript benches: the type checker (`npm run typecheck`, noUnusedLocals) covers
		// undefined and unused names; these rules catch what it does not, and a focused test left behind.
		files: ['test/**/*.ts', 'bench/**/*.ts'],
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		rules: {
			'prefer-const': 'error',
			'no-var': 'error',
			eqeqeq: ['error', 'smart'],
			'no-empty': ['error', { allowEmptyCatch: true }],
			'no-debugger': 'error',
			'no-dupe-keys': 'error',
			'no-unreachable': 'error',
			'no-self-compare': 'error',
			'no-restricted-properties': [
				'error',
				{ object: 'test', property: 'only', message: 'A focused test skips the rest of the suite.' },
				{ object: 'it', property: 'only', message: 'A focused test skips the rest of the suite.' },
				{ object: 'describe', property: 'only', message: 'A focused test skips the rest of the suite.' },
			],
		},
	},
];
