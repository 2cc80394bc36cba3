"""The ``onco-evidence`` command line.

Exit codes: 0 ok; 1 some inputs were rejected (they are still listed in articles.csv);
2 usage error; 3 another run is writing the same store.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .settings import CORPORA_DIR, PIPELINE_VERSION, STORE_PATH

EXIT_OK, EXIT_REJECTS, EXIT_USAGE, EXIT_BUSY = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="onco-evidence",
        description="Turn oncology articles (HTML pages, text dumps, URLs) into evidence rows.",
        epilog="Exit codes: 0 ok, 1 some inputs rejected (listed in articles.csv), 2 usage error, "
               "3 another run is writing the same store.",
    )
    parser.add_argument("-V", "--version", action="version", version=PIPELINE_VERSION)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract", help="extract evidence from files, folders and URLs",
        description="Clean each input, extract its evidence rows and write DIR/evidence.csv, "
                    "DIR/evidence.parquet, DIR/articles.csv and DIR/report.html.")
    extract.add_argument("inputs", nargs="*", metavar="INPUT",
                         help=".html/.htm/.txt/.md file, a folder of them, or an http(s) URL")
    extract.add_argument("--sources", type=Path, metavar="FILE",
                         help="a sources file (TOML or YAML: feeds, sitemaps, URL lists, "
                              "folders; see corpora/sources.example.toml)")
    extract.add_argument("--out", required=True, type=Path, metavar="DIR",
                         help="output folder (created if missing)")
    extract.add_argument("--jsonl", action="store_true", help="also write DIR/evidence.jsonl")
    extract.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                         help="processes for the extraction (default: one per CPU, "
                              f"{os.cpu_count() or 1} here; used from 200 inputs on)")
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress output")

    clean = commands.add_parser("clean", help="print the cleaned article the NLP stage reads")
    clean.add_argument("input", metavar="INPUT", help=".html/.txt file or http(s) URL")
    clean.add_argument("--format", choices=["text", "json"], default="text",
                       help="plain text (default) or JSON with metadata and citation")

    evaluate = commands.add_parser(
        "evaluate", help="score extraction against gold annotations",
        description="Extract the input of every *.gold.json under GOLD_DIR, and every passage "
                    "of the stress sets (*.cases.json, see corpora/stress), and print "
                    "precision/recall/F1 for rows and numbers, drug and disease recall, "
                    "per-field accuracy on matched rows, and the count of missed gold rows "
                    "by reason (no text is printed). GOLD_DIR may also be one such file.")
    evaluate.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--rows", action="store_true",
                          help="also list, per article or case, the gold rows missed and the "
                               "rows found in excess (for splits you may read)")

    run = commands.add_parser(
        "run", help="run the ingestion flow with Prefect (the main job)",
        description="Run the Prefect ingestion flow in local mode over the bundled corpus "
                    "(or the given inputs): new and changed articles go into the SQLite store, "
                    "then the store's current evidence is exported to --out.")
    run.add_argument("inputs", nargs="*", metavar="INPUT",
                     help=f"inputs as for extract (default: the bundled corpus, {CORPORA_DIR})")
    run.add_argument("--sources", type=Path, metavar="FILE",
                     help="a sources file (TOML or YAML), read instead of or beside INPUTs")
    run.add_argument("--out", type=Path, default=Path("out"), metavar="DIR",
                     help="output folder (default: ./out)")
    run.add_argument("--db", type=Path, default=STORE_PATH, metavar="PATH",
                     help=f"the SQLite store (default: {STORE_PATH})")
    run.add_argument("--jsonl", action="store_true", help="also write DIR/evidence.jsonl")
    run.add_argument("--dask", metavar="ADDRESS",
                     help="run the extraction tasks on this Dask scheduler (tcp://host:8786); "
                          "default: $ONCO_EVIDENCE_DASK_ADDRESS, else one local worker")
    run.add_argument("-q", "--quiet", action="store_true", help="only print the outputs' paths")

    serve = commands.add_parser(
        "serve", help="serve the ingestion flow on its schedule (flows/prefect.yaml)",
        description="Serve the deployment in flows/prefect.yaml on its cron schedule. When "
                    "PREFECT_API_URL is not set, a local Prefect server is started first "
                    "(SQLite under PREFECT_HOME) and stopped again on SIGTERM or Ctrl-C.")
    serve.add_argument("--prefect-file", type=Path, default=None, metavar="FILE",
                       help="the prefect.yaml to serve (default: flows/prefect.yaml)")
    serve.add_argument("--port", type=int, default=4200,
                       help="port of the local Prefect server, when one is started (default 4200)")
    serve.add_argument("--dask", metavar="ADDRESS", help="as for run")

    export = commands.add_parser(
        "export", help="export evidence rows from the store",
        description="Write the store's current evidence rows (optionally only those extracted "
                    "on or after --since) to DIR/evidence.<format>.")
    export.add_argument("--db", type=Path, default=STORE_PATH, metavar="PATH",
                        help=f"the SQLite store (default: {STORE_PATH})")
    export.add_argument("--out", type=Path, default=Path("out"), metavar="DIR",
                        help="output folder (default: ./out)")
    export.add_argument("--since", type=_date, metavar="DATE",
                        help="only rows extracted on or after DATE (YYYY-MM-DD, UTC)")
    export.add_argument("--format", choices=["csv", "parquet", "jsonl"], default="csv")

    gold = commands.add_parser(
        "gold", help="gold annotations: import a curator's judgements from the review report",
        description="Work with gold annotations (corpora/README.md).")
    gold_commands = gold.add_subparsers(dest="gold_command", required=True, metavar="COMMAND")
    gold_import = gold_commands.add_parser(
        "import", help="turn a judgement CSV exported from report.html into gold files",
        description="Read a judgement CSV (the 'Export judgements' button of report.html; "
                    "columns in pipeline.report.JUDGEMENT_COLUMNS) and write one "
                    "<input>.gold.json per judged article into DIR with its accepted rows, "
                    "its input copied beside it, so `onco-evidence evaluate DIR` scores "
                    "against them. An existing gold file of the same input is replaced.")
    gold_import.add_argument("judgements", type=Path, metavar="JUDGEMENTS.csv")
    gold_import.add_argument("--out", required=True, type=Path, metavar="DIR",
                             help="folder for the gold files (created if missing)")
    gold_import.add_argument("--root", type=Path, default=None, metavar="DIR",
                             help="where relative input paths are found (default: the "
                                  "current folder, as for the run that made the report)")

    commands.add_parser(
        "dictionary", help="print the data dictionary of evidence.csv (Markdown)",
        description="Print every evidence.csv column with its meaning, type, allowed values "
                    "and an example, generated from pipeline/schema.py.")
    return parser


def _date(text: str) -> dt.datetime:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from e
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"extract": _extract, "clean": _clean, "evaluate": _evaluate, "run": _run,
                "serve": _serve, "export": _export, "dictionary": _dictionary,
                "gold": _gold}
    return handlers[args.command](args)


def _progress_printer(quiet: bool):  # noqa: ANN202 - a Progress callback or None
    if quiet:
        return None

    def show(done: int, total: int, item: str, result) -> None:  # noqa: ANN001
        record = result.record
        status = (f"{record.n_outcome_rows} outcome + {record.n_cohort_rows} cohort rows"
                  if record.status == "ok" else f"REJECTED: {record.reject_reason}")
        print(f"[{done}/{total}] {item}: {status}", file=sys.stderr, flush=True)

    return show


def _extract(args: argparse.Namespace) -> int:
    from .errors import OncoEvidenceError
    from .process import extract_paths

    if not args.inputs and not args.sources:
        print("onco-evidence extract: give INPUTs, --sources FILE, or both", file=sys.stderr)
        return EXIT_USAGE
    try:
        summary = extract_paths(args.inputs, args.out, progress=_progress_printer(args.quiet),
                                jsonl=args.jsonl, sources=args.sources,
                                workers=max(1, args.workers))
    except OncoEvidenceError as e:  # a sources file that cannot be read at all
        print(f"onco-evidence: {e}", file=sys.stderr)
        return EXIT_USAGE
    _print_summary(summary.n_inputs, summary.n_rejected, summary.n_rows,
                   {k: str(v) for k, v in summary.outputs.items()}, quiet=args.quiet)
    return EXIT_REJECTS if summary.n_rejected else EXIT_OK


def _clean(args: argparse.Namespace) -> int:
    from .errors import OncoEvidenceError
    from .process import load_article

    try:
        article = load_article(args.input)
    except OncoEvidenceError as e:
        print(f"onco-evidence: {e}", file=sys.stderr)
        return EXIT_REJECTS
    if args.format == "json":
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(article.text)
    return EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_listing, format_report, gold_files

    if not gold_files(args.gold_dir):
        print(f"onco-evidence: no *.gold.json or *.cases.json files under {args.gold_dir}",
              file=sys.stderr)
        return EXIT_USAGE
    result = evaluate(args.gold_dir)
    if args.json:
        scores = result.to_dict()
        if args.rows:
            scores["listing"] = [{"name": name, "missed": missed, "extra": extra}
                                 for name, missed, extra in result.listing]
        print(json.dumps(scores, indent=2))
    else:
        print(format_report(result))
        if args.rows and result.listing:
            print(format_listing(result))
    return EXIT_OK


def _prefect_environment(*, quiet: bool = False) -> None:
    # Prefect's local mode starts a temporary API server; keep it offline and patient.
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    if quiet:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    if os.environ.get("PREFECT_HOME"):  # Prefect creates the folder but not its parents
        Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)


def _run(args: argparse.Namespace) -> int:
    _prefect_environment(quiet=args.quiet)
    from flows.ingest import ingest
    from flows.runners import task_runner

    from .errors import OncoEvidenceError, StoreBusyError

    runner = task_runner(args.dask)
    flow = ingest.with_options(task_runner=runner) if runner else ingest
    try:
        result = flow(inputs=list(args.inputs) or None, out_dir=str(args.out), db=str(args.db),
                      jsonl=args.jsonl, sources=str(args.sources) if args.sources else None)
    except StoreBusyError as e:
        print(f"onco-evidence: {e}", file=sys.stderr)
        return EXIT_BUSY
    except OncoEvidenceError as e:  # a sources file that cannot be read at all
        print(f"onco-evidence: {e}", file=sys.stderr)
        return EXIT_USAGE
    if not args.quiet:
        print(f"run {result['run_id']}: {result['discovered']} discovered, "
              f"{result['not_modified']} not modified (304, or same file bytes); "
              f"{result['new']} new, "
              f"{result['changed']} changed, {result['unchanged']} unchanged, "
              f"{result['rejected']} rejected articles; "
              f"{result['rows_added']} rows added, {result['rows_superseded']} superseded; "
              f"store {Path(args.db).resolve()}", file=sys.stderr)
    _print_outputs(dict(result["outputs"]), quiet=args.quiet)
    return EXIT_REJECTS if result["rejected"] else EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    _prefect_environment()
    from flows.serve import PREFECT_YAML, serve

    from .errors import OncoEvidenceError

    try:
        serve(args.prefect_file or PREFECT_YAML, port=args.port, dask_address=args.dask)
    except OncoEvidenceError as e:
        print(f"onco-evidence: {e}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from .export import write_rows
    from .store import Store

    if not args.db.exists():
        print(f"onco-evidence: no store at {args.db} (run `onco-evidence run` first)",
              file=sys.stderr)
        return EXIT_USAGE
    target = args.out / f"evidence.{args.format}"
    with Store(args.db) as store:
        n_rows = write_rows(store.iter_rows(since=args.since), target, args.format)
    print(f"{n_rows} rows: {target.resolve()}")
    return EXIT_OK


def _gold(args: argparse.Namespace) -> int:
    from .errors import OncoEvidenceError
    from .report import import_judgements

    try:
        summary = import_judgements(args.judgements, args.out, root=args.root)
    except (OncoEvidenceError, OSError) as e:
        print(f"onco-evidence: {e}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{summary.accepted} accepted, {summary.rejected} rejected rows; "
          f"{len(summary.gold_files)} gold files in {args.out.resolve()}")
    return EXIT_OK


def _dictionary(args: argparse.Namespace) -> int:
    from .docs import data_dictionary

    print(data_dictionary(), end="")
    return EXIT_OK


def _print_summary(n_inputs: int, n_rejected: int, n_rows: int, outputs: dict[str, str],
                   *, quiet: bool) -> None:
    if not quiet:
        print(f"{n_inputs} inputs, {n_rejected} rejected, {n_rows} evidence rows",
              file=sys.stderr)
    _print_outputs(outputs, quiet=quiet)


def _print_outputs(outputs: dict[str, str], *, quiet: bool) -> None:
    print(f"evidence CSV: {Path(outputs['evidence.csv']).resolve()}")
    if not quiet:
        for name, path in outputs.items():
            if name != "evidence.csv":
                print(f"{name}: {Path(path).resolve()}")


if __name__ == "__main__":
    sys.exit(main())
