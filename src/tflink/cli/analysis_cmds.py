"""Analysis commands: enrich, common-targets, compare-species."""
from __future__ import annotations

from pathlib import Path

import click

from .common import db_option, print_json, release

scale_option = click.option("--scale", type=click.Choice(["all", "ss", "ls", "small", "large"]), default="all",
                            show_default=True, help="Evidence: ss (small-scale), ls (large-scale) or all edges, as in `tflink export`.")
source_option = click.option("--source", "sources", multiple=True, metavar="LABEL",
                             help="Only edges from this source (repeatable: any of them), e.g. TRRUST.")
sign_option = click.option("--sign", type=click.Choice(["activation", "repression", "unknown"]), default=None,
                           help="Only edges of this mode of regulation.")
out_option = click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
                          help="Write the TSV here instead of standard output.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print the whole result as JSON.")


def register(cli: click.Group) -> None:
    for cmd in (enrich_cmd, common_targets_cmd, compare_species_cmd):
        cli.add_command(cmd)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def _read_ids(path: str) -> list[str]:
    from ..query.identifiers import parse_identifier_list

    with click.open_file(path, "r", encoding="utf-8") as fh:
        return parse_identifier_list(fh.read())


@click.command("enrich")
@click.argument("genes_file", metavar="GENES_FILE")
@click.option("--organism", required=True, help="Organism of the genes (name, taxid, code or 'human').")
@scale_option
@source_option
@sign_option
@click.option("--background", "background_file", default=None, metavar="FILE",
              help="Background gene list (default: every target gene of the organism).")
@click.option("--min-overlap", default=1, show_default=True, help="Only list TFs with at least this overlap.")
@out_option
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write a bar chart of -log10 q (.png or .svg).")
@json_option
@db_option
def enrich_cmd(genes_file: str, organism: str, scale: str, sources: tuple[str, ...], sign: str | None,
               background_file: str | None, min_overlap: int, output: Path | None, plot: Path | None,
               as_json: bool, db: str | None) -> None:
    """TF enrichment of a gene list (file or - for stdin; any identifiers) -> TSV sorted by p-value.

    One-sided Fisher exact test per TF, Benjamini-Hochberg q-values, overlapping genes.
    The mapping report is printed to standard error.

    \b
    Examples:
      tflink enrich genes.txt --organism human -o enrichment.tsv --plot enrichment.png
      tflink enrich genes.txt --organism mouse --scale small --source TRRUST
      tflink enrich genes.txt --organism human --background expressed.txt
    """
    from ..query.analyses import enrichment, plots, tables

    background = _read_ids(background_file) if background_file else None
    result = enrichment(release(db), _read_ids(genes_file), organism, scale, list(sources), sign, background,
                        min_overlap=min_overlap)
    if plot is not None:
        plot.write_bytes(plots.enrichment_chart(result, plot.suffix.lstrip(".") or "png"))
    if as_json:
        print_json(result)
        return
    _emit(tables.enrichment_tsv(result), output)
    lst = result["list"]
    counts = ", ".join(f"{k}: {v}" for k, v in result["mapping"]["counts"].items())
    click.echo(f"# identifiers {lst['identifiers']} ({counts}); {lst['mapped_entries']} entries, "
               f"{lst['in_background']} in the background of {result['background']['size']}; "
               f"{result['tfs_tested']} TFs tested", err=True)


@click.command("common-targets")
@click.argument("tfs", nargs=-1, required=True, metavar="TF TF [TF...]")
@click.option("--organism", default=None, help="Organism of the TFs (needed when a name exists in several).")
@scale_option
@source_option
@sign_option
@out_option
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write an UpSet-style chart (.png or .svg).")
@json_option
@db_option
def common_targets_cmd(tfs: tuple[str, ...], organism: str | None, scale: str, sources: tuple[str, ...],
                       sign: str | None, output: Path | None, plot: Path | None, as_json: bool,
                       db: str | None) -> None:
    """Common targets of two or more TFs of one organism -> TSV (one row per target, evidence per TF).

    \b
    Examples:
      tflink common-targets STAT5A STAT5B --organism human
      tflink common-targets TWIST1 SNAI2 ZEB1 -o shared.tsv --plot upset.svg
    """
    from ..query.analyses import common_targets, plots, tables

    result = common_targets(release(db), list(tfs), organism, scale, list(sources), sign)
    if plot is not None:
        plot.write_bytes(plots.upset_chart(result, plot.suffix.lstrip(".") or "png"))
    if as_json:
        print_json(result)
        return
    _emit(tables.common_targets_tsv(result), output)
    sizes = ", ".join(f"{t['name']} {t['targets']}" for t in result["tfs"])
    click.echo(f"# targets: {sizes}; intersection {result['intersection']}, shared by >= 2: {result['shared']}, "
               f"union {result['union']}", err=True)


@click.command("compare-species")
@click.argument("tf")
@click.option("--to", "to", required=True, help="Organism to compare with (name, taxid, code or 'mouse').")
@click.option("--organism", default=None, help="Organism of TF (needed when the name exists in several).")
@scale_option
@source_option
@sign_option
@out_option
@json_option
@db_option
def compare_species_cmd(tf: str, to: str, organism: str | None, scale: str, sources: tuple[str, ...],
                        sign: str | None, output: Path | None, as_json: bool, db: str | None) -> None:
    """Targets of a TF vs the targets of its ortholog(s) in another organism -> TSV
    (conserved / species-specific / unmappable targets).

    \b
    Example:  tflink compare-species STAT3 --organism human --to mouse -o stat3_hs_mm.tsv
    """
    from ..query.analyses import cross_species, tables

    result = cross_species(release(db), tf, to, organism, scale, list(sources), sign)
    if as_json:
        print_json(result)
        return
    _emit(tables.cross_species_tsv(result), output)
    for s in result["summary"]:
        click.echo(f"# {s['organism']}: {s['targets']} targets, {s['conserved']} conserved, {s['specific']} "
                   f"specific, {s['unmappable']} unmappable", err=True)
