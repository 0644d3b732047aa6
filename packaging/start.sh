#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the explorer: installs what is missing, builds,
# reads the bundled sample corpus into the default database when that is empty, and starts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/install-deps.sh"
"$root/packaging/build.sh" --target claimlens-cli
cli="${BUILD_DIR:-$root/build}/app/claimlens-cli"

documents=$("$cli" stats | awk '/^documents:/ {print $2}')
if [[ "${documents:-0}" == "0" ]]; then
  echo "Reading the sample corpus into the default database..."
  "$cli" ingest "$root/resources/sample-corpus"
fi
# The explorer window arrives with the GUI issue; until then the start command shows what is stored.
"$cli" stats
"$cli" list documents
