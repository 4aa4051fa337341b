"""`tflink fetch`: download source files with checksums, resume and progress.

The registry of what can be fetched is built from the adapters' constants (`URLS`, `VERSION`, `LICENCE`,
`FILES`); :func:`download` fetches one URL into a directory:
* resumes a partial `<name>.part` with an HTTP `Range` request (falls back to a full download when the
  server ignores the range);
* verifies an expected sha256 when one is given and raises :class:`ChecksumMismatch` otherwise keeping
  nothing under the final name;
* reports progress through `progress(done_bytes, total_bytes_or_None)`.
"""
from __future__ import annotations

import logging
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from .. import sources
from ..checksums import sha256_file
from ..errors import TflinkError

log = logging.getLogger(__name__)
ByteProgress = Callable[[int, int | None], None]
CHUNK = 1 << 16


class FetchError(TflinkError):
    """A download failed (network, HTTP status)."""


class ChecksumMismatch(FetchError):
    """The downloaded file does not have the expected sha256."""

    def __init__(self, path: Path, expected: str, actual: str) -> None:
        self.path, self.expected, self.actual = path, expected, actual
        super().__init__(f"{path.name}: sha256 {actual} does not match the expected {expected}; the file was "
                         f"removed — retry `tflink fetch`, or check the source's published checksum")


@dataclass(frozen=True)
class Remote:
    """One downloadable file of a source."""

    source: str
    key: str
    url: str
    version: str
    licence: str
    sha256: str = ""

    @property
    def filename(self) -> str:
        return Path(urlparse(self.url).path).name or f"{self.source}-{self.key}"


def registry() -> list[Remote]:
    """Every downloadable URL declared by the adapters (non-http entries such as pyjaspar are skipped)."""
    out = []
    for key, mod in sources.all_sources().items():
        for name, url in mod.URLS.items():
            if url.startswith(("http://", "https://")) and not url.endswith("/") and " " not in url:
                out.append(Remote(key, name, url, mod.VERSION, mod.LICENCE, getattr(mod, "SHA256", {}).get(name, "")))
    return out


def download(url: str, dest_dir: str | Path, *, sha256: str = "", filename: str | None = None,
             progress: ByteProgress | None = None, timeout: float = 60.0) -> Path:
    """Download `url` into `dest_dir` (resuming `<file>.part`); returns the final path."""
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    final = dest_dir / (filename or Path(urlparse(url).path).name)
    if final.exists() and (not sha256 or sha256_file(final) == sha256):
        log.info("%s already present", final)
        return final
    part = final.with_name(final.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    request = urllib.request.Request(url, headers={"Range": f"bytes={have}-"} if have else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            resumed = have > 0 and resp.status == 206
            if not resumed:
                have = 0
            length = resp.headers.get("Content-Length")
            total = have + int(length) if length is not None else None
            with open(part, "ab" if resumed else "wb") as out:
                done = have
                for block in iter(lambda: resp.read(CHUNK), b""):
                    out.write(block)
                    done += len(block)
                    if progress:
                        progress(done, total)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:  # range not satisfiable: the part file is already complete
            pass
        else:
            raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise FetchError(f"{url}: {exc} — check the network or the URL; a partial file is kept for resuming") \
            from None
    if sha256:
        actual = sha256_file(part)
        if actual != sha256:
            part.unlink()
            raise ChecksumMismatch(final, sha256, actual)
    os.replace(part, final)
    return final


def fetch_source(name: str, dest_dir: str | Path, progress: ByteProgress | None = None) -> list[Path]:
    """Download every file declared by one source adapter into `dest_dir/<source>/`."""
    key = sources.get(name).__name__.rsplit(".", 1)[1]
    remotes = [r for r in registry() if r.source == key]
    if not remotes:
        raise FetchError(f"source {name!r} declares no downloadable URL (it is offline or ships in a package)")
    return [download(r.url, Path(dest_dir) / key, sha256=r.sha256, progress=progress) for r in remotes]
