#!/usr/bin/env bash
# Re-derive the font files in fonts/ from their pinned upstream packages and
# check their sha256 values. NOT run in CI: the fonts are committed to the repo;
# this script exists to document and reproduce where they came from (and to help
# a future, deliberate update). See fonts/SOURCES.md.
#
# Needs: npm (registry access), apt-get (Debian bookworm sources), dpkg-deb,
# tar, sha256sum. Run from anywhere:  bash scripts/fetch-fonts.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FONTS="$ROOT/fonts"

SERIF_PKG="@expo-google-fonts/noto-serif-sc@0.4.3"
SANS_PKG="@expo-google-fonts/noto-sans-sc@0.4.3"
KAI_DEB="fonts-lxgw-wenkai"
KAI_VER="1.250+repack-1"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
# Note: run as root, apt-get download prints a harmless "Download is performed
# unsandboxed as root" warning (the _apt user cannot write into the temp dir).

cd "$TMP"

echo ">> npm pack $SERIF_PKG $SANS_PKG"
npm pack --silent "$SERIF_PKG" "$SANS_PKG" >/dev/null
mkdir serif sans
tar -xzf expo-google-fonts-noto-serif-sc-0.4.3.tgz -C serif
tar -xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz -C sans

echo ">> apt-get download $KAI_DEB=$KAI_VER"
apt-get download "$KAI_DEB=$KAI_VER" >/dev/null
mkdir kai
dpkg-deb -x "${KAI_DEB}_${KAI_VER}_all.deb" kai
KAI_TTF="$(find kai/usr/share/fonts -type f -name 'LXGWWenKai-Regular.ttf' | head -n1)"
[ -n "$KAI_TTF" ] || { echo "LXGWWenKai-Regular.ttf not found in $KAI_DEB" >&2; exit 1; }

echo ">> apt-get download fonts-hanazono=20170904-2.1"
apt-get download "fonts-hanazono=20170904-2.1" >/dev/null
mkdir hana
dpkg-deb -x "fonts-hanazono_20170904-2.1_all.deb" hana

mkdir -p "$FONTS"
cp hana/usr/share/fonts/truetype/hanazono/HanaMinB.ttf     "$FONTS/HanaMinB.ttf"
cp serif/package/400Regular/NotoSerifSC_400Regular.ttf "$FONTS/NotoSerifSC-Regular.ttf"
cp serif/package/700Bold/NotoSerifSC_700Bold.ttf       "$FONTS/NotoSerifSC-Bold.ttf"
cp sans/package/700Bold/NotoSansSC_700Bold.ttf         "$FONTS/NotoSansSC-Bold.ttf"
cp "$KAI_TTF"                                          "$FONTS/LXGWWenKai-Regular.ttf"

echo ">> sha256sum -c"
cd "$FONTS"
sha256sum -c <<'SUMS'
c358a69de3df5f423a8946a7b03e3126fb6ba116f1130a463455b4e39e1f0742  NotoSerifSC-Regular.ttf
9c6a2ba736e4b499c84f65ce366bd3625c0401885fd3e585ace50fb738b96ff6  NotoSerifSC-Bold.ttf
9a38ae0ab28cd5a256f9ea8e00dedc688aac17f7915fcb000572990afa956b96  NotoSansSC-Bold.ttf
bbf534b0ca093928f94d1782855e65a19a32cde82b075d495d072025521953c8  LXGWWenKai-Regular.ttf
829543436cdf7b4c6730e2af5806fa406f8ddf0d4b656e0cd49c58d4db1c8d3c  HanaMinB.ttf
SUMS
echo ">> fonts/ re-derived and verified"
