#!/usr/bin/env bash
# test/e2e/mutool-check.sh — MuPDF cross-check of the sample issue's e-mail PDF, for CI (.ci/run
# installs mupdf-tools). MuPDF positions glyphs by the font program's advances, not /W, so a width
# that disagrees with the program (PDF/A-2 6.2.11.5) shows up here as invented spaces (issue 10).
#
#   bash test/e2e/mutool-check.sh [file.pdf]
#
# Without an argument it builds issues/2024-02 into a temporary project (test/e2e/sample-pdf.sh).
# Checks: every Markdown paragraph comes back exactly (only line breaks removed) from MuPDF's text
# extraction — `mutool draw -F stext`, the text `-F txt` prints plus each line's box, so the body
# pages (from page 3) can be cropped to the text area and the running head and folio do not cut
# paragraphs that run over a page break.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

for tool in mutool node; do
  command -v "$tool" >/dev/null 2>&1 || { echo "mutool-check: $tool not found (install mupdf-tools)" >&2; exit 2; }
done

# shellcheck source=test/e2e/sample-pdf.sh
. test/e2e/sample-pdf.sh
sample_email_pdf "${1:-}" || exit 2
PDF=$SAMPLE_PDF
echo "mutool-check: $PDF"

fail=0
STEXT=$(mktemp)
TEXT=$(mktemp)
pages=$(mutool info "$PDF" 2>/dev/null | awk '/^Pages:/ {print $2}')
# The same text MuPDF's txt output gives (the same extraction, spaces included), with each line's
# box: only lines inside the text area (78 … 775 pt from the top, as poppler-check.sh crops) count.
mutool draw -q -F stext -o "$STEXT" "$PDF" "3-${pages:-N}" 2>/dev/null
node - "$STEXT" "$TEXT" <<'JS'
const fs = require('fs');
const [from, to] = process.argv.slice(2);
const xml = fs.readFileSync(from, 'utf8');
const out = [];
for (const line of xml.matchAll(/<line bbox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)) {
  const top = Number(line[2]);
  const bottom = Number(line[4]);
  if (top < 78 || bottom > 775) continue;
  const chars = [...line[5].matchAll(/<char [^>]*\bc="([^"]*)"/g)].map((m) => m[1]);
  out.push(chars.join('').replace(/&#x([0-9a-fA-F]+);/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}
fs.writeFileSync(to, out.join('\n'));
JS
node test/e2e/paragraphs-check.mjs 'mutool draw -F stext' "$TEXT" issues/2024-02 || fail=1
rm -f "$STEXT" "$TEXT"

if [ "$fail" -ne 0 ]; then echo "mutool-check: FAILED"; exit 1; fi
echo "mutool-check: OK"
