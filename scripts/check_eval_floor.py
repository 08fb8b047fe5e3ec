#!/usr/bin/env python3
"""Scores an export against the dev gold and compares each figure with eval/floor.json.

Usage: check_eval_floor.py GOLD_DIR EXPORT.json FLOOR.json [--scorer SCORE.py] [--update]

The scorer defaults to score.py beside GOLD_DIR (../shared/eval/score.py for the
dev set).

Exits 1 when any figure is more than 0.01 below its floor, or when the scorer
reports problems. --update writes the current figures (rounded down to 0.01) as
the new floors where they are higher.
"""
import json
import math
import os
import subprocess
import sys

TOLERANCE = 0.01


def figures(score_py, gold, export, lang):
    cmd = [sys.executable, score_py, gold, export, "--json"]
    if lang != "all":
        cmd += ["--lang", lang]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    s = json.loads(out)
    return {
        "quote": s["quote"]["f"],
        "attributed": s["attributed"]["f"],
        "speaker_accuracy": s.get("speaker_accuracy", s.get("speaker accuracy", 0.0)),
        "indirect": s["indirect"]["f"],
        "entity": s["entity"]["f"],
    }, s.get("problems", [])


def main(argv):
    if len(argv) < 4:
        print(__doc__)
        return 2
    gold, export, floor_path = argv[1:4]
    update = "--update" in argv
    score_py = os.path.join(os.path.dirname(os.path.abspath(gold)), "score.py")
    if "--scorer" in argv:
        score_py = argv[argv.index("--scorer") + 1]
    with open(floor_path, encoding="utf-8") as fh:
        floor = json.load(fh)
    failed = 0
    checked = 0
    for lang in ("all", "fr", "en"):
        got, problems = figures(score_py, gold, export, lang)
        if problems:
            print(f"{lang}: scorer problems: {problems}")
            failed += 1
        for key, value in got.items():
            want = floor.get(lang, {}).get(key, 0.0)
            ok = value >= want - TOLERANCE
            checked += 1
            status = "ok  " if ok else "FAIL"
            print(f"{status} {lang:3} {key:17} {value:.3f} (floor {want:.2f})")
            if not ok:
                failed += 1
            if update:
                floor.setdefault(lang, {})[key] = max(want, math.floor(value * 100) / 100)
    if update:
        with open(floor_path, "w", encoding="utf-8") as fh:
            json.dump(floor, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    print(f"eval floor: {checked - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
