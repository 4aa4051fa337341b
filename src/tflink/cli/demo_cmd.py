"""`tflink demo`: build the bundled demo release (real data, our own pipeline) into the data dir."""
from __future__ import annotations

from pathlib import Path

import click

from .. import settings


def register(cli: click.Group) -> None:
    cli.add_command(demo)


def demo_target() -> Path:
    return settings.data_dir() / "releases" / "demo"


def _fingerprint() -> str:
    """What the demo release is made of: tflink's version, the schema version and every demo input file."""
    from .. import __version__
    from ..build.demo import DEMO_DIR
    from ..checksums import sha256_file
    from ..model import SCHEMA_VERSION

    parts = [__version__, str(SCHEMA_VERSION)] + [f"{p.name}:{sha256_file(p)}" for p in sorted(DEMO_DIR.iterdir())
                                                  if p.is_file()]
    return "\n".join(parts)


def _fingerprint_file() -> Path:
    return demo_target().parent / "demo.fingerprint"


def demo_is_current() -> bool:
    """True when the built demo release was made by this tflink from these demo inputs."""
    fp = _fingerprint_file()
    return (demo_target() / "manifest.json").exists() and fp.exists() and fp.read_text() == _fingerprint()


def _build(target: Path) -> None:
    from ..build.demo import build_demo
    from .common import progress_bar

    bar, update = progress_bar("demo")
    with bar:
        build_demo(target, update)
    _fingerprint_file().write_text(_fingerprint())


def ensure_demo(quiet: bool = False) -> Path:
    """Build the demo release if it is missing or out of date; return its location."""
    target = demo_target()
    if demo_is_current():
        return target

    if not quiet:
        click.echo(f"building the demo release at {target} (first use or new version; about 10 s) …", err=True)
    _build(target)
    return target


@click.command("demo")
@click.option("--if-missing", is_flag=True, help="Do nothing when an up-to-date demo release is already built.")
def demo(if_missing: bool) -> None:
    """Build the demo release from the real data shipped with tflink (TRRUST, DoRothEA subset, ReMap, JASPAR…).

    It lands in $TFLINK_DATA_DIR/releases/demo and is the default release of every command.
    """
    target = demo_target()
    if if_missing and demo_is_current():
        click.echo(f"demo release already at {target}", err=True)
        return
    _build(target)
    click.echo(f"demo release built at {target}", err=True)
