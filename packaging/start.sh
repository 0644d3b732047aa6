#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the explorer: installs what is missing, builds, and
# starts the window on the default database (the window reads the bundled sample corpus into it
# on first start). Without a display it says so and shows what the command line reads instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/install-deps.sh"
"$root/packaging/build.sh" --target claimlens claimlens-cli
build=${BUILD_DIR:-$root/build}

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec "$build/app/claimlens" "$@"
fi
echo "No display (DISPLAY is not set): the window cannot open here. The command line reads the same database:" >&2
cli="$build/app/claimlens-cli"
documents=$("$cli" stats 2>/dev/null | awk '/^documents:/ {print $2}' || true)
if [[ "${documents:-0}" == "0" ]]; then
  echo "Reading the sample corpus into the default database..."
  "$cli" ingest "$root/resources/sample-corpus"
fi
"$cli" stats
"$cli" list documents
