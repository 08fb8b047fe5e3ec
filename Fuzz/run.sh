#!/usr/bin/env bash
# Fuzz dixit for SECONDS (default 60) with libFuzzer.
#
#   Fuzz/run.sh [SECONDS]
#
# Two builds of the `dixit-fuzz` target under .build-fuzz/ (never the normal .build):
#  1. release, -sanitize=fuzzer,address: the fast run (about 3/4 of the time);
#  2. debug (-Onone), -sanitize=fuzzer,address: the "undefined behaviour" run.
#     Swift has no -sanitize=undefined on Linux ("unsupported option"); what UBSan
#     checks in C (overflow, out-of-bounds, bad unwrap, overlapping access) Swift
#     traps on by itself, and the debug build adds every assert() and precondition.
# The corpus starts from seeds/ and ../shared/eval/dev/*.txt, copied at run time
# into a directory under .build-fuzz/ (kept between runs, never committed).
# Exits non-zero on any crash, sanitizer report, hang (> 10 s an input) or broken
# invariant; the input is saved under .build-fuzz/artifacts/ and printed as a
# Swift literal to paste into Tests/DixitKitTests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scratch=.build-fuzz
flags=(--scratch-path "$scratch" --product dixit-fuzz
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
       -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld)

corpus="$scratch/corpus"
artifacts="$scratch/artifacts"
mkdir -p "$corpus" "$artifacts"
seed_dir=$(mktemp -d)
trap 'rm -rf "$seed_dir"' EXIT
cp seeds/*.txt "$seed_dir"/
if compgen -G "../shared/eval/dev/*.txt" >/dev/null; then cp ../shared/eval/dev/*.txt "$seed_dir"/; fi

status=0
run() { # run CONFIG SECONDS
  local config=$1 secs=$2
  echo "== build ($config, fuzzer+address)"
  swift build -c "$config" "${flags[@]}" 2>&1 | grep -E "error|warning: unre|Compiling|Build" | tail -n 3
  local bin="$scratch/$config/dixit-fuzz"
  echo "== fuzz $config for ${secs}s"
  local log="$scratch/fuzz-$config.log"
  # -workers=1 -jobs=1: the machine's two cores are shared.
  if ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 "$bin" "$corpus" "$seed_dir" \
      -max_total_time="$secs" -timeout=10 -rss_limit_mb=3072 -max_len=20000 \
      -workers=1 -jobs=1 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1; then
    grep -E "^stat::number_of_executed_units|^Done" "$log" | tail -n 2
  else
    status=1
    echo "FUZZ FAILURE ($config): see $log"
    grep -E "ERROR|invariant broken|Fatal error|SUMMARY|Test unit written" "$log" | head -n 10
    local crash
    crash=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -n 1 | sed 's/Test unit written to //')
    if [ -n "$crash" ] && [ -f "$crash" ]; then
      echo "As a Swift literal for a regression test:"
      python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); print("[" + ", ".join("0x%02X" % b for b in d[:4096]) + "]" + (" // truncated" if len(d) > 4096 else ""))' "$crash"
    fi
  fi
}

fast=$(( seconds * 3 / 4 ))
run release "$fast"
run debug $(( seconds - fast ))
[ "$status" = 0 ] && echo "fuzzing: no crash in ${seconds}s" || echo "fuzzing: FAILED"
exit "$status"
