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
#
# The mutations follow a fixed seed (FUZZ_SEED, default 1), so that a finding in CI
# comes again on any machine; FUZZ_SEED=random explores afresh. A run that ends in
# error without leaving an input behind (the sanitizer runtime failing to start, the
# process killed from outside) found nothing: it is run once more, and only a second
# such failure fails. Address randomisation is turned off for the fuzzer (setarch -R)
# where possible: with high-entropy layouts some kernels break ASan's start.
# Failures are repeated at the very end, where a CI log's tail shows them.
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

seed=${FUZZ_SEED:-1}
[ "$seed" = random ] && seed=0   # libFuzzer: 0 picks a seed of its own
norandom=()
if command -v setarch >/dev/null && setarch "$(uname -m)" -R true 2>/dev/null; then norandom=(setarch "$(uname -m)" -R); fi

status=0
summary=()
run() { # run CONFIG SECONDS
  local config=$1 secs=$2
  echo "== build ($config, fuzzer+address)"
  swift build -c "$config" "${flags[@]}" 2>&1 | grep -E "error|warning: unre|Compiling|Build" | tail -n 3 || true
  local bin="$scratch/$config/dixit-fuzz"
  if [ ! -x "$bin" ]; then
    status=1
    summary+=("FUZZ FAILURE ($config): the fuzzer did not build")
    return
  fi
  local log="$scratch/fuzz-$config.log"
  local attempt
  for attempt in 1 2; do
    echo "== fuzz $config for ${secs}s (seed $seed)"
    local before
    before=$(ls "$artifacts" | wc -l)
    # One process, one core (the machine's two cores are shared); no -jobs, which
    # would fork a child logging to ./fuzz-N.log.
    if ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 "${norandom[@]}" "$bin" "$corpus" "$seed_dir" \
        -seed="$seed" -max_total_time="$secs" -timeout=10 -rss_limit_mb=3072 -max_len=20000 \
        -workers=1 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1; then
      grep -E "^stat::number_of_executed_units|^Done|^#[0-9]+.*cov:" "$log" | tail -n 2
      return
    fi
    local crash
    crash=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -n 1 | sed 's/Test unit written to //' || true)
    if [ -z "$crash" ] && [ "$(ls "$artifacts" | wc -l)" = "$before" ] && [ "$attempt" = 1 ]; then
      echo "fuzz $config ended in error with no input left behind (not a finding); its log ends:"
      tail -n 5 "$log"
      echo "running it once more"
      continue
    fi
    status=1
    local lines
    lines=$(grep -E "ERROR|invariant broken|Fatal error|SUMMARY|Test unit written|DEADLYSIGNAL" "$log" | head -n 10 || true)
    [ -n "$lines" ] || lines=$(tail -n 10 "$log")
    summary+=("FUZZ FAILURE ($config), see $log:" "$lines")
    echo "FUZZ FAILURE ($config): see $log"
    echo "$lines"
    if [ -n "$crash" ] && [ -f "$crash" ]; then
      echo "As a Swift literal for a regression test:"
      python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); print("[" + ", ".join("0x%02X" % b for b in d[:4096]) + "]" + (" // truncated" if len(d) > 4096 else ""))' "$crash"
      summary+=("input: $crash")
    fi
    return
  done
}

fast=$(( seconds * 3 / 4 ))
run release "$fast"
run debug $(( seconds - fast ))
if [ "$status" = 0 ]; then
  echo "fuzzing: no crash in ${seconds}s"
else
  printf '%s\n' "${summary[@]}"
  echo "fuzzing: FAILED"
fi
exit "$status"
