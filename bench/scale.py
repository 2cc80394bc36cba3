"""Throughput, scaling and memory on a large generated corpus in the dev corpus's site templates.

    .venv/bin/python bench/scale.py [--articles 1000] [--words 300-3000] [--workers 2]

Generates N HTML articles: each is one of the cleaning corpus's pages (corpora/pages, ten
site templates with their chrome) with paragraphs from the tuning corpus and the seed
added to its body until it reaches a word count drawn from --words, and its own canonical
URL. Then reports, on this machine:

- cleaning pages/second, ours and trafilatura's, on the same pages (first 500);
- NLP tokens/second on one core (the spaCy pipeline alone, on the cleaned texts);
- end-to-end `extract` (read, clean, extract, write every output) in articles/second with
  --workers processes and with one;
- where one process spends its time (clean / NLP + rows / writing), and the NLP stage's
  time by spaCy component, on the first 300;
- peak resident memory of `onco-evidence extract` (run as a subprocess) and of its largest
  worker process, and the peak PSS of the whole process tree (shared pages counted once);
  outputs are streamed, so none of them should grow with --articles.

Run it with --articles 1000 and --articles 10000 to see how time grows. Record the figures
in the README. --articles 20 is the smoke run CI does (tests/test_bench.py).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGES_SAMPLE = 500
PROFILE_SAMPLE = 300


def donor_paragraphs() -> list[str]:
    """Paragraphs of the tuning corpus and the seed (never the held-out split)."""
    from pipeline.process import discover_inputs, load_article
    from pipeline.settings import CORPORA_DIR

    paragraphs = []
    for path in discover_inputs([CORPORA_DIR / "dev" / "tune", CORPORA_DIR / "seed"]):
        paragraphs += [p for p in load_article(path).paragraphs if len(p.split()) >= 25]
    return paragraphs


def generate(folder: Path, n: int, words: tuple[int, int], seed: int = 7) -> list[Path]:
    """N pages in the cleaning corpus's templates, each with its own URL and length."""
    import html

    from pipeline.clean.scoring import snippet_files
    from pipeline.schema import SnippetFile
    from pipeline.settings import CORPORA_DIR

    rng = random.Random(seed)
    templates = []
    for gold_path in snippet_files(CORPORA_DIR / "pages"):
        gold = SnippetFile.model_validate_json(gold_path.read_text(encoding="utf-8"))
        page = (gold_path.parent / gold.input).read_bytes().decode("utf-8", "replace")
        anchor = html.escape(gold.must[0][:40], quote=False)
        at = page.find(anchor)
        close = page.find("</p>", at)
        if at >= 0 and close >= 0:  # paragraphs go in after the article's first paragraph
            templates.append((page, close + len("</p>"), len(" ".join(gold.must).split())))
    donors = donor_paragraphs()
    paths = []
    for i in range(n):
        page, cut, base_words = templates[i % len(templates)]
        target = rng.randint(*words)
        extra, count = [], base_words
        while count < target:
            paragraph = rng.choice(donors)
            extra.append(f"<p>{html.escape(paragraph, quote=False)}</p>")
            count += len(paragraph.split())
        body = page[:cut] + "\n" + "\n".join(extra) + page[cut:]
        body = re.sub(r'(<link rel="canonical" href="[^"]*)"', rf'\1?copy={i}"', body)
        body = re.sub(r'(<meta property="og:url" content="[^"]*)"', rf'\1?copy={i}"', body)
        path = folder / f"page-{i:05d}.html"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


#: ``onco-evidence extract`` in a fresh interpreter that reports, on its last stderr line,
#: its own peak RSS (VmHWM: ru_maxrss would count this bench's memory, inherited through
#: fork and exec) and its largest child's (the workers, forked while it was still small).
_EXTRACT = ("import re, resource, sys\n"
            "from pipeline.cli import main\n"
            "rc = main(sys.argv[1:])\n"
            "with open('/proc/self/status') as status:\n"
            "    hwm = re.search(r'VmHWM:\\s+(\\d+)', status.read()).group(1)\n"
            "print(hwm, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(rc)\n")


def run_extract(corpus: Path, out: Path, workers: int) -> tuple[float, int, float, float, float]:
    """Seconds, rows written, peak RSS in MB of the extract process and of its largest
    worker, and the peak of the whole process tree's PSS (proportional set size: pages
    shared between the processes, such as libraries, counted once), for
    `onco-evidence extract CORPUS --out OUT --workers N`."""
    import pyarrow.parquet as pq

    t0 = time.perf_counter()
    with tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen([sys.executable, "-c", _EXTRACT, "extract", str(corpus),
                                    "--out", str(out), "--workers", str(workers), "--quiet"],
                                   stdout=subprocess.DEVNULL, stderr=err, text=True)
        peak_pss = 0
        while process.poll() is None:
            peak_pss = max(peak_pss, tree_pss_kb(process.pid))
            time.sleep(0.25)
        seconds = time.perf_counter() - t0
        err.seek(0)
        stderr = err.read()
    if process.returncode not in (0, 1):
        raise SystemExit(f"extract failed ({process.returncode}):\n{stderr[-2000:]}")
    main_kb, worker_kb = (int(v) for v in stderr.strip().splitlines()[-1].split())
    n_rows = pq.ParquetFile(out / "evidence.parquet").metadata.num_rows
    return seconds, n_rows, main_kb / 1024, worker_kb / 1024, peak_pss / 1024


