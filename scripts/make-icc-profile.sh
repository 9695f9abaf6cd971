#!/usr/bin/env bash
# Build profiles/FOGRA39-bulletin.icc, the CMYK output profile embedded in the
# GTS_PDFX OutputIntent of the press PDF (PDF/X-4). NOT run in CI: the profile is
# committed; this script documents and reproduces how it was made.
# See profiles/README.md.
#
# Input : FOGRA39L.ti3 (Fogra characterization data for ISO 12647-2:2004 coated
#         paper, CGATS/CTI3 with CMYK + XYZ + Lab) from Debian bookworm package
#         icc-profiles-free 2.0.1+dfsg-1.1, zlib licence.
# Tool  : ArgyllCMS colprof (Debian package argyll 2.3.1+repack-1.1+b1).
#
# Needs : apt-get install icc-profiles-free argyll   (as root)
# Usage : bash scripts/make-icc-profile.sh [output.icc]
#
# The result is not byte-identical between runs (the ICC header carries the
# creation date/time), so a rebuild gets a new sha256; the colour tables are the
# same for the same colprof version and options.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/profiles/FOGRA39-bulletin.icc}"

TI3_SRC=/usr/share/color/icc/FOGRA39L.ti3
TI3_SHA256=e44e6dfa81633588db98b5613a821d4a936d3d9438d2eb983083c3232df393fa

command -v colprof >/dev/null || { echo "colprof missing: apt-get install argyll" >&2; exit 1; }
[ -f "$TI3_SRC" ] || { echo "$TI3_SRC missing: apt-get install icc-profiles-free" >&2; exit 1; }
echo "$TI3_SHA256  $TI3_SRC" | sha256sum -c --quiet

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
# FOGRA39L.ti3 is already an Argyll CTI3 file (DEVICE_CLASS OUTPUT,
# COLOR_REP CMYK_LAB), so no txt2ti3 conversion is needed.
cp "$TI3_SRC" "$TMP/FOGRA39L.ti3"
cd "$TMP"

# -qm          medium quality (cLUT 17^4 A2B, 33^3 B2A): small profile, fine for this use
# -nc          do not embed the .ti3 data in the profile (smaller)
# -kr          black generation: ramp K (Argyll default), GCR from white to black
# -l300 -L95   total ink limit 300 %, black ink limit 95 % (for RGB->CMYK conversions)
# (no -s/-S)   perceptual/saturation B2A tables = colorimetric ones (gamut clipping).
#              A build with "-s sRGB.icm -cmt -dpp" (sRGB gamut-mapped perceptual
#              table) was tried and rejected: converted through sharp/libvips/lcms
#              it turned sRGB black into C35 M31 Y22 K92 (L* ~21, washed-out
#              shadows) and added K to saturated blues; this build gives
#              C66 M62 Y43 K93 for black.
colprof -v -qm -nc -kr -l300 -L95 \
  -D "Coated FOGRA39 (ISO 12647-2:2004), bulletin, TAC 300%, ArgyllCMS colprof" \
  -C "Built with ArgyllCMS colprof from FOGRA39L characterization data (Fogra) as distributed in Debian icc-profiles-free (Kai-Uwe Behrmann), zlib licence. Altered from the original data." \
  -O FOGRA39-bulletin.icc FOGRA39L

# Header checks: device class 'prtr', colour space 'CMYK', PCS 'Lab '/'XYZ ', magic 'acsp'.
hdr() { dd if=FOGRA39-bulletin.icc bs=1 skip="$1" count=4 status=none; }
[ "$(hdr 12)" = prtr ] || { echo "bad device class: $(hdr 12)" >&2; exit 1; }
[ "$(hdr 16)" = CMYK ] || { echo "bad colour space: $(hdr 16)" >&2; exit 1; }
case "$(hdr 20)" in "Lab "|"XYZ ") ;; *) echo "bad PCS: $(hdr 20)" >&2; exit 1;; esac
[ "$(hdr 36)" = acsp ] || { echo "bad magic: $(hdr 36)" >&2; exit 1; }

mkdir -p "$(dirname "$OUT")"
cp FOGRA39-bulletin.icc "$OUT"
echo ">> wrote $OUT ($(stat -c %s "$OUT") bytes)"
sha256sum "$OUT"
