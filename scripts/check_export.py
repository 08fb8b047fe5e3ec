#!/usr/bin/env python3
"""Checks a `dixit export --format json` document against the contract
(../shared/eval/README.md, version 1): valid JSON, the fields, and that every
span's text equals the file's text at [start:end] (code point offsets).

Usage: check_export.py EXPORT.json
"""
import json
import sys


def check_span(text, item, where, errors):
    s, e = item["start"], item["end"]
    if not (0 <= s <= e <= len(text)):
        errors.append(f"{where}: span {s}..{e} outside the text ({len(text)})")
    elif text[s:e] != item["text"]:
        errors.append(f"{where}: text[{s}:{e}] = {text[s:e]!r} but text field = {item['text']!r}")


def main(path):
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh)
    errors = []
    if doc.get("version") != 1:
        errors.append("version is not 1")
    spans = 0
    for art in doc.get("articles", []):
        for key in ("path", "title", "date", "language", "entities", "quotes"):
            if key not in art:
                errors.append(f"{art.get('path')}: missing {key}")
        with open(art["path"], encoding="utf-8", errors="strict", newline="") as fh:
            text = fh.read()
        for i, ent in enumerate(art.get("entities", [])):
            check_span(text, ent, f"{art['path']} entity {i}", errors)
            spans += 1
            if ent.get("type") not in ("PER", "ORG", "LOC", "MISC"):
                errors.append(f"{art['path']} entity {i}: bad type {ent.get('type')}")
        for i, q in enumerate(art.get("quotes", [])):
            check_span(text, q, f"{art['path']} quote {i}", errors)
            spans += 1
            if q.get("kind") not in ("direct", "partial", "indirect"):
                errors.append(f"{art['path']} quote {i}: bad kind {q.get('kind')}")
            if q.get("speakerMention"):
                check_span(text, q["speakerMention"], f"{art['path']} quote {i} speakerMention", errors)
                spans += 1
    for e in errors:
        print(e)
    print(f"export: {len(doc.get('articles', []))} articles, {spans} spans checked, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
