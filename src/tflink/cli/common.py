"""Options and helpers shared by the command modules."""
from __future__ import annotations

import json
import sys
from typing import Any, Callable

import click

db_option = click.option("--db", "db", envvar="TFLINK_DB", default=None, metavar="PATH|URL",
                         help="Release: directory, .sqlite file or postgresql://host/db?schema=NAME "
                              "(default: $TFLINK_DB, else the demo release).")


def release(db: str | None):  # noqa: ANN201 - a store.Release
    """The release of --db / TFLINK_DB; with neither, the demo release (built on first use)."""
    from .. import settings
    from ..query import open_release

    if db is None and not settings.get("db"):
        from .demo_cmd import ensure_demo

        db = str(ensure_demo())
    return open_release(db)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


def progress_bar(label: str) -> tuple[Any, Callable[[str, int], None]]:
    """A rich progress display and a callback (stage, rows) that updates it."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                   TextColumn("{task.fields[rows]:>12,} rows"), TimeElapsedColumn(),
                   transient=False, disable=not sys.stderr.isatty(), console=None)
    task = bar.add_task(label, total=None, rows=0)

    def update(stage: str, rows: int) -> None:
        bar.update(task, description=f"{label}: {stage}", rows=rows)

    return bar, update
