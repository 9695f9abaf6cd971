'use strict';
// Preloaded by bench/run.js (`node --require bench/rss-probe.js bin/bulletin.js build …`): records
// the CLI process's own peak resident set size when it exits, so the bench needs no GNU time and
// measures the CLI itself rather than a wrapper process.
const fs = require('node:fs');

process.on('exit', () => {
  // Node reports maxRSS in KiB on every platform.
  const kib = process.resourceUsage().maxRSS;
  const file = process.env.BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, `${kib}\n`);
  else process.stderr.write(`maxRSS ${kib} KiB\n`);
});
