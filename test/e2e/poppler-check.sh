#!/usr/bin/env bash
# test/e2e/poppler-check.sh — poppler cross-check of the sample issue's e-mail PDF (R28), for CI
# (.ci/run installs poppler-utils). jest stays on pdf.js only; this checks what poppler users see.
#
#   bash test/e2e/poppler-check.sh [file.pdf]
#
# Without an argument it builds issues/2024-02 into a temporary project (test/e2e/sample-pdf.sh).
# Checks: pdffonts — every font emb/sub/uni yes, no standard-14 font; pdfinfo — ≥ 20 pages;
# pdftotext — every Markdown paragraph comes back exactly (only line breaks removed: no invented
# space, R28) and "召开2023年度" copied
# without a space (R15).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

for tool in pdffonts pdfinfo pdftotext node; do
  command -v "$tool" >/dev/null 2>&1 || { echo "poppler-check: $tool not found (install poppler-utils)" >&2; exit 2; }
done

fail=0
bad() { echo "FAIL: $*"; fail=1; }

# shellcheck source=test/e2e/sample-pdf.sh
. test/e2e/sample-pdf.sh
sample_email_pdf "${1:-}" || exit 2
PDF=$SAMPLE_PDF
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

# Every Markdown paragraph exactly: only pdftotext's line breaks are removed, never its spaces.
node test/e2e/paragraphs-check.mjs pdftotext "$TEXT" issues/2024-02 || fail=1
rm -f "$TEXT"

if [ "$fail" -ne 0 ]; then echo "poppler-check: FAILED"; exit 1; fi
echo "poppler-check: OK ($pages pages)"
