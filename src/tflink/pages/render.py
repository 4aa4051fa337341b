"""Rendering helpers for the HTML gateway: one Jinja2 environment (autoescaped), `render` and `error_page`.

Templates hold no logic beyond loops and conditionals over ready data; handlers prepare everything.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import __version__

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"

templates = Environment(
    loader=FileSystemLoader(str(TEMPLATE_DIR)),
    autoescape=select_autoescape(["html", "htm", "xml", "svg"], default_for_string=True, default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)

NAV = (
    ("Home", "/"), ("Browse", "/browse"), ("Batch", "/batch"),
    ("Enrichment", "/analysis/enrichment"), ("Common targets", "/analysis/common-targets"),
    ("Cross-species", "/analysis/cross-species"), ("Downloads", "/downloads"),
    ("API docs", "/api/v1/docs"), ("FAQ", "/faq"),
)


def release_label(request: Request) -> str:
    """A short label for the served release ('version, built date'), or '' when it cannot be read."""
    try:
        from ..web.deps import release
        manifest = release(request).manifest or {}
    except Exception:  # noqa: BLE001 -- the footer must render even on the "no release" error page
        return ""
    version = manifest.get("version") or ""
    built = (manifest.get("built_at") or "")[:10]
    return f"{version} (built {built})" if version and built else version


def render(request: Request, template_name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render `template_name` with `context` (+ request, nav, version, release label) as an HTML response."""
    base = {"request": request, "nav": NAV, "version": __version__,
            "release_label": release_label(request), "path": request.url.path}
    html = templates.get_template(template_name).render(**base, **context)
    return HTMLResponse(html, status_code=status_code)


def error_page(request: Request, status: int, message: str, **context: Any) -> HTMLResponse:
    """The HTML error page (status code, readable message, optional `suggestions` list of entries)."""
    return render(request, "error.html", status_code=status, status=status, message=message, **context)


__all__ = ["NAV", "error_page", "render", "templates"]
