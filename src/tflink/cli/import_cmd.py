"""`tflink import-tflink`: official TFLink release files -> a release."""
from __future__ import annotations

from pathlib import Path

import click

from .. import settings


def register(cli: click.Group) -> None:
    cli.add_command(import_tflink)


@click.command("import-tflink")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", "target", default=None, metavar="PATH|URL",
              help="Where to write the release (directory or postgresql://...?schema=NAME); "
                   "default <data_dir>/releases/tflink.")
@click.option("--version", "version", default="tflink-import", show_default=True, help="Release version label.")
@click.option("--lenient", is_flag=True, help="Count malformed rows as rejects (listed in the manifest) "
                                              "instead of stopping at the first one.")
def import_tflink(files: tuple[Path, ...], target: str | None, version: str, lenient: bool) -> None:
    """Load TFLink release files (interaction tables, binding-site tables, per-entry downloads, browse tables).

    The format of each file is detected from its header and name. A failed import leaves any previous
    release at the target untouched.

    \b
    Example:
      tflink import-tflink TFLink_Homo_sapiens_interactions_All_simpleFormat_v1.0.tsv.gz --db ./human
    """
    from ..build.import_tflink import import_files
    from .common import progress_bar

    target = target or str(settings.data_dir() / "releases" / "tflink")
    bar, update = progress_bar("import")
    with bar:
        result = import_files(files, target, version, lenient, update,
                              on_detect=lambda p, fmt: click.echo(f"{p}: {fmt}", err=True))
    for f in result.files:
        line = f"{f['path']}: {f['rows_read']:,} rows read, {f['rows_rejected']:,} rejected"
        if f["rejects"]:
            line += " (" + "; ".join(f"{k}: {v}" for k, v in f["rejects"].items()) + ")"
        click.echo(line, err=True)
    totals = result.manifest["totals"]
    click.echo(f"release {version} at {target}: {totals['entries']:,} entries, {totals['interactions']:,} "
               f"interactions, {totals['binding_sites']:,} binding sites", err=True)