def tree_pss_kb(pid: int) -> int:
    """The summed PSS of a process and its descendants now (Linux /proc), in kB."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
        except OSError:
            continue
        found = re.search(r"^Pss:\s+(\d+) kB", rollup, re.M)
        total += int(found.group(1)) if found else 0
    return total


def rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", default="300-3000", help="range of article lengths in words")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-single", action="store_true",
                        help="skip the one-worker extract run (for the largest corpora)")
    args = parser.parse_args()
    low, high = (int(w) for w in args.words.split("-"))

    import trafilatura

    from pipeline.clean import clean_html
    from pipeline.evidence import analyse
    from pipeline.export import write_outputs
    from pipeline.nlp import load_pipeline
    from pipeline.process import load_article

    tmp = Path(tempfile.mkdtemp(prefix="onco-scale-"))
    try:
        (tmp / "corpus").mkdir()
        t0 = time.perf_counter()
        paths = generate(tmp / "corpus", args.articles, (low, high))
        print(f"generated {len(paths)} pages of {low}-{high} words in "
              f"{time.perf_counter() - t0:.1f} s ({sum(p.stat().st_size for p in paths) / 1e6:.0f} MB)")

        sample = [p.read_bytes() for p in paths[:PAGES_SAMPLE]]
        for name, clean in (("ours", lambda d: clean_html(d).text),
                            ("trafilatura", lambda d: trafilatura.extract(d, include_comments=False))):
            t0 = time.perf_counter()
            for data in sample:
                clean(data)
            print(f"cleaning, {name:12}: {len(sample) / (time.perf_counter() - t0):7.1f} pages/s "
                  f"({len(sample)} pages)")

        nlp = load_pipeline()
        texts = [clean_html(d).text for d in sample]
        t0 = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
        seconds = time.perf_counter() - t0
        words = statistics.mean(len(t.split()) for t in texts)
        print(f"NLP, one core      : {tokens / seconds:9,.0f} tokens/s ({len(texts)} articles, "
              f"mean {words:.0f} words)")

        components = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
        for text in texts[:PROFILE_SAMPLE]:
            t0 = time.perf_counter()
            doc = nlp.make_doc(text)
            components["tokenizer"] += time.perf_counter() - t0
            for name, proc in nlp.pipeline:
                t0 = time.perf_counter()
                doc = proc(doc)
                components[name] += time.perf_counter() - t0
        total = sum(components.values())
        print("where the NLP stage spends its time: " + ", ".join(
            f"{k} {v / total:.0%}" for k, v in sorted(components.items(), key=lambda kv: -kv[1])
            if v / total >= 0.01) + f" ({min(len(texts), PROFILE_SAMPLE)} articles)")

        stages = {"read + clean": 0.0, "NLP + rows": 0.0, "write outputs": 0.0}
        results = []
        for path in paths[:PROFILE_SAMPLE]:
            t0 = time.perf_counter()
            article = load_article(str(path))
            t1 = time.perf_counter()
            results.append(analyse(article, nlp=nlp))
            stages["read + clean"] += t1 - t0
            stages["NLP + rows"] += time.perf_counter() - t1
        t0 = time.perf_counter()
        write_outputs([r for res in results for r in res.rows], [r.record for r in results],
                      tmp / "profile-out")
        stages["write outputs"] = time.perf_counter() - t0
        total = sum(stages.values())
        print("where one process spends its time: " + ", ".join(
            f"{k} {v / total:.0%}" for k, v in stages.items()) + f" ({len(results)} articles)")

        for workers in sorted({args.workers} | (set() if args.no_single else {1}), reverse=True):
            seconds, n_rows, main_mb, worker_mb, pss_mb = run_extract(
                tmp / "corpus", tmp / f"out-{workers}", workers)
            print(f"extract, {workers} worker(s): {len(paths) / seconds:7.1f} articles/s "
                  f"({len(paths)} articles, {n_rows} rows, {seconds:.1f} s); peak RSS "
                  f"{main_mb:.0f} MB" + (f" + {workers} x {worker_mb:.0f} MB (workers)"
                                         if workers > 1 else "")
                  + f"; peak PSS of the whole run {pss_mb:.0f} MB")
        print(f"peak RSS of this process (cleaning, NLP and profile above): "
              f"{rss_mb(resource.RUSAGE_SELF):.0f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
