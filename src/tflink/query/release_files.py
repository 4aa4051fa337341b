"""The whole download set of a release, with TFLink's v1.0 file names, a `SHA256SUMS` file and a catalogue.

Files are written to a temporary name and renamed into place, so a reader never sees half a file. Per organism
and scale (SS / LS / All), only files that hold data are written (TFLink, too, has no small-scale zebrafish file).
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Callable

from .. import model, settings
from ..errors import BadParameter
from ..store import Release
from ..store import exports_sql as sql

RELEASE_FORMATS = ("table", "mitab", "gmt-uniprot", "gmt-ncbi", "gmt-name", "sites", "gff3", "fasta")
GZIPPED = frozenset({"table", "mitab", "sites"})  # the big TSVs, gzip-compressed as on tflink.net
CHECKSUMS = "SHA256SUMS"
CATALOGUE = "catalogue.json"
URL_PREFIX = "/downloads/"


def default_downloads_dir(rel: Release) -> Path:
    """`<release dir>/downloads` for SQLite; `<data_dir>/downloads/<schema>` for PostgreSQL."""
    if rel.dialect == "sqlite":
        return Path(rel.path).parent / "downloads"
    from ..store.backend import parse_pg

    return settings.data_dir() / "downloads" / parse_pg(rel.location).schema


def write_release_files(rel: Release, directory: str | Path | None = None,
                        progress: Callable[[str, int], None] | None = None) -> list[dict[str, Any]]:
    """Write every download file of the release; returns the catalogue (also saved as catalogue.json)."""
    from .exports import export, has_rows

    out_dir = Path(directory) if directory else default_downloads_dir(rel)
    out_dir.mkdir(parents=True, exist_ok=True)
    catalogue: list[dict[str, Any]] = []
    for taxid in sql.release_organisms(rel):
        org = model.organism(taxid)
        for scale in sql.SCALES:
            for fmt in RELEASE_FORMATS:
                if not has_rows(rel, fmt, taxid, scale):
                    continue
                ex = export(rel, fmt, org.name, scale, gzip=fmt in GZIPPED)
                size, digest = _write_atomic(out_dir / ex.filename, ex.chunks())
                catalogue.append({"organism": org.name, "scale": scale, "format": fmt, "filename": ex.filename,
                                  "size": size, "sha256": digest})
                if progress:
                    progress(ex.filename, size)
    _write_text(out_dir / CHECKSUMS, "".join(f"{c['sha256']}  {c['filename']}\n" for c in catalogue))
    _write_text(out_dir / CATALOGUE, json.dumps(catalogue, indent=1) + "\n")
    return [{**c, "url": URL_PREFIX + c["filename"]} for c in catalogue]


def _write_atomic(path: Path, chunks: Any) -> tuple[int, str]:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    h = hashlib.sha256()
    size = 0
    try:
        with open(tmp, "wb") as fh:
            for c in chunks:
                fh.write(c)
                h.update(c)
                size += len(c)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return size, h.hexdigest()


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def download_catalogue(rel: Release, dir: str | Path | None = None) -> list[dict[str, Any]]:  # noqa: A002
    """The files written by `write_release_files`: organism, scale, format, filename, size, sha256, url.

    Empty when the download set has not been written (run `tflink release-files`)."""
    d = Path(dir) if dir else default_downloads_dir(rel)
    try:
        items = json.loads((d / CATALOGUE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    out = []
    for c in items:
        p = d / c["filename"]
        if p.is_file():
            out.append({**c, "size": p.stat().st_size, "url": URL_PREFIX + c["filename"]})
    return out


def download_path(rel: Release, filename: str, dir: str | Path | None = None) -> Path:  # noqa: A002
    """The file of a download name, refusing anything that is not a catalogued file of the download dir."""
    if not filename or "/" in filename or "\\" in filename or filename.startswith(".") or len(filename) > 200:
        raise BadParameter("filename", f"bad file name {filename[:80]!r}")
    names = {c["filename"] for c in download_catalogue(rel, dir)}
    if filename not in names:
        from ..errors import NotFound

        raise NotFound(f"no download file {filename!r}; the list is at /api/v1/downloads "
                       "(run `tflink release-files` to write the download set)")
    return (Path(dir) if dir else default_downloads_dir(rel)) / filename
