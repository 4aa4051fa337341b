"""Plain-text rendering of a build report (printed at the end of `tflink build`)."""
from __future__ import annotations

from typing import Any


def format_report(report: dict[str, Any]) -> str:
    """The build report as readable lines: totals, per-input counts, rejects, identifier mapping."""
    out = [f"release {report['version']} — peak rule: {report['peak_rule']['rule']}"]
    out.append("totals: " + ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in report["totals"].items()))
    for name, stats in report["inputs"].items():
        counts = stats.get("counts", stats)
        out.append(f"  {name}: " + ", ".join(f"{k} {v:,}" for k, v in counts.items() if isinstance(v, int)))
    for name, rej in report.get("rejects", {}).items():
        reasons = "; ".join(f"{k}: {v:,}" for k, v in rej["reasons"].items())
        out.append(f"  rejected in {name}: {rej['rows_rejected']:,} ({reasons})")
    out.append("identifier mapping (distinct identifiers: direct / via synonym / ambiguous / unmapped / passthrough):")
    for name, m in report["mapping"].items():
        ids = m["identifiers"]
        out.append(f"  {name}: {ids['direct']:,} / {ids['synonym']:,} / {ids['ambiguous']:,} / {ids['unmapped']:,}"
                   f" / {ids['passthrough']:,}; records " + ", ".join(f"{k} {v:,}" for k, v in m["records"].items()))
        for status in ("ambiguous", "unmapped", "synonym"):
            examples = m["examples"].get(status)
            if examples:
                out.append(f"    e.g. {status}: " + "; ".join(examples[:4]))
    return "\n".join(out)
