"""The public Python API: `tflink.open(...)` returns a :class:`Tflink` whose tables are pandas DataFrames."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import NotFound

if TYPE_CHECKING:
    import pandas as pd


class Tflink:
    """A read-only view of one release, pandas-friendly. Identifiers may be UniProt ACs or gene names."""

    def __init__(self, location: str | Path | None = None) -> None:
        from .query import open_release

        self.release = open_release(location)

    @property
    def manifest(self) -> dict[str, Any]:
        return self.release.manifest

    def resolve(self, identifier: str, organism: str | None = None) -> str:
        """A UniProt AC for an AC, gene name, synonym or NCBI Gene ID (the best exact hit)."""
        from .query import entries

        if self.release.entry(identifier) is not None:
            return identifier.upper()
        hits = [h for h in entries.search(self.release, identifier, organism, limit=5) if h["exact"]]
        if not hits:
            raise NotFound(f"no entry matches {identifier!r}")
        return hits[0]["uniprot"]

    def entry(self, identifier: str, organism: str | None = None) -> dict[str, Any]:
        """The whole entry as the documented JSON-shaped dict."""
        from .query import entries

        return entries.entry_json(self.release, self.resolve(identifier, organism))

    def _table(self, identifier: str, table: str, organism: str | None) -> "pd.DataFrame":
        import pandas as pd

        from .query import entries

        _e, page = entries.entry_table(self.release, self.resolve(identifier, organism), table, limit=None)
        rows = [entries.partner_row(r) if table != "binding_sites" else entries.site_row(r) for r in page.rows]
        return pd.DataFrame(rows)

    def targets(self, identifier: str, organism: str | None = None) -> "pd.DataFrame":
        return self._table(identifier, "targets", organism)

    def tfs(self, identifier: str, organism: str | None = None) -> "pd.DataFrame":
        return self._table(identifier, "tfs", organism)

    def binding_sites(self, identifier: str, organism: str | None = None) -> "pd.DataFrame":
        return self._table(identifier, "binding_sites", organism)

    def search(self, text: str, organism: str | None = None, limit: int = 20) -> "pd.DataFrame":
        import pandas as pd

        from .query import entries

        return pd.DataFrame(entries.search(self.release, text, organism, limit))

    def stats(self) -> "pd.DataFrame":
        import pandas as pd

        from .query import entries

        return pd.DataFrame(entries.stats(self.release))

    def browse(self, organism: str, **filters: Any) -> "pd.DataFrame":
        import pandas as pd

        from .query import entries

        page = entries.browse(self.release, organism, limit=None, **filters)
        return pd.DataFrame([entries.browse_row(e) for e in page.rows])

    def map_identifiers(self, identifiers: list[str], organism: str | None = None) -> "pd.DataFrame":
        import pandas as pd

        from .query.identifiers import map_identifiers

        report = map_identifiers(self.release, identifiers, organism).as_dict()
        return pd.DataFrame([{"query": it["query"], "status": it["status"],
                              "uniprot": ";".join(e["uniprot"] for e in it["entries"])} for it in report["items"]])


def open(location: str | Path | None = None) -> Tflink:  # noqa: A001 - the public name the brief asks for
    """Open a release: a directory, a .sqlite file, a postgresql:// URL, or (default) TFLINK_DB / the demo."""
    return Tflink(location)
