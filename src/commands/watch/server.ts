/**
 * The preview server: 127.0.0.1 only (a free port unless one is asked for), serving the page,
 * pdf.js from the installed pdfjs-dist, the last good PDF, and the build reports as server-sent
 * events — so the page learns of a new build the moment it is ready, without polling.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { PREVIEW_PAGE } from './page';

/** What the page shows of one build. */
export interface BuildReport {
  readonly build: number;
  /** Version of the PDF at /pdf/<version>: the last good one (0: none yet). */
  readonly version: number;
  readonly ok: boolean;
  readonly diagnostics: readonly { readonly severity: 'error' | 'warning'; readonly text: string }[];
  /** Over the problems when the build failed ("showing the last good PDF"). */
  readonly headline: string;
  /** The status line (pages, time). */
  readonly status: string;
}

const PDFJS_DIR = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'build');
const PDFJS_FILES: Readonly<Record<string, string>> = { 'pdf.mjs': 'pdf.min.mjs', 'pdf.worker.mjs': 'pdf.worker.min.mjs' };

export class PreviewServer {
  private readonly server: http.Server;
  private readonly listeners = new Set<http.ServerResponse>();
  private report: BuildReport = { build: 0, version: 0, ok: false, diagnostics: [], headline: '', status: '…' };
  private pdf: Buffer | undefined;

  constructor() {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  /** Starts listening; resolves with the page's address. */
  listen(port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        const address = this.server.address() as AddressInfo;
        resolve(`http://127.0.0.1:${address.port}/`);
      });
    });
  }

  /** A new build's outcome; `pdf` is given when it succeeded (else the last good one stays). */
  publish(report: BuildReport, pdf?: Buffer): void {
    if (pdf !== undefined) this.pdf = pdf;
    this.report = report;
    const message = `data: ${JSON.stringify(report)}\n\n`;
    for (const res of this.listeners) res.write(message);
  }

  close(): Promise<void> {
    for (const res of this.listeners) res.end();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type: string, body: string | Buffer, cache = 'no-store') => {
      res.writeHead(200, { 'content-type': type, 'cache-control': cache, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (url.pathname === '/') return send('text/html; charset=utf-8', PREVIEW_PAGE);
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${JSON.stringify(this.report)}\n\n`);
      this.listeners.add(res);
      req.on('close', () => this.listeners.delete(res));
      return;
    }
    if (url.pathname === '/status') return send('application/json', JSON.stringify(this.report));
    // /pdf/<version>: always the last good PDF; the version only makes each one a new URL.
    if (url.pathname.startsWith('/pdf/') && this.pdf !== undefined) return send('application/pdf', this.pdf);
    const asset = url.pathname.startsWith('/pdfjs/') ? PDFJS_FILES[url.pathname.slice('/pdfjs/'.length)] : undefined;
    if (asset !== undefined) {
      fs.readFile(path.join(PDFJS_DIR, asset), (err, bytes) => {
        if (err) {
          res.writeHead(500).end(String(err));
          return;
        }
        send('text/javascript; charset=utf-8', bytes, 'max-age=3600');
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}
