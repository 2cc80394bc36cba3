"""The batch recipe: inputs -> clean -> extract -> rows, with every failure recorded.

1. ``discover_inputs`` expands folders into article files; URLs and files pass through.
2. ``load_article`` reads or fetches one input and cleans it.
3. ``process_inputs`` runs the NLP stage per article; a failing input becomes a reject
   record with its reason and the batch goes on.
4. ``extract_paths`` writes the outputs (what ``onco-evidence extract`` calls).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language

from .clean import CleanArticle, clean_html, clean_text
from .encoding import decode
from .errors import InputError, OncoEvidenceError
from .evidence import ArticleResult, analyse, now_utc, stable_id
from .fetch import NotModified, fetch, is_url
from .nlp import load_pipeline
from .redaction import redacting_logger
from .report import texts_of
from .schema import ArticleRecord
from .settings import PIPELINE_VERSION
from .store import KnownPage

log = redacting_logger(__name__)

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".md"})
ARTICLE_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES

Progress = Callable[[int, int, str, ArticleResult], None]


@dataclass(frozen=True)
class RunSummary:
    """What a batch did: counts, and where the outputs are. The results themselves went to
    the outputs as they came (``extract_paths`` holds no more than a chunk of them)."""

    n_inputs: int
    n_rejected: int
    n_rows: int
    outputs: dict[str, Path] = field(default_factory=dict)


def discover_inputs(inputs: Iterable[str | Path]) -> list[str]:
    """Expand folders into their article files (README files skipped); keep URLs and files."""
    found: list[str] = []
    for item in inputs:
        text = str(item)
        path = Path(text)
        if not is_url(text) and path.is_dir():
            for child in sorted(path.rglob("*")):
                if (child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES
                        and not child.stem.upper().startswith("README")
                        and not any(part.startswith(".") for part in child.parts)):
                    found.append(child.as_posix())
        else:
            found.append(text if is_url(text) else path.as_posix())
    return list(dict.fromkeys(found))  # the same input twice is read once


def discover_sources(path: str | Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The pages a sources file names (feeds, sitemaps, URL lists, folders), and the sources
    that could not be read as (source, reason) pairs: a broken feed never stops the others."""
    from .fetch import default_fetcher
    from .sources import discover_all, load_sources

    found, failures = discover_all(load_sources(path), default_fetcher())
    items = list(dict.fromkeys(item.location for item in found))
    return items, [(f"source {name}", error.reason) for name, error in failures]


def load_article(item: str) -> CleanArticle:
    """Read or fetch one input and clean it; raises an OncoEvidenceError saying why not."""
    loaded = _read(item, None)
    assert loaded is not None  # nothing was known, so nothing is unchanged
    return loaded[0]


def _read(item: str, known: KnownPage | None) -> tuple[CleanArticle, str | None, str | None] | None:
    """The cleaned article and the page's validators, or None when the page is as ``known``
    holds it: the server answered 304 to a conditional request, or a file's bytes hash to
    the validator stored for it."""
    if is_url(item):
        conditional = known is not None and known.pipeline_version == PIPELINE_VERSION
        page = fetch(item, etag=known.etag if conditional else None,
                     last_modified=known.last_modified if conditional else None)
        if isinstance(page, NotModified):
            return None
        if page.media_type in {"text/plain", "text/markdown"}:
            article = clean_text(page.text(), source=item)
        else:
            article = clean_html(page.content, url=page.final_url, source=item,
                                 charset=page.encoding)
        return article, page.etag, page.last_modified
    path = Path(item)
    if not path.exists():
        raise InputError(f"no such file or folder: {item}")
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise InputError(f"unsupported input type {suffix or '(none)'}: {item} "
                         f"(expected {', '.join(sorted(ARTICLE_SUFFIXES))} or a URL)")
    data = path.read_bytes()
    # A file's validator is the hash of its bytes: an unchanged file is not even cleaned.
    etag = _file_etag(data)
    if known is not None and known.etag == etag and known.pipeline_version == PIPELINE_VERSION:
        return None
    if suffix in HTML_SUFFIXES:
        return clean_html(data, source=item), etag, None
    return clean_text(decode(data, media_type="text/plain")[0], source=item), etag, None


def _file_etag(data: bytes) -> str:
    return f'"sha256:{hashlib.sha256(data).hexdigest()}"'


def unchanged_files(items: Iterable[str], known: Mapping[str, KnownPage]) -> list[str]:
    """The local files among ``items`` whose bytes hash as the store last saw them (with the
    same pipeline version): a re-run can pass them by without cleaning or extracting."""
    same = []
    for item in items:
        page = known.get(item)
        if page is None or page.pipeline_version != PIPELINE_VERSION or is_url(item):
            continue
        try:
            if page.etag == _file_etag(Path(item).read_bytes()):
                same.append(item)
        except OSError:
            continue  # process_one will say why
    return same


def not_modified(item: str, known: KnownPage) -> ArticleResult:
    """The result of an input that is as the store holds it (a 304, or a file's same bytes)."""
    return ArticleResult(record=known.record.model_copy(update={"source": item}),
                         unchanged="not-modified")


