"""`tflink synth`: write a synthetic TFLink v1.0-format release (for benchmarks and tests)."""
from __future__ import annotations

import sys
from pathlib import Path

import click


def register(cli: click.Group) -> None:
    cli.add_command(synth)


@click.command("synth")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--scale", type=click.Choice(["0.01", "0.1", "1.0"]), default="0.01", show_default=True,
              help="Fraction of TFLink v1.0 (1.0 = 11.8 M interactions, 9.3 M binding sequences).")
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed; same seed + scale = same bytes.")
@click.option("--organism", "organisms", multiple=True, metavar="NAME",
              help="Only this organism (name, Genus_species, taxid, code or common name); repeatable.")
@click.option("--verify", is_flag=True, help="Read the files back and compare the counts with the plan.")
def synth(outdir: Path, scale: str, seed: int, organisms: tuple[str, ...], verify: bool) -> None:
    """Write TFLink-format files of a synthetic release: per organism the interaction table, the binding-site
    table and the browse table, with TFLink v1.0's counts times SCALE.

    \b
    Examples:
      tflink synth /tmp/tflink-1pct --scale 0.01 --seed 7
      tflink synth /tmp/rat --scale 1.0 --organism rat --verify
      tflink import-tflink /tmp/tflink-1pct/* --db /tmp/tflink-1pct-release
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

    from ..model import UnknownOrganism, organism
    from ..synth import generate, planned_rows, verify_counts

    for name in organisms:
        try:
            organism(name)  # unknown names fail before any file is written
        except UnknownOrganism as exc:
            raise click.BadParameter(str(exc), param_hint="--organism") from exc
    names = list(organisms) or None
    bar = Progress("[bold]synth", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
                   disable=not sys.stderr.isatty())
    with bar:
        task = bar.add_task("rows", total=planned_rows(float(scale), names))
        plan = generate(outdir, float(scale), seed, names, lambda n: bar.advance(task, n))
    for org, c in plan.items():
        t = c["total"]
        click.echo(f"{org}: {t['interactions']:,} interactions, {t['tfs']:,} TFs, {t['targets']:,} targets, "
                   f"{t['binding_sequences']:,} binding-site rows", err=True)
    if verify:
        found = verify_counts(outdir)
        bad = [o for o in plan if found.get(o) != plan[o]]
        if bad:
            raise click.ClickException(f"counts read back differ from the plan for: {', '.join(bad)}")
        click.echo("verified: counts read back equal the plan", err=True)
