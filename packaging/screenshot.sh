#!/usr/bin/env bash
# Takes the README's screenshot of the explorer: the bundled sample corpus in a fresh database,
# filtered by a company, an article open. Runs the real window under Xvfb.
# Usage: packaging/screenshot.sh [OUT.png] [COMPANY] [claimlens-screenshot options, e.g. --theme dark]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/resources/screenshots/explorer.png}
company=${2:-Huawei}
"$root/packaging/install-deps.sh" --gui-tools
"$root/packaging/build.sh" --target claimlens-cli claimlens-screenshot
build=${BUILD_DIR:-$root/build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The articles as an analyst keeps them, in a home folder of their own: the reader shows a file's
# path from the home folder (~/Articles/...), so no path of this machine appears in the picture.
mkdir -p "$work/home/Articles"
cp "$root"/resources/sample-corpus/*.txt "$work/home/Articles/"
"$build/app/claimlens-cli" --db "$work/sample.sqlite" ingest "$work/home/Articles" >/dev/null
mkdir -p "$(dirname "$out")"
HOME="$work/home" xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$build/tests/ui/claimlens-screenshot" --db "$work/sample.sqlite" --company "$company" --out "$out" "${@:3}"
