"""The example deployment (deploy/): two stateless nodes started by run-node.sh from the example env file — one
on PostgreSQL (2 workers), one on its own copy of a SQLite release — answer the same entry identically."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from conftest import ROOT


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env_file(tmp: Path, name: str, db: str, port: int, workers: int) -> Path:
    lines = []
    for line in (ROOT / "deploy" / "node.env.example").read_text().splitlines():
        key = line.split("=", 1)[0]
        if key == "TFLINK_DB":
            line = f"TFLINK_DB='{db}'"
        elif key == "TFLINK_PORT":
            line = f"TFLINK_PORT={port}"
        elif key == "TFLINK_HOST":
            line = "TFLINK_HOST=127.0.0.1"
        elif key == "TFLINK_WORKERS":
            line = f"TFLINK_WORKERS={workers}"
        lines.append(line)
    p = tmp / f"{name}.env"
    p.write_text("\n".join(lines) + "\n")
    return p


def _wait(port: int, proc: subprocess.Popen) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"node exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    pytest.fail("node did not start")


def test_two_stateless_nodes_answer_alike(tmp_path: Path, ref_release: str, ref_release_pg: str) -> None:
    node_copy = tmp_path / "node-b-release"
    shutil.copytree(Path(ref_release).resolve(), node_copy)  # "rsync the release to the node"
    pa, pb = _port(), _port()
    procs = [subprocess.Popen(["bash", str(ROOT / "deploy" / "run-node.sh"), str(_env_file(tmp_path, n, db, p, w))],
                              stderr=subprocess.PIPE, text=True)
             for n, db, p, w in (("a", ref_release_pg, pa, 2), ("b", str(node_copy), pb, 1))]
    try:
        for port, proc in zip((pa, pb), procs):
            _wait(port, proc)
        a = httpx.get(f"http://127.0.0.1:{pa}/api/v1/entries/Q15672", timeout=30).json()
        b = httpx.get(f"http://127.0.0.1:{pb}/api/v1/entries/Q15672", timeout=30).json()
        assert a == b
        assert len(a["targets"]) > 7000
        for _ in range(6):  # several requests spread over node a's two worker processes
            assert httpx.get(f"http://127.0.0.1:{pa}/api/v1/search?q=twist1", timeout=30).status_code == 200
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(20)
