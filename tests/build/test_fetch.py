"""`tflink fetch` downloader against a local HTTP server (127.0.0.1) serving fixture files: resume, checksums."""
from __future__ import annotations

import hashlib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from tflink.build import fetch


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files with HTTP Range support (206) and counts the bytes it sent."""

    sent: ClassVar[list[int]] = []
    honour_range: ClassVar[bool] = True

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            self.send_error(404)
            return
        data = path.read_bytes()
        rng = self.headers.get("Range")
        if rng and self.honour_range:
            start = int(rng.split("=")[1].split("-")[0])
            body = data[start:]
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            body = data
            self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        RangeHandler.sent.append(len(body))


@pytest.fixture()
def server(shared_dir: Path) -> Iterator[str]:
    root = shared_dir / "sources" / "trrust"
    handler = lambda *a, **k: RangeHandler(*a, directory=str(root), **k)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    RangeHandler.sent, RangeHandler.honour_range = [], True
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_download_with_checksum_and_progress(server: str, shared_dir: Path, tmp_path: Path) -> None:
    src = shared_dir / "sources" / "trrust" / "trrust_rawdata.mouse.tsv"
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    seen: list[tuple[int, int | None]] = []
    out = fetch.download(f"{server}/trrust_rawdata.mouse.tsv", tmp_path, sha256=digest,
                         progress=lambda d, t: seen.append((d, t)))
    assert out.read_bytes() == src.read_bytes()
    assert seen[-1] == (src.stat().st_size, src.stat().st_size)
    assert not (tmp_path / "trrust_rawdata.mouse.tsv.part").exists()


def test_resume_after_partial_file(server: str, shared_dir: Path, tmp_path: Path) -> None:
    src = (shared_dir / "sources" / "trrust" / "trrust_rawdata.human.tsv").read_bytes()
    (tmp_path / "trrust_rawdata.human.tsv.part").write_bytes(src[:100_000])
    out = fetch.download(f"{server}/trrust_rawdata.human.tsv", tmp_path,
                         sha256=hashlib.sha256(src).hexdigest())
    assert out.read_bytes() == src
    assert RangeHandler.sent == [len(src) - 100_000]  # only the missing tail was transferred


def test_server_without_range_support_restarts(server: str, shared_dir: Path, tmp_path: Path) -> None:
    RangeHandler.honour_range = False
    src = (shared_dir / "sources" / "trrust" / "trrust_rawdata.human.tsv").read_bytes()
    (tmp_path / "trrust_rawdata.human.tsv.part").write_bytes(b"garbage" * 10)
    out = fetch.download(f"{server}/trrust_rawdata.human.tsv", tmp_path)
    assert out.read_bytes() == src


def test_checksum_mismatch_raises_and_keeps_nothing(server: str, tmp_path: Path) -> None:
    with pytest.raises(fetch.ChecksumMismatch, match="does not match"):
        fetch.download(f"{server}/trrust_rawdata.mouse.tsv", tmp_path, sha256="0" * 64)
    assert list(tmp_path.iterdir()) == []


def test_http_error_is_a_fetch_error(server: str, tmp_path: Path) -> None:
    with pytest.raises(fetch.FetchError, match="404"):
        fetch.download(f"{server}/missing.tsv", tmp_path)


def test_registry_comes_from_the_adapters() -> None:
    reg = fetch.registry()
    trrust = [r for r in reg if r.source == "trrust"]
    assert {r.filename for r in trrust} == {"trrust_rawdata.human.tsv", "trrust_rawdata.mouse.tsv"}
    assert all(r.licence and r.version for r in reg)
    assert {r.source for r in reg} >= {"trrust", "dorothea", "gtrd", "remap", "htridb", "oreganno", "redfly"}
