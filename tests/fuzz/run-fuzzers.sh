#!/bin/sh
# Runs every libFuzzer target for SECONDS each (default 10) from its seed
# corpus. ./test runs it briefly; for a long run:
#   tests/fuzz/run-fuzzers.sh 600
# A second argument runs only the targets named (e.g. "catalog json");
# EMITRA_FUZZ_BUILD picks another build directory than _build-fuzz.
set -eu
seconds=${1:-10}
only=${2:-}
top=$(cd "$(dirname "$0")/../.." && pwd)
build="${EMITRA_FUZZ_BUILD:-$top/_build-fuzz}"
cd "$top"

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true -Dtests=enabled -Db_sanitize=address,undefined \
    -Db_lundef=false >/dev/null
fi
targets=${only:-$(sed -n "/^fuzz_targets = \[/,/^\]/p" tests/fuzz/meson.build | grep -o "'[a-z-]*'" | tr -d "'")}
# Regenerate first: a target added since the last configure is unknown to
# "meson compile" until then.
ninja -C "$build" build.ninja >/dev/null
for t in $targets; do
  meson compile -C "$build" "fuzz-$t" >"$build/compile-$t.log" 2>&1 || {
    echo "FAILED fuzz-$t: it does not build; see $build/compile-$t.log"; tail -20 "$build/compile-$t.log"; exit 1; }
done

status=0
for t in $targets; do
  work="$build/fuzz-corpus/$t"
  mkdir -p "$work" "$build/artifacts"
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1 \
     LSAN_OPTIONS="suppressions=$top/tests/lsan.supp" \
     "$build/tests/fuzz/fuzz-$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$build/artifacts/$t-" "$work" "tests/fuzz/corpus/$t" \
       >"$build/fuzz-$t.log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$build/fuzz-$t.log" | grep -o '[0-9]*$' || true)
    echo "ok fuzz-$t ($seconds s${runs:+, $runs runs})"
  else
    echo "FAILED fuzz-$t: see $build/fuzz-$t.log and $build/artifacts/"
    tail -30 "$build/fuzz-$t.log"
    status=1
  fi
done
exit $status
