"""`tflink import-tflink`: load official TFLink release files into a release of our own."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..checksums import sha256_file
from ..errors import InputError
from ..model import InputFile, Ortholog
from ..sources import tflink_files
from ..store.writer import ReleaseWriter

log = logging.getLogger(__name__)


@dataclass
class ImportResult:
    target: str
    files: list[dict[str, Any]] = field(default_factory=list)  # path, format taken, rows read, rejected
    manifest: dict[str, Any] = field(default_factory=dict)


def import_files(paths: Iterable[str | Path], target: str, version: str = "tflink-import",
                 lenient: bool = False, progress: Callable[[str, int], None] | None = None,
                 on_detect: Callable[[Path, str], None] | None = None) -> ImportResult:
    """Import TFLink files into a new release at `target` (directory or postgresql:// URL), atomically."""
    files = [Path(p) for p in paths]
    for p in files:
        if not p.is_file():
            raise InputError(p, None, "no such file")
    detected = [(p, tflink_files.detect(p)) for p in files]
    # browse tables first: they declare names and counts; the interaction files then add what they know
    detected.sort(key=lambda pd: pd[1].format != "browse")
    result = ImportResult(target)
    with ReleaseWriter(target, version, progress) as w:
        orthologs: list[Ortholog] = []
        for path, det in detected:
            if on_detect:
                on_detect(path, tflink_files.FORMATS[det.format])
            info = InputFile(name=tflink_files.NAME, path=str(path), sha256=sha256_file(path), format=det.format,
                             licence=tflink_files.LICENCE, citation=tflink_files.CITATION_PMID)
            records = tflink_files.parse(path, det, info, lenient=lenient)
            if det.format == "binding_sites":
                w.add_site_rows(_route(records, w, orthologs, "site_row"))
            elif det.format == "browse":
                w.add_entries(rec for kind, rec in records if kind == "entry")  # type: ignore[misc]
            else:
                w.add_interaction_rows(_route(records, w, orthologs, "interaction"))
            w.add_input(info)
            result.files.append({"path": str(path), "format": det.format, "rows_read": info.rows_read,
                                 "rows_rejected": info.rows_rejected, "rejects": info.rejects})
            log.info("%s: %s, %d rows, %d rejected", path, det.format, info.rows_read, info.rows_rejected)
        w.add_orthologs(dict.fromkeys(orthologs))
        w.manifest_extra["import"] = {"lenient": lenient, "files": result.files}
    result.manifest = w.manifest
    return result


def _route(records: Iterator[tuple[str, object]], w: ReleaseWriter, orthologs: list[Ortholog],
           wanted: str) -> Iterator[Any]:
    """Pass on the records of one kind; entries and orthologs go to the writer / list on the way."""
    note = w.note_entry
    for kind, rec in records:
        if kind == wanted:
            yield rec
        elif kind == "entry":
            note(rec)  # type: ignore[arg-type]
        elif kind == "ortholog":
            orthologs.append(rec)  # type: ignore[arg-type]
