#!/usr/bin/env bash
# Builds the Debian package (build/claimlens_VERSION_ARCH.deb) with CPack, after installing what
# building it needs. Prints the package's path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/install-deps.sh" --packaging
"$root/packaging/build.sh" --target claimlens claimlens-cli claimlens_desktop_files
build=${BUILD_DIR:-$root/build}
(cd "$build" && cpack -G DEB >/dev/null)
ls -t "$build"/claimlens_*.deb | head -1
