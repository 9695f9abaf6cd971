/** Removes the run's shared folder (test/support/global-setup.js). */
'use strict';
const fs = require('node:fs');
const os = require('node:os');

module.exports = async () => {
  const dir = process.env.BULLETIN_TEST_SHARED;
  if (dir && dir.startsWith(os.tmpdir())) fs.rmSync(dir, { recursive: true, force: true });
};
