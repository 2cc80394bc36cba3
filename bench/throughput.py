"""Throughput of the NLP stage and of clean+extract, on one core, with peak memory.

    .venv/bin/python bench/throughput.py [--copies 200] [FOLDER ...] [--exclude FOLDER ...]
                                         [--profile]

The batch is every article under the FOLDERs (default: corpora/, its held-out and sealed
splits included; cleaned once), repeated --copies times. Prints tokens/second for the spaCy
pipeline alone, articles/second for clean + NLP + rows, and the process's peak resident
memory. Record the figures in the README. To time the NLP without reading the held-out or
sealed texts: ``--exclude corpora/dev/holdout --exclude corpora/dev/sealed``.
``--profile`` also prints the CPU time of each pipeline component (the tokenizer included)
over the same batch, run document by document.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import Counter
from pathlib import Path

from spacy.language import Language

from pipeline.evidence import analyse
from pipeline.nlp import load_pipeline
from pipeline.process import discover_inputs, load_article
from pipeline.settings import CORPORA_DIR


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200, help="times the corpus is repeated")
    parser.add_argument("folders", nargs="*", type=Path, default=[CORPORA_DIR], metavar="FOLDER",
                        help="folders of articles to read (default: corpora/, every split "
                             "included)")
    parser.add_argument("--exclude", action="append", type=Path, default=[], metavar="FOLDER",
                        help="leave out the articles under FOLDER; repeatable, e.g. "
                             "--exclude corpora/dev/holdout --exclude corpora/dev/sealed")
    parser.add_argument("--profile", action="store_true",
                        help="also print the CPU time of each pipeline component")
    args = parser.parse_args()
    excluded = [folder.resolve() for folder in args.exclude]
    inputs = [p for p in discover_inputs(args.folders)
              if not any(Path(p).resolve().is_relative_to(folder) for folder in excluded)]
    if not inputs:
        parser.error("no articles left to read")

    t0 = time.perf_counter()
    nlp = load_pipeline()
    load_s = time.perf_counter() - t0
    articles = [load_article(p) for p in inputs]
    unique = [a.text for a in articles]
    texts = unique * args.copies

    # First pass over distinct articles: nothing cached (the drug linker remembers words).
    t0 = time.perf_counter()
    cold_tokens = sum(len(doc) for doc in nlp.pipe(unique, batch_size=64))
    cold_s = time.perf_counter() - t0

    t0, cpu0 = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    nlp_s, nlp_cpu_s = time.perf_counter() - t0, time.process_time() - cpu0

    batch = articles * max(1, args.copies // 4)
    t0 = time.perf_counter()
    rows = sum(len(analyse(a, nlp=nlp).rows) for a in batch)
    extract_s = time.perf_counter() - t0

    if args.profile:
        print_profile(nlp, texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pipeline load: {load_s:.2f} s")
    print(f"NLP stage, first pass: {len(unique)} docs, {cold_tokens} tokens in {cold_s:.2f} s = "
          f"{cold_tokens / cold_s:,.0f} tokens/s")
    print(f"NLP stage: {len(texts)} docs, {tokens} tokens in {nlp_s:.2f} s = "
          f"{tokens / nlp_s:,.0f} tokens/s ({tokens / nlp_cpu_s:,.0f} per CPU second: "
          "the figure to compare on a shared machine)")
    print(f"extract (NLP + rows): {len(batch)} articles, {rows} rows in {extract_s:.2f} s = "
          f"{len(batch) / extract_s:,.1f} articles/s")
    print(f"peak RSS: {peak_mb:,.0f} MB")


def print_profile(nlp: Language, texts: list[str]) -> None:
    """CPU seconds of the tokenizer and of each component over ``texts``, and their shares."""
    spent: Counter[str] = Counter()
    tokens = 0
    clock = time.process_time
    for text in texts:
        t0 = clock()
        doc = nlp.make_doc(text)
        spent["tokenizer"] += clock() - t0
        for name, component in nlp.pipeline:
            t0 = clock()
            doc = component(doc)
            spent[name] += clock() - t0
        tokens += len(doc)
    total = sum(spent.values())
    print(f"CPU time by component, {len(texts)} docs, {tokens} tokens, {total:.2f} s "
          f"({tokens / total:,.0f} tokens per CPU second):")
    for name, seconds in spent.most_common():
        print(f"  {name:<22} {seconds:7.2f} s {100 * seconds / total:5.1f}%")


if __name__ == "__main__":
    main()
