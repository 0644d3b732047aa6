#!/usr/bin/env bash
# Builds the .deb, checks it (lintian errors, desktop entry, AppStream metainfo), installs it with
# dpkg, uses the installed programs from /usr/bin with the build folder out of reach, then removes
# the package. Needs root or sudo (CI runs as root). Run by .ci/run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "check-package: needs root or sudo to install the package" >&2; exit 1; }
  sudo="sudo"
fi

deb=$("$root/packaging/deb.sh" | tail -1)
echo "package: $deb"

echo "-- lintian"
lintian_out=$(lintian "$deb" 2>&1 | grep -v "running with root privileges" || true)
[[ -n "$lintian_out" ]] && echo "$lintian_out"
if grep -q '^E:' <<<"$lintian_out"; then
  echo "check-package: lintian reports errors" >&2
  exit 1
fi
work=$(mktemp -d)
dpkg-deb -x "$deb" "$work/root"
echo "-- desktop-file-validate"
desktop-file-validate "$work/root/usr/share/applications/io.github.claimlens.Claimlens.desktop"
echo "-- appstreamcli validate"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/io.github.claimlens.Claimlens.metainfo.xml"

echo "-- install"
away=""
cleanup() {
  [[ -n "$away" && -d "$away" ]] && mv "$away" "$build"
  $sudo dpkg -r claimlens >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
$sudo dpkg -i "$deb"
# The build folder out of reach: what runs now is only what the package installed.
away="$build.away-$$"
mv "$build" "$away"
run() { (cd / && env -i PATH=/usr/bin:/bin HOME="$work/home" "$@"); }
mkdir -p "$work/home"
run /usr/bin/claimlens-cli --version | tee "$work/version"
grep -q '^data: /usr/share/claimlens$' "$work/version" || { echo "check-package: the installed program does not read /usr/share/claimlens" >&2; exit 1; }
run /usr/bin/claimlens --version
run /usr/bin/claimlens-cli --db "$work/sample.sqlite" ingest /usr/share/claimlens/sample-corpus | tee "$work/ingest"
grep -q ' 10 imported' "$work/ingest" || { echo "check-package: the installed sample corpus did not ingest" >&2; exit 1; }
run /usr/bin/claimlens-cli --db "$work/sample.sqlite" list companies | head -3
# The window starts on the offscreen platform and keeps running until stopped.
status=0
run QT_QPA_PLATFORM=offscreen timeout 10 /usr/bin/claimlens "$work/sample.sqlite" || status=$?
[[ $status -eq 124 ]] || { echo "check-package: the installed window exited with $status instead of running" >&2; exit 1; }
echo "-- remove"
mv "$away" "$build"
away=""
$sudo dpkg -r claimlens
[[ ! -e /usr/bin/claimlens-cli ]] || { echo "check-package: /usr/bin/claimlens-cli left behind" >&2; exit 1; }
echo "check-package: ok"
