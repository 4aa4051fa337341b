"""Text rendering of query results for the terminal (rich tables)."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

console = Console()


def show_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    t = Table(title=title, show_lines=False)
    for h in header:
        t.add_column(h, overflow="fold")
    for r in rows:
        t.add_row(*[str(x) for x in r])
    console.print(t)


def show_entry(d: dict[str, Any], rows: int) -> None:
    console.print(f"[bold]{d['name']}[/bold]  {d['uniprot']}  ({d['organism']})")
    console.print(f"NCBI Gene ID: {', '.join(d['ncbi_gene_ids']) or '-'}")
    console.print(f"Function: {d['function'] or '-'}")
    console.print(f"Number of interactions: {d['number_of_interactions']:,}")
    console.print(f"Small-scale evidence: {'Yes' if d['small_scale_evidence'] else 'No'}")
    if d["orthologs"]:
        console.print("Orthologs: " + ", ".join(f"{o['organism']}: {o['uniprot']}" for o in d["orthologs"]))
    if d["jaspar_matrices"]:
        console.print("JASPAR matrices: " + ", ".join(d["jaspar_matrices"]))
    for key, title in (("targets", "Targets of"), ("tfs", "Transcription factors of")):
        table = d[key]
        if not table:
            continue
        shown = table if rows == 0 else table[:rows]
        show_table(f"{title} {d['name']} ({len(table):,} rows{'' if len(shown) == len(table) else f', first {len(shown)}'})",
                   ["Name", "UniProt", "NCBI", "Sources", "Methods", "PubMed", "SS", "Sign"],
                   [[r["name"], r["uniprot"], ";".join(r["ncbi_gene_ids"]) or "-", ";".join(r["sources"]),
                     ";".join(r["methods"]), ";".join(r["pmids"][:4]) + ("…" if len(r["pmids"]) > 4 else ""),
                     "Yes" if r["small_scale"] else "No", r["sign"] or "-"] for r in shown])
    sites = d["binding_sites"]
    if sites:
        shown = sites if rows == 0 else sites[:rows]
        show_table(f"Binding sites of {d['name']} ({len(sites):,} rows)",
                   ["TFLink ID", "Assembly", "Location", "Strand", "Sources", "Methods", "SS"],
                   [[s["tflink_id"], s["assembly"] or "-",
                     f"{s['chromosome']}:{s['start']}-{s['end']}" if s["chromosome"] else "-", s["strand"] or "-",
                     ";".join(s["sources"]), ";".join(s["methods"]), "Yes" if s["small_scale"] else "No"]
                    for s in shown])
