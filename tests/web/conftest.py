"""Web fixtures: an HTTP client, a live uvicorn server for any release (`live_server_for`), headless Chromium.

Other browser tests in tests/web reuse these: `live_server` serves the reference release (or the demo release
when the lead's `demo_release` fixture exists); `live_server_for(location)` serves any other release.
"""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
EVIL = "<script>alert(1)</script>"  # a gene name that must render as text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving `create_app(location)` on 127.0.0.1:<free port> in a background thread."""

    def __init__(self, location: str) -> None:
        import uvicorn

        from tflink.web.app import create_app

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(location), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"uvicorn did not start for {location}")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def gateway_release(request: pytest.FixtureRequest) -> str:
    """The release the gateway tests run on: the demo release once that fixture exists, else the real samples."""
    try:
        return request.getfixturevalue("demo_release")
    except pytest.FixtureLookupError:
        return request.getfixturevalue("ref_release")


@pytest.fixture(scope="session")
def live_server_for() -> Iterator[Callable[[str], LiveServer]]:
    """Factory: a live server for a release location (one per location per session)."""
    servers: dict[str, LiveServer] = {}

    def get(location: str) -> LiveServer:
        if location not in servers:
            servers[location] = LiveServer(location)
        return servers[location]

    yield get
    for s in servers.values():
        s.stop()


@pytest.fixture(scope="session")
def live_server(live_server_for: Callable[[str], LiveServer], ref_release: str) -> LiveServer:
    """The gateway over the reference release (real TFLink samples, incl. TWIST1 with 7,938 targets)."""
    return live_server_for(ref_release)


@pytest.fixture(scope="session")
def synthetic_release(tmp_path_factory: pytest.TempPathFactory) -> str:
    """SYNTHETIC: a tiny hand-made release whose hub has targets, TFs, sites, orthologs, a JASPAR matrix, and an
    entry named like an HTML script tag (escaping tests)."""
    from tflink.model import BindingSite, Entry, InputFile, Interaction, Ortholog
    from tflink.store import ReleaseWriter

    hs, mm = 9606, 10090
    target = tmp_path_factory.mktemp("synthetic") / "release"
    with ReleaseWriter(str(target), version="synthetic-test") as w:
        w.add_entries([Entry("P10242", hs, "MYB", ("4602",), ("c-myb",), (), ("MA0100.3",)),
                       Entry("P99901", hs, "TGTA", ("9001",)), Entry("P99902", hs, "TGTB", ("9002",)),
                       Entry("P99903", hs, "REGA", ("9003",)), Entry("P99904", hs, EVIL, ("9004",)),
                       Entry("P06876", mm, "Myb", ("17863",))])
        w.add_interactions([
            Interaction("P10242", "P99901", hs, {"TRRUST"}, {"inferred by curator"}, ["29087512"], True, False),
            Interaction("P10242", "P99902", hs, {"GTRD"}, {"chromatin immunoprecipitation assay"}, ["27924024"],
                        False, True),
            Interaction("P99903", "P10242", hs, {"TRRUST", "GTRD"}, {"inferred by curator"}, ["1"], True, True),
            Interaction("P99904", "P10242", hs, {"GTRD"}, {"chromatin immunoprecipitation assay"}, ["2"],
                        False, True),
            Interaction("P06876", "P06876", mm, {"TRRUST"}, {"inferred by curator"}, ["3"], True, False)])
        w.add_sites([BindingSite("TFLinkSS00000001", "P10242", hs, "hg38", "chr1", 1000, 1009, "+", "CAACTGCCAA",
                                 ("JASPAR",), ("SELEX",), ("8467793",), True),
                     BindingSite("TFLinkLS00000002", "P10242", hs, "hg38", "chr2", 5000, 5009, "-", "TTAACGGTTA",
                                 ("GTRD",), ("chromatin immunoprecipitation assay",), ("27924024",), False),
                     BindingSite("TFLinkLS00000003", "P99904", hs, "hg38", "chr3", 10, 19, "+", "ACGT",
                                 (EVIL,), (), (), False)])
        w.add_orthologs([Ortholog("P10242", "P06876", mm), Ortholog("P06876", "P10242", hs),
                         Ortholog("P10242", "Q99999", 7955)])
        w.add_input(InputFile(name="SYNTHETIC " + EVIL, path="synthetic", sha256="0" * 64, version="1",
                              licence="CC0", citation="123"))
    return str(target)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    """A fresh page (1280x900) that records console errors and failed requests in `page.errors`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)  # type: ignore
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


def screenshot(pg: object, name: str) -> Path:
    """Save a full-page screenshot under test-output/screenshots/ and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path
