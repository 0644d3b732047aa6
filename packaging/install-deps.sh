#!/usr/bin/env bash
# Installs the Debian 12 packages Claimlens needs to build, test and run; installs only what is missing.
# Usage: packaging/install-deps.sh [--gui-tools] [--packaging] [--fuzz]
#   --gui-tools adds Xvfb/xdotool/imagemagick for screenshots; --packaging what builds and checks
#   the .deb (dpkg-shlibdeps, lintian, desktop-file-validate, appstreamcli); --fuzz clang and its
#   libFuzzer and sanitizer runtimes
set -euo pipefail

packages=(
  build-essential cmake pkg-config git python3
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-svg-dev libqt6svg6 qt6-qpa-plugins
  libsqlite3-dev libuchardet-dev libgumbo-dev libpoppler-qt6-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libgl1-mesa-dev libxkbcommon-dev fonts-dejavu-core fonts-wqy-microhei
)
for option in "$@"; do
  case $option in
    --gui-tools) packages+=(xvfb xauth xdotool imagemagick) ;;
    --packaging) packages+=(dpkg-dev file lintian desktop-file-utils appstream) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    *) echo "install-deps: unknown option $option" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
