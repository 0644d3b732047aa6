#!/usr/bin/env bash
# Kill -9 trials: ingests a corpus, kills the ingest at a random moment, checks the database
# (SQLite's integrity check, the full-text index's own check, no document without its blocks and
# sentences), runs the ingest again to the end and compares its export with a clean run's.
# Usage: tests/tools/kill-trials.sh [TRIALS] [BUILD_DIR]    (default 10 trials, build/)
# Exits 1 at the first trial that loses, corrupts or half-writes anything.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
trials=${1:-10}
build=${2:-$root/build}
cli="$build/app/claimlens-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A corpus whose ingest lasts long enough to be killed in the middle of a batch: the synthetic
# articles, with the saved pages and PDFs of the test data among them.
"$build/tests/bench/claimlens-bench" --generate "$work/corpus" --docs "${KILL_TRIALS_DOCS:-2000}" >/dev/null
cp -r "$root/tests/data/html" "$root/tests/data/pdf" "$work/corpus/"

check() {  # check DB: claimlens-cli check (integrity, foreign keys, full-text index, no half-written document)
  if [[ $(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM sqlite_master WHERE name = 'documents'\").fetchone()[0])" "$1") == 0 ]]; then
    return 0  # killed before the schema was made: nothing stored, nothing to lose
  fi
  "$cli" --db "$1" check 2>&1 >/dev/null
}

start=$(date +%s%N)
"$cli" --db "$work/clean.sqlite" ingest --quiet "$work/corpus" >/dev/null 2>"$work/clean.err" || true  # the bad test files are skipped by name
clean_ms=$(( ($(date +%s%N) - start) / 1000000 ))
"$cli" --db "$work/clean.sqlite" export --format json --out "$work/clean.json"
check "$work/clean.sqlite"
echo "clean ingest: ${clean_ms} ms"

for ((i = 1; i <= trials; i++)); do
  rm -f "$work"/trial.sqlite*
  delay=$(( RANDOM % (clean_ms > 0 ? clean_ms : 1) ))
  "$cli" --db "$work/trial.sqlite" ingest --quiet "$work/corpus" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '0.%03d' $((delay % 1000)))"
  sleep $((delay / 1000))
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  stored=0
  if [[ -f "$work/trial.sqlite" ]]; then
    if ! problem=$(check "$work/trial.sqlite"); then
      echo "trial $i (killed after ${delay} ms): $problem" >&2
      exit 1
    fi
    stored=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM documents').fetchone()[0])" "$work/trial.sqlite" 2>/dev/null) || stored=0
  fi
  "$cli" --db "$work/trial.sqlite" ingest --quiet "$work/corpus" >/dev/null 2>&1 || true
  "$cli" --db "$work/trial.sqlite" export --format json --out "$work/trial.json"
  if ! cmp -s "$work/clean.json" "$work/trial.json"; then
    echo "trial $i (killed after ${delay} ms, $stored documents stored): the rerun's export differs from a clean run's" >&2
    exit 1
  fi
  echo "trial $i: killed after ${delay} ms with $stored documents stored; database sound, rerun equal to a clean run"
done
echo "kill-trials: $trials trials, 0 lost, corrupted or half-written documents"
