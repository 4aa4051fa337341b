"""Export commands: `tflink export FORMAT` and `tflink release-files DIR`."""
from __future__ import annotations

import sys

import click

from .common import db_option, release

FORMAT_NAMES = ("table", "mitab", "gmt-uniprot", "gmt-ncbi", "gmt-name", "sites", "gff3", "fasta", "jsonl",
                "parquet", "graphml", "sif", "cyjs", "entry-targets", "entry-tfs")


def register(cli: click.Group) -> None:
    cli.add_command(export_cmd)
    cli.add_command(release_files_cmd)


@click.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMAT_NAMES, case_sensitive=False))
@click.option("--organism", "-O", default=None, help="Organism (name, taxid, code or 'human'); all if not given.")
@click.option("--scale", type=click.Choice(["ss", "ls", "all"], case_sensitive=False), default="all",
              show_default=True, help="ss = small-scale evidence, ls = large-scale, all.")
@click.option("--entry", default=None, metavar="AC", help="Only this entry's interactions / binding sites "
                                                          "(required by entry-targets and entry-tfs).")
@click.option("-o", "--output", default=None, metavar="FILE", help="Write here (default: standard output; "
                                                                   "'.' = TFLink's file name in this folder).")
@click.option("--gzip", "gz", is_flag=True, help="gzip-compress the output.")
@db_option
def export_cmd(fmt: str, organism: str | None, scale: str, entry: str | None, output: str | None, gz: bool,
               db: str | None) -> None:
    """Export interactions or binding sites in TFLink's formats or beyond, streamed in constant memory.

    \b
    Examples:
      tflink export table --organism human --scale ss -o .          # TFLink_Homo_sapiens_..._SS_simpleFormat_v1.0.tsv
      tflink export mitab --organism rat --gzip -o rat_mitab.tsv.gz
      tflink export gmt-name --organism worm --scale ss > worm.gmt
      tflink export entry-targets --entry Q15672 -o .              # TFLink_targets_of_Q15672.tsv
      tflink export gff3 --organism fly --scale ss -o fly_sites.gff3
    """
    from ..query.exports import export

    ex = export(release(db), fmt.lower(), organism, scale.lower(), entry, gz)
    if output is None:
        out = sys.stdout.buffer
        for chunk in ex.chunks():
            out.write(chunk)
        out.flush()
        return
    path = ex.filename if output == "." else output
    with open(path, "wb") as fh:
        for chunk in ex.chunks():
            fh.write(chunk)
    click.echo(f"wrote {path}", err=True)


@click.command("release-files")
@click.argument("directory", required=False, metavar="DIR")
@db_option
def release_files_cmd(directory: str | None, db: str | None) -> None:
    """Write the whole download set with TFLink's v1.0 file names and a SHA256SUMS file.

    Per organism and scale (SS / LS / All): interaction table, MITAB, three GMTs, binding-site table, GFF3 and
    FASTA (files without data are skipped). DIR defaults to <release dir>/downloads for SQLite releases; the web
    server lists that folder at /api/v1/downloads and serves it at /downloads/<file>.

    \b
    Example:  tflink release-files /srv/tflink/downloads
    """
    from ..query.release_files import default_downloads_dir, write_release_files

    rel = release(db)
    target = directory or str(default_downloads_dir(rel))
    items = write_release_files(rel, target, progress=lambda name, size: click.echo(f"  {name}  {size:,} bytes",
                                                                                    err=True))
    click.echo(f"wrote {len(items)} files and SHA256SUMS to {target}")
