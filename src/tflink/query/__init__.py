"""The query layer: one function per view, shared by the CLI, the REST API and the HTML pages."""
from __future__ import annotations

import threading
from pathlib import Path

from ..store import Page, Release, RowFilter

__all__ = ["Page", "Release", "RowFilter", "open_release", "forget"]
_OPEN: dict[str, Release] = {}
_LOCK = threading.Lock()


def open_release(location: str | Path | None = None) -> Release:
    """Open a release (cached per location: releases are immutable)."""
    from .. import settings

    key = str(location or settings.default_release())
    with _LOCK:
        rel = _OPEN.get(key)
        if rel is None:
            rel = _OPEN[key] = Release(key)
        return rel


def forget(location: str | Path | None = None) -> None:
    """Close cached releases (all, or one), e.g. after a new release replaced the old one."""
    with _LOCK:
        for key in [k for k in _OPEN if location is None or k == str(location)]:
            _OPEN.pop(key).close()
