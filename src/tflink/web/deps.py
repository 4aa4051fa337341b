"""Dependencies shared by the API and page routers."""
from __future__ import annotations

from fastapi import Request

from ..query import open_release
from ..query import Release


def release(request: Request) -> Release:
    """The release this server serves (opened once, cached: releases are immutable)."""
    return open_release(request.app.state.location)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")