def process_one(item: str, *, nlp: Language, extracted_at: dt.datetime,
                known: KnownPage | None = None) -> ArticleResult:
    """Read, clean and extract one input. With what the store ``known``s of it, a page the
    server reports unmodified, or whose cleaned text is unchanged, is not extracted again."""
    loaded = _read(item, known)
    if loaded is None:
        assert known is not None
        return not_modified(item, known)
    article, etag, last_modified = loaded
    if (known is not None and known.content_sha256 == article.content_sha256
            and known.pipeline_version == PIPELINE_VERSION):
        return ArticleResult(record=known.record.model_copy(update={"source": item}),
                             unchanged="same-text", etag=etag, last_modified=last_modified)
    result = analyse(article, nlp=nlp, extracted_at=extracted_at)
    return replace(result, etag=etag, last_modified=last_modified)


def rejected(item: str, reason: str, extracted_at: dt.datetime) -> ArticleResult:
    """The record of an input that yielded no article, with the reason."""
    return ArticleResult(record=ArticleRecord(
        article_id=stable_id(item), source=item, status="rejected", reject_reason=reason,
        extracted_at=extracted_at, pipeline_version=PIPELINE_VERSION))


#: Below this many inputs one process is faster than starting workers (each builds the
#: spaCy pipeline, ~2-4 s); measured with bench/scale.py.
MIN_PARALLEL = 200


def process_inputs(items: Sequence[str], *, nlp: Language | None = None,
                   extracted_at: dt.datetime | None = None, progress: Progress | None = None,
                   known: Mapping[str, KnownPage] | None = None,
                   workers: int = 1) -> list[ArticleResult]:
    """Clean and extract every input; failures become reject records, never a crash.

    ``known`` (from ``Store.known_pages``) makes the run incremental: what is unchanged since
    the store last saw it comes back marked ``unchanged`` instead of being extracted again.
    ``workers`` > 1 spreads the inputs over that many processes (each loads the pipeline
    once) when there are at least MIN_PARALLEL of them; results keep the inputs' order.
    ``iter_results`` is the same one result at a time.
    """
    return list(iter_results(items, nlp=nlp, extracted_at=extracted_at, progress=progress,
                             known=known, workers=workers))


def iter_results(items: Sequence[str], *, nlp: Language | None = None,
                 extracted_at: dt.datetime | None = None, progress: Progress | None = None,
                 known: Mapping[str, KnownPage] | None = None,
                 workers: int = 1) -> Iterator[ArticleResult]:
    """``process_inputs``, yielding each input's result in order as soon as it is ready."""
    known = known or {}
    extracted_at = extracted_at or now_utc()
    seen: dict[str, str] = {}
    for n, (item, result) in enumerate(
            zip(items, _results(items, nlp, extracted_at, known, workers), strict=True), start=1):
        first = seen.setdefault(result.record.article_id, item)
        if first != item and result.record.status == "ok" and not result.unchanged:
            result = rejected(item, f"duplicate of {first} (same canonical URL)", extracted_at)
        if progress:
            progress(n, len(items), item, result)
        yield result


def _results(items: Sequence[str], nlp: Language | None, extracted_at: dt.datetime,
             known: Mapping[str, KnownPage], workers: int) -> Iterator[ArticleResult]:
    if workers <= 1 or len(items) < MIN_PARALLEL:
        nlp = nlp or load_pipeline()
        for item in items:
            yield _process_guarded(item, nlp, extracted_at, known.get(item))
        return
    # spawn, not fork: the parent may hold threads (Prefect, httpx) that fork would copy
    # mid-state. Each worker builds its own pipeline on its first input.
    context = multiprocessing.get_context("spawn")
    work = functools.partial(_work, extracted_at=extracted_at)
    with context.Pool(workers) as pool:
        yield from pool.imap(work, [(item, known.get(item)) for item in items], chunksize=4)


def _work(task: tuple[str, KnownPage | None], *, extracted_at: dt.datetime) -> ArticleResult:
    item, known = task
    return _process_guarded(item, load_pipeline(), extracted_at, known)


def _process_guarded(item: str, nlp: Language, extracted_at: dt.datetime,
                     known: KnownPage | None) -> ArticleResult:
    """process_one, with every failure turned into a reject: the batch boundary."""
    try:
        return process_one(item, nlp=nlp, extracted_at=extracted_at, known=known)
    except OncoEvidenceError as e:
        return rejected(item, e.reason, extracted_at)
    except Exception as e:  # noqa: BLE001 - one bad page never stops a batch
        log.exception("unexpected error on %s", item)
        return rejected(item, f"internal error: {type(e).__name__}: {e}", extracted_at)


def extract_paths(paths: Iterable[str | Path], out_dir: str | Path, *,
                  nlp: Language | None = None, progress: Progress | None = None,
                  jsonl: bool = False, sources: str | Path | None = None,
                  workers: int = 1) -> RunSummary:
    """Extract evidence from files, folders, URLs and the pages a sources file names, and
    write the outputs to ``out_dir`` as the results come (memory stays flat)."""
    items = discover_inputs(paths)
    failed: list[tuple[str, str]] = []
    if sources is not None:
        named, failed = discover_sources(sources)
        items = list(dict.fromkeys([*items, *named]))
    from .export import OutputWriter  # pandas and pyarrow: only the writing process needs them

    extracted_at = now_utc()
    n_rejected = 0
    with OutputWriter(out_dir, jsonl=jsonl) as out:
        results = iter_results(items, nlp=nlp, extracted_at=extracted_at, progress=progress,
                               workers=workers)
        failures = (rejected(name, reason, extracted_at) for name, reason in failed)
        for result in itertools.chain(results, failures):
            n_rejected += result.record.status == "rejected"
            out.add(result.rows, [result.record], texts_of([result]))
    return RunSummary(n_inputs=len(items) + len(failed), n_rejected=n_rejected,
                      n_rows=out.n_rows, outputs=out.outputs)
