#!/bin/sh
# Scores dixit on the invented articles of eval/own (all, fr, en) with the
# shared scorer, when ../shared is present. Prints the scorer's summary lines.
# Usage: scripts/score_own.sh [--no-build]
set -eu
cd "$(dirname "$0")/.."
SCORER=../shared/eval/score.py
if [ ! -f "$SCORER" ]; then
    echo "score_own: $SCORER not found; nothing to score" >&2
    exit 0
fi
if [ "${1:-}" != "--no-build" ]; then
    swift build -c release --product dixit >/dev/null
fi
PRED=$(mktemp "${TMPDIR:-/tmp}/dixit-own.XXXXXX.json")
trap 'rm -f "$PRED"' EXIT
.build/release/dixit export --no-cache eval/own > "$PRED" 2>/dev/null
for LANG_ARG in "" fr en; do
    if [ -n "$LANG_ARG" ]; then
        echo "== eval/own --lang $LANG_ARG"
        python3 "$SCORER" eval/own "$PRED" --lang "$LANG_ARG"
    else
        echo "== eval/own (all)"
        python3 "$SCORER" eval/own "$PRED"
    fi
done | grep -E '^(==|quote |attributed|indirect|entity|speaker|summary)'
