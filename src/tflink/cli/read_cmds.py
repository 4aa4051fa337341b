"""Read commands: entry, search, stats, map."""
from __future__ import annotations

import click

from .common import db_option, print_json, release


def register(cli: click.Group) -> None:
    for cmd in (entry_cmd, search_cmd, stats_cmd, map_cmd):
        cli.add_command(cmd)


@click.command("entry")
@click.argument("accession")
@click.option("--json", "as_json", is_flag=True, help="Print the whole entry as JSON (every row, no cap).")
@click.option("--rows", default=20, show_default=True, help="Rows per table in the text view (0 = all).")
@db_option
def entry_cmd(accession: str, as_json: bool, rows: int, db: str | None) -> None:
    """Show one entry by UniProt accession: its targets, TFs, binding sites and orthologs.

    \b
    Examples:
      tflink entry Q15672
      tflink entry q15672 --json > twist1.json
    """
    from ..query import entries

    data = entries.entry_json(release(db), accession)
    if as_json:
        print_json(data)
        return
    from .render import show_entry

    show_entry(data, rows)


@click.command("search")
@click.argument("text")
@click.option("--organism", "-o", default=None, help="Limit to one organism (name, taxid, code or 'human').")
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@db_option
def search_cmd(text: str, organism: str | None, limit: int, as_json: bool, db: str | None) -> None:
    """Find entries by gene name, synonym, UniProt AC, NCBI Gene ID or other IDs (exact hits first).

    \b
    Example:  tflink search TWIST1
    """
    from ..query import entries

    hits = entries.search(release(db), text, organism, limit)
    if as_json:
        print_json(hits)
        return
    from .render import show_table

    show_table(f"{len(hits)} hit(s) for {text!r}", ["UniProt", "Name", "Organism", "Function", "Interactions",
                                                     "Matched", "Exact"],
               [[h["uniprot"], h["name"], h["organism"], h["function"] or "-", f"{h['number_of_interactions']:,}",
                 f"{h['matched']} ({h['match_kind']})", "yes" if h["exact"] else ""] for h in hits])


@click.command("stats")
@click.option("--json", "as_json", is_flag=True)
@db_option
def stats_cmd(as_json: bool, db: str | None) -> None:
    """Release statistics per organism x small-scale / large-scale / total."""
    from ..query import entries

    rel = release(db)
    rows = entries.stats(rel)
    if as_json:
        print_json({"release": rel.manifest.get("version"), "stats": rows})
        return
    from .render import show_table

    show_table(f"Release {rel.manifest.get('version')}", ["Organism", "Scale", "TFs", "Targets", "Interactions",
                                                            "Binding sites", "Binding sequences"],
               [[r["organism"], r["scale"], f"{r['tfs']:,}", f"{r['targets']:,}", f"{r['interactions']:,}",
                 f"{r['binding_sites']:,}", f"{r['binding_sequences']:,}"] for r in rows])


@click.command("map")
@click.argument("identifiers_file", type=click.File("r"))
@click.option("--organism", "-o", default=None)
@click.option("--json", "as_json", is_flag=True)
@db_option
def map_cmd(identifiers_file, organism: str | None, as_json: bool, db: str | None) -> None:  # noqa: ANN001
    """Map a list of identifiers (any namespace; file or - for stdin) to entries, with a mapping report."""
    from ..query.identifiers import map_identifiers, parse_identifier_list

    report = map_identifiers(release(db), parse_identifier_list(identifiers_file.read()), organism).as_dict()
    if as_json:
        print_json(report)
        return
    click.echo("\t".join(["query", "status", "uniprot", "name", "organism"]))
    for it in report["items"]:
        e = it["entries"]
        click.echo("\t".join([it["query"], it["status"], ";".join(x["uniprot"] for x in e) or "-",
                              ";".join(dict.fromkeys(x["name"] for x in e)) or "-",
                              ";".join(dict.fromkeys(x["organism"] for x in e)) or "-"]))
    click.echo("# " + ", ".join(f"{k}: {v}" for k, v in report["counts"].items()), err=True)
