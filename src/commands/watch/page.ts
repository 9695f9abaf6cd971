/**
 * The preview page `bulletin watch` serves: the e-mail copy drawn by pdf.js, one canvas per page,
 * redrawn after each build at the same scroll position (the new pages are drawn off screen and
 * swapped in, so nothing flickers); problems from the last build shown over it without a click.
 * `window.__bulletin` tells a test (or a curious editor) what is on screen.
 */
export const PREVIEW_PAGE = `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>bulletin watch</title>
<style>
  html, body { margin: 0; background: #525659; font-family: system-ui, "Noto Sans CJK SC", sans-serif; }
  #pages { display: flex; flex-direction: column; align-items: center; gap: 12px; padding: 12px 0 48px; }
  #pages canvas { background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.5); }
  #overlay { position: fixed; top: 0; left: 0; right: 0; max-height: 45vh; overflow: auto; margin: 0; padding: 10px 16px;
             font: 13px/1.5 ui-monospace, "Noto Sans Mono CJK SC", monospace; white-space: pre-wrap; pointer-events: none; z-index: 10; }
  #overlay.errors { background: rgba(120, 16, 16, .93); color: #fff; }
  #overlay.warnings { background: rgba(255, 236, 170, .95); color: #3a2a00; }
  #status { position: fixed; bottom: 0; right: 0; padding: 3px 10px; font-size: 12px; color: #ddd; background: rgba(0,0,0,.5); }
</style>
</head>
<body>
<pre id="overlay" hidden></pre>
<div id="pages"></div>
<div id="status">…</div>
<script type="module">
import * as pdfjs from '/pdfjs/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.mjs';

const state = (window.__bulletin = { build: -1, version: 0, rendered: 0, overlay: '', doc: null });
const overlay = document.getElementById('overlay');
const status = document.getElementById('status');
let queue = Promise.resolve();

async function draw(version) {
  const doc = await pdfjs.getDocument({ url: '/pdf/' + version }).promise;
  const pages = document.createElement('div');
  pages.id = 'pages';
  const scale = Math.min(2, (window.innerWidth - 32) / 420) * (window.devicePixelRatio || 1);
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = viewport.width / (window.devicePixelRatio || 1) + 'px';
    canvas.dataset.page = String(n);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    pages.append(canvas);
  }
  // Same page, same place: the scroll offset survives the swap (pages keep their size).
  const scroller = document.scrollingElement;
  const top = scroller.scrollTop;
  document.getElementById('pages').replaceWith(pages);
  scroller.scrollTop = top;
  if (state.doc) state.doc.destroy();
  state.doc = doc;
  state.version = version;
  state.rendered++;
}

function show(report) {
  state.build = report.build;
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  const lines = report.diagnostics.map((d) => d.text);
  if (lines.length === 0) {
    overlay.hidden = true;
    overlay.textContent = '';
  } else {
    overlay.hidden = false;
    overlay.className = errors.length > 0 ? 'errors' : 'warnings';
    const head = errors.length > 0 ? report.headline : '';
    overlay.textContent = (head ? head + '\\n' : '') + lines.join('\\n');
  }
  state.overlay = overlay.hidden ? '' : overlay.textContent;
  status.textContent = report.status;
  if (report.version > 0 && report.version !== state.version) queue = queue.then(() => draw(report.version)).catch((e) => { status.textContent = String(e); });
}

/** Text of page n (1-based) of what is on screen, for tests. */
state.pageText = async (n) => {
  const page = await state.doc.getPage(n);
  const content = await page.getTextContent();
  return content.items.map((i) => i.str).join('');
};
state.pages = () => (state.doc ? state.doc.numPages : 0);

const events = new EventSource('/events');
events.onmessage = (event) => show(JSON.parse(event.data));
</script>
</body>
</html>
`;
