/** `npm run test:slow`: the suites jest.config.js keeps out of `npm test` (test/support/slow-suites.js), and only those. */
const base = require('./jest.config');
const SLOW = require('./test/support/slow-suites');

module.exports = { ...base, testMatch: SLOW.map((file) => `<rootDir>/${file}`), testPathIgnorePatterns: ['/node_modules/'] };
