/** Jest runs the TypeScript tests in test/ through ts-jest (CommonJS). */

// Messages follow the locale (LC_ALL, LC_MESSAGES, LANG); tests expect English unless they set
// LANG to zh themselves, so the workers (which inherit this environment) start from C.
process.env.LANG = 'C.UTF-8';
delete process.env.LC_ALL;
delete process.env.LC_MESSAGES;
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  testTimeout: 60000,
};
