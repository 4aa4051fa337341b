"""The `tflink` command group: wires the command modules and translates typed errors once."""
from __future__ import annotations

import importlib
import logging
import sys

import click

from .. import __version__
from ..errors import TflinkError

# Each module exposes register(cli). Adding a command family = adding a module and a line here.
COMMAND_MODULES = ("read_cmds", "import_cmd", "demo_cmd", "settings_cmd", "docs_cmd", "build_cmds", "serve_cmd", "export_cmds", "analysis_cmds",
                   "synth_cmd")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, prog_name="tflink")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """tflink — transcription factor → target gene regulation data (TFLink re-implemented).

    \b
    Examples:
      tflink entry Q15672              # TWIST1: targets, TFs, binding sites
      tflink search TWIST1
      tflink stats
      tflink serve                     # web gateway + REST API on http://127.0.0.1:8000
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__package__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__package__}.{name}":
                continue  # that command family is not part of this build
            raise
        module.register(cli)


_register_all()


def main() -> None:
    """Entry point: run the CLI; a TflinkError becomes one readable line and its exit code."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except TflinkError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
