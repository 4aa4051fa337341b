"""The layering of docs/architecture.md, checked on the import statements of every module, and SQL only in store/."""
from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "tflink"
SHARED = {"model", "vocabulary", "errors", "settings", "checksums", "__version__"}  # importable by every layer
ALLOWED: dict[str, set[str]] = {
    "model": set(), "vocabulary": {"model"}, "errors": set(), "settings": set(), "checksums": set(),
    "sources": set(),
    "build": {"sources", "store"},
    "store": set(),
    "exports": {"store"},  # only the row-shape constants of store.exports_sql: formatting, no SQL
    "query": {"store", "exports"},
    "api": {"query", "web"}, "pages": {"query", "web", "docs_text"}, "web": {"query", "pages"},
    "cli": {"query", "build", "web", "docs_text", "synth"},  # build commands and `serve` are wired here
    "api_python": {"query"}, "docs_text": set(), "__main__": {"cli"}, "__init__": {"api_python"},
    "synth": set(),
}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> set[str]:
    rel = path.relative_to(SRC.parent).with_suffix("")
    package = list(rel.parts[:-1]) if path.name != "__init__.py" else list(rel.parts[:-1])
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
            else:
                names = [node.module or ""]
            out.update(n for n in names if n.startswith("tflink."))
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("tflink."))
    return out


def test_every_import_follows_the_layers() -> None:
    bad = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        me = rel.parts[1] if len(rel.parts) > 1 else "__init__"
        for target in _imports(path):
            other = _layer(target)
            if other != me and other not in SHARED and other not in ALLOWED[me]:
                bad.append(f"{path.relative_to(SRC)} imports {target}")
    assert not bad, "layer violations:\n" + "\n".join(sorted(bad))


SQL = re.compile(r"""["'](?:SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (?:TABLE|INDEX))\b""")


def test_sql_text_only_in_the_store() -> None:
    # sources/jaspar.py reads JASPAR's own SQLite file (an input format of that source), not a release
    readers_of_source_databases = {"sources/jaspar.py"}
    found = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
             if p.relative_to(SRC).parts[0] != "store" and SQL.search(p.read_text())
             and str(p.relative_to(SRC)) not in readers_of_source_databases]
    assert not found, f"SQL outside store/: {found}"
