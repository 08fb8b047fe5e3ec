#!/usr/bin/env python3
"""Times a spaCy pipeline over article files: the Python side of spacy_compare.sh.

Prints one JSON object: model, files, bytes, and for each process count the seconds
and MB/s of nlp.pipe over the files' texts (model loading and a warm-up excluded).

The warm-up is one whole pass over the texts: spaCy fills its vocabulary, lexeme and
tokenizer caches lazily, and its first pass over a set of articles runs about 1.5 times
slower than the next ones. Timing that pass would flatter the comparison (and make two
processes, forked after it with warm caches, look more than twice as fast as one).
"""
import argparse
import json
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--processes", default="1,2", help="comma-separated n_process values")
    ap.add_argument("--repeat", type=int, default=2, help="runs per process count; the fastest is kept")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    import spacy

    texts, size = [], 0
    for path in args.files:
        with open(path, "rb") as f:
            raw = f.read()
        size += len(raw)
        texts.append(raw.decode("utf-8", errors="replace"))

    if args.model == "blank:fr":
        nlp = spacy.blank("fr")
    else:
        nlp = spacy.load(args.model)
    for _ in nlp.pipe(texts, batch_size=8):  # warm-up: see the module comment
        pass

    runs = {}
    for n in [int(x) for x in args.processes.split(",")]:
        best = None
        best_cpu = None
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            c0 = time.process_time()
            docs = 0
            ents = 0
            for doc in nlp.pipe(texts, batch_size=8, n_process=n):
                docs += 1
                ents += len(doc.ents)
            dt = time.perf_counter() - t0
            dc = time.process_time() - c0
            best = dt if best is None else min(best, dt)
            best_cpu = dc if best_cpu is None else min(best_cpu, dc)
        # CPU time is this process's only: meaningful for n_process=1.
        runs[str(n)] = {"seconds": best, "mb_per_s": size / 1e6 / best, "cpu_seconds": best_cpu,
                        "mb_per_cpu_s": size / 1e6 / best_cpu if best_cpu else 0, "docs": docs, "entities": ents}
    print(json.dumps({"model": args.model, "spacy": spacy.__version__, "pipes": nlp.pipe_names,
                      "files": len(texts), "bytes": size, "runs": runs}))


if __name__ == "__main__":
    sys.exit(main())
