'use strict';
// bench/watch-latency.js — the latency of `bulletin watch`: from a one-character edit in one
// article of the sample to the new e-mail PDF being served (the build report arriving over
// server-sent events, then the PDF fetched in full), as the preview page sees it.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const ARTICLE = 'articles/05-npcpa-spring-reception.md';
// Each edit puts a different character in the same place, so no run finds its text remembered.
const CHARACTERS = [...'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬东南西北'];
const TARGET_MS = 300;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Starts `bulletin watch <issue>` in projectDir; resolves with its URL and a report stream. */
function startWatch(bin, projectDir, issue) {
  const child = spawn(bin, ['watch', issue], { cwd: projectDir, env: { ...process.env, LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (s) => (output += s));
  child.stderr.setEncoding('utf8').on('data', (s) => (output += s));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`watch printed no address:\n${output}`)), 60000);
    const poll = setInterval(() => {
      const m = /preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (!m) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ child, url: m[1], output: () => output });
    }, 20);
  });
}

/** Subscribes to /events; `next(test)` resolves with the first report after now that passes. */
function reports(url) {
  const waiting = [];
  let buffer = '';
  const request = http.get(`${url}events`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split('\n').find((l) => l.startsWith('data: '));
        if (!data) continue;
        const report = JSON.parse(data.slice('data: '.length));
        for (const w of [...waiting]) {
          if (w.test(report)) {
            waiting.splice(waiting.indexOf(w), 1);
            w.resolve(report);
          }
        }
      }
    });
  });
  return {
    next: (test, ms = 60000) =>
      new Promise((resolve, reject) => {
        const entry = { test, resolve };
        waiting.push(entry);
        setTimeout(() => reject(new Error('no build report in time')), ms).unref();
      }),
    close: () => request.destroy(),
  };
}

function fetchAll(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let bytes = 0;
        res.on('data', (c) => (bytes += c.length));
        res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

/** Runs `runs` edits (after `warmup` unmeasured ones); returns the latencies in ms. */
async function measureWatchLatency({ bin, projectDir, issue, runs = 20, warmup = 3 }) {
  const file = path.join(projectDir, 'issues', issue, ARTICLE);
  const original = fs.readFileSync(file, 'utf8');
  // The first Han character of the body (after the front matter).
  const bodyStart = original.indexOf('\n---', 4) + 4;
  const at = bodyStart + original.slice(bodyStart).search(/\p{Script=Han}/u);
  const watch = await startWatch(bin, projectDir, issue);
  const stream = reports(watch.url);
  const latencies = [];
  try {
    let last = await stream.next((r) => r.version >= 1);
    for (let i = 0; i < warmup + runs; i++) {
      const ch = CHARACTERS[i % CHARACTERS.length];
      const edited = original.slice(0, at) + ch + original.slice(at + 1);
      const arrived = stream.next((r) => r.version > last.version || (r.build > last.build && !r.ok));
      const start = process.hrtime.bigint();
      fs.writeFileSync(file, edited);
      const report = await arrived;
      if (!report.ok) throw new Error(`the edited sample failed to build:\n${report.diagnostics.map((d) => d.text).join('\n')}`);
      await fetchAll(`${watch.url}pdf/${report.version}`);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (i >= warmup) latencies.push(ms);
      last = report;
      // Let the watcher's settle timer and any stray events pass before the next edit.
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    stream.close();
    watch.child.kill('SIGTERM');
    fs.writeFileSync(file, original);
  }
  return latencies;
}

function summarise(latencies) {
  const median = percentile(latencies, 50);
  const p90 = percentile(latencies, 90);
  return { runs: latencies.length, median, p90, min: Math.min(...latencies), max: Math.max(...latencies), met: median <= TARGET_MS, target: TARGET_MS };
}

module.exports = { measureWatchLatency, summarise, TARGET_MS, ARTICLE };
