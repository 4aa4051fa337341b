"""`tflink demo`: build the bundled demo release (real data, our own pipeline) into the data dir."""
from __future__ import annotations

from pathlib import Path

import click

from .. import settings


def register(cli: click.Group) -> None:
    cli.add_command(demo)


def demo_target() -> Path:
    return settings.data_dir() / "releases" / "demo"


def ensure_demo(quiet: bool = False) -> Path:
    """Build the demo release if it is not there yet; return its location."""
    target = demo_target()
    if (target / "manifest.json").exists():
        return target
    from ..build.demo import build_demo
    from .common import progress_bar

    if not quiet:
        click.echo(f"building the demo release at {target} (first use; about 15 s) …", err=True)
    bar, update = progress_bar("demo")
    with bar:
        build_demo(target, update)
    return target


@click.command("demo")
@click.option("--if-missing", is_flag=True, help="Do nothing when the demo release is already built.")
def demo(if_missing: bool) -> None:
    """Build the demo release from the real data shipped with tflink (TRRUST, DoRothEA subset, ReMap, JASPAR…).

    It lands in $TFLINK_DATA_DIR/releases/demo and is the default release of every command.
    """
    target = demo_target()
    if if_missing and (target / "manifest.json").exists():
        click.echo(f"demo release already at {target}", err=True)
        return
    from ..build.demo import build_demo
    from .common import progress_bar

    bar, update = progress_bar("demo")
    with bar:
        report = build_demo(target, update)
    click.echo(f"demo release built at {target}", err=True)
    if isinstance(report, dict) and report.get("counts"):
        click.echo(f"{report['counts']}", err=True)
