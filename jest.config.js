/** Jest runs the TypeScript tests in test/ through ts-jest (CommonJS). */

// Messages follow the locale (LC_ALL, LC_MESSAGES, LANG); tests expect English unless they set
// LANG to zh themselves, so the workers (which inherit this environment) start from C.
process.env.LANG = 'C.UTF-8';
delete process.env.LC_ALL;
delete process.env.LC_MESSAGES;
// Left to `npm run test:slow` (test/support/slow-suites.js says which and why).
const SLOW = require('./test/support/slow-suites');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...SLOW.map((file) => `<rootDir>/${file}`)],
  // ts-jest with the built-ins bound locally, for our TypeScript and the JavaScript of the
  // dependencies alike (why: test/support/fast-globals-transform.js).
  transform: { '^.+\\.(ts|c?js)$': ['<rootDir>/test/support/fast-globals-transform.js', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  transformIgnorePatterns: [],
  testTimeout: 60000,
  // jest's default is one worker fewer than the cores: a single worker on the 2-core CI machine.
  // Two keep both cores busy (the suites wait on child processes and disk part of the time).
  maxWorkers: 2,
  // One folder per run for what suites share: the sample built once, each PDF read once (test/support/shared.ts).
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
};
