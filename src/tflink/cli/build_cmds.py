"""`tflink fetch` and `tflink build`: thin commands over tflink.build.fetch and tflink.build.pipeline."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import settings


def register(cli: click.Group) -> None:
    """Add the `fetch` and `build` commands to the tflink group."""
    cli.add_command(fetch)
    cli.add_command(build)


@click.command()
@click.argument("sources", nargs=-1)
@click.option("--dest", type=click.Path(path_type=Path), default=None,
              help="Download directory (default <data_dir>/sources).")
@click.option("--list", "list_only", is_flag=True, help="Only list what can be fetched (URL, version, licence).")
def fetch(sources: tuple[str, ...], dest: Path | None, list_only: bool) -> None:
    """Download source files declared by the adapters (resumes partial files, checks sha256 when known).

    \b
    Examples:
      tflink fetch --list
      tflink fetch trrust --dest ./sources
    """
    from rich.progress import DownloadColumn, Progress, TransferSpeedColumn

    from ..build.fetch import fetch_source, registry

    if list_only or not sources:
        for r in registry():
            click.echo(f"{r.source:10} {r.key:16} {r.version:24} {r.licence[:30]:30} {r.url}")
        return
    dest = dest or settings.data_dir() / "sources"
    with Progress(*Progress.get_default_columns(), DownloadColumn(), TransferSpeedColumn(),
                  disable=not sys.stderr.isatty()) as bar:
        for name in sources:
            task = bar.add_task(name, total=None)

            def update(done: int, total: int | None, task: object = task) -> None:
                bar.update(task, completed=done, total=total)  # type: ignore[arg-type]
            paths = fetch_source(name, dest, update)
            for p in paths:
                click.echo(f"{name}: {p}", err=True)


@click.command()
@click.argument("config", type=click.Path(path_type=Path))
@click.option("--db", "target", default=None, metavar="PATH|URL",
              help="Where to write the release (default <data_dir>/releases/<version>).")
@click.option("--json", "as_json", is_flag=True, help="Print the build report as JSON instead of text.")
def build(config: Path, target: str | None, as_json: bool) -> None:
    """Build a release from the source files listed in a TOML CONFIG (see docs/integration.md).

    Parses every input, maps identifiers (report: direct / synonym / ambiguous / unmapped), integrates the
    evidence, derives binding sites and orthologs and writes the release atomically: a failed build leaves
    the previous release in place. The build report is printed and saved in the release manifest.

    \b
    Example:
      tflink build src/tflink/demo_data/demo.toml --db ./demo-release
    """
    from ..build.config import load_config
    from ..build.pipeline import build as run_build
    from ..build.report import format_report
    from .common import print_json, progress_bar

    cfg = load_config(config)
    target = target or str(settings.data_dir() / "releases" / cfg.version)
    bar, update = progress_bar("build")
    with bar:
        report = run_build(cfg, target, update)
    if as_json:
        print_json(report)
    else:
        click.echo(format_report(report))
        click.echo(f"release written to {target}", err=True)
