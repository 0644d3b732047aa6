#!/usr/bin/env bash
# Configures and builds Claimlens in build/ (shared by start.sh and test.sh).
# Environment: BUILD_DIR (default build), BUILD_TYPE (default RelWithDebInfo), JOBS (default nproc),
# CMAKE_ARGS (extra arguments, e.g. -DCLAIMLENS_SANITIZE=ON). With CI set, warnings are errors.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
# shellcheck disable=SC2086
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" --parallel "${JOBS:-$(nproc)}" "$@"
