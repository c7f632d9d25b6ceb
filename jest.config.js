/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': [
			'ts-jest',
			{
				diagnostics: false,
				tsconfig: {
					isolatedModules: true,
					esModuleInterop: true,
					target: 'es2022',
					module: 'commonjs',
					types: ['node', 'jest'],
				},
			},
		],
	},
	setupFiles: ['<rootDir>/test/harness/env.ts'],
	testTimeout: 30000,
};
