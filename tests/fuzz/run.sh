#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, in build-fuzz/) and runs each for SECONDS,
# seeded from tests/data; the corpora grow in build-fuzz/corpus/<target> from run to run.
# Prints the executions of each target; exits 1 if any target found a crash (its input is kept
# in build-fuzz/crashes/<target>/ to become a regression test).
# Usage: tests/fuzz/run.sh [SECONDS] [TARGET...]   (default 60 s; targets Article Html Pdf Date Search)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(Article Html Pdf Date Search)
"$root/packaging/install-deps.sh" --fuzz
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DCLAIMLENS_FUZZ=ON \
  -DCLAIMLENS_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --parallel "${JOBS:-$(nproc)}" >/dev/null

seed() {  # seed TARGET: the inputs a target starts from
  local dir="$build/corpus/$1"
  mkdir -p "$dir"
  case $1 in
    Article) cp "$root"/tests/data/articles/*.txt "$root"/tests/data/chinese/*.txt "$dir/" 2>/dev/null || true ;;
    Html) find "$root/tests/data/html" -name '*.html' -exec cp {} "$dir/" \; ;;
    Pdf) find "$root/tests/data/pdf" -name '*.pdf' -exec cp {} "$dir/" \; ;;
    Date)
      printf 'June 6, 2024' >"$dir/1"; printf 'Published 4 Jul 2024 10:00 BST' >"$dir/2"; printf '05/06/2024' >"$dir/3"
      printf 'last year, two weeks ago and the next day' >"$dir/4"; printf '/ 4th July 2024 / Tech' >"$dir/5" ;;
    Search)
      printf '"a phrase" word* OR NOT -x:y' >"$dir/1"; printf '华为 芯片*' >"$dir/2"; printf 'a* b* c* "' >"$dir/3" ;;
  esac
}

status=0
total=0
for t in "${targets[@]}"; do
  seed "$t"
  mkdir -p "$build/crashes/$t"
  log="$build/fuzz-$t.log"
  set +e
  ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$build/tests/fuzz/claimlens-fuzz-$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$build/crashes/$t/" "$build/corpus/$t" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  total=$((total + ${runs:-0}))
  if ((rc != 0)); then
    echo "fuzz $t: FAILED after ${runs:-?} executions (see $log; input in $build/crashes/$t/)"
    grep -m3 -E 'ERROR|runtime error|SUMMARY' "$log" || true
    status=1
  else
    echo "fuzz $t: ${runs} executions, no crash"
  fi
done
echo "fuzz: $total executions in all"
exit $status
