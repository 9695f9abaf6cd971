#!/usr/bin/env bash
# test/e2e/poppler-check.sh — poppler cross-check of the sample issue's e-mail PDF (R28), for CI
# (.ci/run installs poppler-utils). jest stays on pdf.js only; this checks what poppler users see.
#
#   bash test/e2e/poppler-check.sh [file.pdf]
#
# Without an argument it builds issues/2024-02 into a temporary project with the compiled CLI
# (run `npx tsc -p tsconfig.json` first) and checks the output whose name does not end in -print.pdf.
# Checks: pdffonts — every font emb/sub/uni yes, no standard-14 font; pdfinfo — ≥ 20 pages;
# pdftotext — every Markdown paragraph comes back exactly (only line breaks removed: no invented
# space, R28) and "召开2023年度" copied
# without a space (R15).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD

for tool in pdffonts pdfinfo pdftotext node; do
  command -v "$tool" >/dev/null 2>&1 || { echo "poppler-check: $tool not found (install poppler-utils)" >&2; exit 2; }
done

fail=0
bad() { echo "FAIL: $*"; fail=1; }

PDF=${1:-}
TMP=""
if [ -z "$PDF" ]; then
  TMP=$(mktemp -d)
  trap 'rm -rf "$TMP"' EXIT
  cp -r issues "$TMP/issues"
  for e in fonts schemas profiles package.json; do ln -s "$ROOT/$e" "$TMP/$e"; done
  (cd "$TMP" && node "$ROOT/bin/bulletin.js" build 2024-02 >/dev/null)
  PDF=$(find "$TMP/out/2024-02" -name '*.pdf' ! -name '*-print.pdf' | head -n 1)
fi
[ -f "$PDF" ] || { echo "poppler-check: no PDF ($PDF)" >&2; exit 2; }
echo "poppler-check: $PDF"

# Fonts: pdffonts columns … emb sub uni object ID; skip the two header lines.
fonts=$(pdffonts "$PDF" | tail -n +3)
[ -n "$fonts" ] || bad "pdffonts lists no fonts"
while IFS= read -r row; do
  [ -z "$row" ] && continue
  name=${row%% *}
  read -r emb sub uni <<<"$(awk '{print $(NF-4), $(NF-3), $(NF-2)}' <<<"$row")"
  [ "$emb $sub $uni" = "yes yes yes" ] || bad "font $name: emb=$emb sub=$sub uni=$uni"
  case "$name" in *Helvetica*|*Times*|*Courier*|*Symbol*|*ZapfDingbats*) bad "standard font $name";; esac
done <<<"$fonts"

pages=$(pdfinfo "$PDF" | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -ge 20 ] || bad "only ${pages:-0} pages"

TEXT=$(mktemp)
# Body pages only (from page 3: after cover and TOC), cropped to the text area so the running head
# (baseline 71 pt from the top of A4) and the folio (791 pt) do not cut paragraphs that run over a
# page break. The crop is in points from the top-left corner.
pdftotext -enc UTF-8 -f 3 -x 0 -y 78 -W 595 -H 697 "$PDF" "$TEXT"
grep -q '召开2023年度' "$TEXT" || bad 'pdftotext does not give "召开2023年度" (space inserted between Han and digits?)'

# Paragraphs from the Markdown (markup stripped), exact containment: only pdftotext's line breaks
# are removed, never its spaces, so a space invented by justification, compressed punctuation or a
# CJK–Latin gap fails the check (issue 3 §5). Source spaces next to Chinese are dropped first, as
# the typesetter does (R4, R15); spaces between Latin words must come back.
node - "$TEXT" issues/2024-02 <<'JS' || fail=1
const fs = require('fs'), path = require('path');
const [textFile, issueDir] = process.argv.slice(2);
const text = fs.readFileSync(textFile, 'utf8').replace(/[\n\f]/g, '');
const files = fs.readdirSync(path.join(issueDir, 'articles')).filter((f) => f.endsWith('.md')).sort();
let missing = 0;
let checked = 0;
for (const f of files) {
  const body = fs.readFileSync(path.join(issueDir, 'articles', f), 'utf8').replace(/\r\n/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '');
  for (const chunk of body.split(/\n\s*\n/)) {
    const para = chunk
      .replace(/^#+\s+/, '')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\*/g, '')
      .trim()
      .replace(/(?<=[\p{Script=Han}\p{P}]) +| +(?=[\p{Script=Han}\p{P}])/gu, '');
    if (!para) continue;
    checked++;
    if (!text.includes(para)) { console.log(`FAIL: pdftotext does not give exactly ${f}: ${para.slice(0, 30)}…`); missing++; }
  }
}
console.log(`poppler-check: ${checked - missing} of ${checked} paragraphs come back exactly`);
process.exit(missing ? 1 : 0);
JS
rm -f "$TEXT"

if [ "$fail" -ne 0 ]; then echo "poppler-check: FAILED"; exit 1; fi
echo "poppler-check: OK ($pages pages)"
