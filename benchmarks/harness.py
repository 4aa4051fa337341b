"""Shared pieces of the benchmark suite: timing statistics, machine info, subprocess servers, HTTP load."""
from __future__ import annotations

import os
import platform
import resource
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """A console script of this environment (tflink, datasette, sqlite-utils)."""
    p = VENV_BIN / name
    return str(p) if p.exists() else name


def summary(samples_ms: list[float]) -> dict[str, float]:
    s = sorted(samples_ms)
    p99 = s[min(len(s) - 1, int(round(0.99 * (len(s) - 1))))]
    return {"n": len(s), "median_ms": round(statistics.median(s), 2), "p99_ms": round(p99, 2),
            "max_ms": round(s[-1], 2)}


def time_calls(fn: Callable[[], Any], n: int, warmup: int = 3) -> dict[str, float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return summary(out)


def machine_info() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(line for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")).split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    pg = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip() if _has("psql") else "-"
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": mem, "os": platform.platform(),
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version, "postgresql client": pg}


def _has(cmd: str) -> bool:
    return subprocess.run(["which", cmd], capture_output=True).returncode == 0


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run a command; wall seconds and the peak RSS of the child (MiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": round(seconds, 2), "peak_rss_mib": round(max(peak, before) / 1024, 1), "stderr": proc.stderr}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(cmd: list[str], port: int, ready_path: str = "/", timeout: float = 60) -> Iterator[subprocess.Popen]:
    """Start a server subprocess on 127.0.0.1:port and wait until it answers."""
    import httpx

    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + timeout
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}{ready_path}", timeout=2)
                break
            except httpx.HTTPError:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"server {' '.join(cmd)} did not start: {proc.stderr.read()[-2000:]}")
                time.sleep(0.2)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def http_load(base: str, paths: list[str], clients: int, requests_per_client: int) -> dict[str, Any]:
    """Latency of GET requests from `clients` concurrent clients (each its own connection), bounded in count."""
    import httpx

    lat: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def worker(k: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as c:
            mine = []
            for i in range(requests_per_client):
                path = paths[(k + i) % len(paths)]
                t = time.perf_counter()
                try:
                    r = c.get(path)
                except httpx.HTTPError as exc:  # e.g. a reset from a server with a short listen backlog
                    errors.append(f"{path}: {type(exc).__name__}")
                    continue
                mine.append((time.perf_counter() - t) * 1000)
                if r.status_code != 200:
                    errors.append(f"{path}: {r.status_code}")
            with lock:
                lat.extend(mine)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    return {**summary(lat), "clients": clients, "requests": len(lat), "req_per_s": round(len(lat) / wall, 1),
            "errors": len(errors)}


def dir_size_mib(path: Path) -> float:
    total = 0
    for p in Path(path).resolve().rglob("*"):
        if p.is_file():
            total += p.stat().st_size
    return round(total / 1024 / 1024, 1)
