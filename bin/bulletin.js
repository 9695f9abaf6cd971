#!/usr/bin/env node
'use strict';
// The compiled CLI lives in dist/ (built by `npm run prepare`, which `npm ci` runs).
require('../dist/cli.js').main(process.argv);
