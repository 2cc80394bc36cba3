"""Our cleaner against trafilatura: F1 and pages/second on two page sets, same run.

    .venv/bin/python bench/cleaning.py [--repeat 3] [--aeb DIR] [--pages DIR]

- dev pages: every HTML page under corpora/ with a ``.snippets.json`` file (our site
  templates with inline teaser blocks); scored by must / must-not snippets, and the number
  of chrome snippets that leaked is printed;
- Zyte article-extraction benchmark (181 real pages; bundled in bench/data/zyte-aeb, MIT);
  scored by word 4-gram overlap with the gold article body.

The scoring follows ../shared/benchmarks/evaluate_cleaning.py; to cross-check with it:
    python ../shared/benchmarks/evaluate_cleaning.py --dataset bench/data/zyte-aeb \
        -e ours=py:bench/cleaning.py:ours_text -e trafilatura=py:bench/cleaning.py:trafilatura_text
Pages/second is the cleaning call alone (bytes in, text out), the median of --repeat passes.
Record the figures in the README.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from pipeline.clean import clean_html
from pipeline.clean.scoring import load_body_benchmark, score_bodies, score_snippets, snippet_files
from pipeline.errors import OncoEvidenceError
from pipeline.settings import CORPORA_DIR, PROJECT_ROOT

AEB_DIR = PROJECT_ROOT / "bench" / "data" / "zyte-aeb"


def ours(data: bytes | str):
    """Our cleaner; a page it rejects as empty counts as empty output."""
    try:
        return clean_html(data)
    except OncoEvidenceError:
        return ""


def ours_text(html: str) -> str:
    result = ours(html)
    return result if isinstance(result, str) else result.text


def trafilatura_text(data: bytes | str) -> str:
    """trafilatura 2.x with its defaults (tables kept, comments dropped: the article only)."""
    return trafilatura.extract(data, include_comments=False) or ""


CLEANERS: dict[str, Callable] = {"onco-evidence": ours, "trafilatura": trafilatura_text}


def pages_per_second(clean: Callable, pages: list[bytes], repeat: int) -> float:
    rates = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for data in pages:
            clean(data)
        rates.append(len(pages) / (time.perf_counter() - t0))
    return statistics.median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=CORPORA_DIR,
                        help="folder searched for *.snippets.json (default: corpora/)")
    parser.add_argument("--aeb", type=Path, default=AEB_DIR,
                        help="Zyte benchmark folder (ground-truth.json + html/)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (median reported)")
    args = parser.parse_args()

    files = snippet_files(args.pages)
    dev_pages = [(f.parent / f.name.removesuffix(".snippets.json")).read_bytes() for f in files]
    aeb = load_body_benchmark(args.aeb)
    print(f"dev pages: {len(dev_pages)} ({args.pages})   Zyte benchmark: {len(aeb)} pages ({args.aeb})")
    print(f"{'cleaner':16}{'set':8}{'P':>7}{'R':>7}{'F1':>7}{'leaks':>7}{'pages/s':>9}")
    for name, clean in CLEANERS.items():
        dev = score_snippets(args.pages, clean)
        dev_rate = pages_per_second(clean, dev_pages, args.repeat)
        print(f"{name:16}{'dev':8}{dev.precision:7.3f}{dev.recall:7.3f}{dev.f1:7.3f}"
              f"{dev.fp:7d}{dev_rate:9.1f}")
        body = score_bodies(aeb, clean)
        aeb_rate = pages_per_second(clean, [data for _, data, _ in aeb], args.repeat)
        print(f"{name:16}{'zyte':8}{body.precision:7.3f}{body.recall:7.3f}{body.f1:7.3f}"
              f"{'':>7}{aeb_rate:9.1f}")


if __name__ == "__main__":
    main()
