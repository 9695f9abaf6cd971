# test/e2e/sample-pdf.sh — sourced by the CI cross-checks (poppler-check.sh, mutool-check.sh).
# sample_email_pdf [FILE]: sets SAMPLE_PDF to FILE, or builds issues/2024-02 into a temporary
# project with the compiled CLI (run `npx tsc -p tsconfig.json` first) and sets it to the e-mail
# copy (the output whose name does not end in -print.pdf). Not run in a subshell: the temporary
# project is removed when the calling script exits.
sample_email_pdf() {
  SAMPLE_PDF=${1:-}
  if [ -z "$SAMPLE_PDF" ]; then
    SAMPLE_TMP=$(mktemp -d)
    trap 'rm -rf "$SAMPLE_TMP"' EXIT
    cp -r issues "$SAMPLE_TMP/issues"
    # Hard links (a copy across file systems), not symbolic ones: the build reads fonts and
    # profiles only from inside the project.
    for e in fonts schemas profiles package.json; do cp -al "$PWD/$e" "$SAMPLE_TMP/$e" 2>/dev/null || cp -r "$PWD/$e" "$SAMPLE_TMP/$e"; done
    (cd "$SAMPLE_TMP" && node "$OLDPWD/bin/bulletin.js" build 2024-02 >/dev/null) || return 1
    SAMPLE_PDF=$(find "$SAMPLE_TMP/out/2024-02" -name '*.pdf' ! -name '*-print.pdf' | head -n 1)
  fi
  [ -f "$SAMPLE_PDF" ] || { echo "no PDF ($SAMPLE_PDF)" >&2; return 1; }
}
