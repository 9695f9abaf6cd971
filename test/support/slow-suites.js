/**
 * Suites `npm test` leaves to `npm run test:slow` (jest.slow.config.js), which .ci/run runs too:
 * the `watch` browser test drives chromium over a live rebuild (~45 s on two loaded cores, most of
 * it the browser).
 */
module.exports = ['test/watch/browser.test.ts'];
