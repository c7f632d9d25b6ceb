// `npm run bench`: prints figures, asserts nothing about time.
const base = require('../jest.config.js');

module.exports = { ...base, rootDir: '..', roots: ['<rootDir>/bench'], testMatch: ['**/*.bench.ts'], testTimeout: 120000 };
