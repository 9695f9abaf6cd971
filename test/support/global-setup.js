/**
 * One folder per `jest` run for what suites share (test/support/shared.ts): the sample built once,
 * pdf.js read once. Its path reaches the workers through the environment, which they inherit.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
  process.env.BULLETIN_TEST_SHARED = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-shared-'));
  // Pictures are converted in every test, not served from the user's cache of earlier runs
  // (src/image-cache.ts); the suites that test the cache give it a folder of their own.
  process.env.BULLETIN_IMAGE_CACHE = 'off';
  // Likewise the other issues' stamps (src/document/issue-stamps.ts).
  process.env.BULLETIN_STAMP_CACHE = 'off';
  // And the font subsets (src/render/kept-subsets.ts).
  process.env.BULLETIN_SUBSET_CACHE = 'off';
};
