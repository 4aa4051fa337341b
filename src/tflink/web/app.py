"""`create_app()`: the FastAPI application. Only wiring here: routers, static files, error translation."""
from __future__ import annotations

import importlib
import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, settings
from ..errors import BadParameter, TflinkError
from .deps import wants_json

log = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).resolve().parent.parent / "pages" / "static"

# Router modules, each with a module-level `router`. API routers first (prefix /api/v1 inside them).
ROUTER_MODULES = (
    "tflink.api.routes_entries", "tflink.api.routes_interactions", "tflink.api.routes_exports",
    "tflink.api.routes_analyses", "tflink.api.routes_search", "tflink.pages.routes_analyses", "tflink.pages.routes",
)


def create_app(location: str | None = None) -> FastAPI:
    """The web gateway + REST API over the release at `location` (default: TFLINK_DB or the demo)."""
    app = FastAPI(title="tflink", version=__version__,
                  description="Transcription factor → target gene regulation data: REST API of a tflink release. "
                              "Limits: page size ≤ TFLINK_PAGE_SIZE_MAX, batch ≤ TFLINK_BATCH_MAX identifiers, "
                              "network ≤ TFLINK_NETWORK_MAX nodes; errors are JSON {error, param?, status}.",
                  openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None)  # offline docs: api/routes_exports
    app.state.location = location or settings.default_release()
    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for name in ROUTER_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # that part is not built yet
            raise
        app.include_router(module.router)
    _install_error_handlers(app)
    return app


def _error_response(request: Request, status: int, message: str, param: str | None = None) -> Response:
    if wants_json(request):
        body = {"error": message, "status": status}
        if param:
            body["param"] = param
        return JSONResponse(body, status_code=status)
    try:
        from ..pages.render import error_page
    except ModuleNotFoundError:
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return error_page(request, status, message)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(TflinkError)
    async def tflink_error(request: Request, exc: TflinkError) -> Response:
        return _error_response(request, exc.http_status, str(exc), getattr(exc, "param", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "body", "path")]
        param = ".".join(loc) or None
        return _error_response(request, 400, f"{param or 'request'}: {first.get('msg', 'invalid value')}", param)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return _error_response(request, exc.status_code, message)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:  # last resort: log it, say it plainly
        log.exception("unexpected error on %s", request.url.path)
        return _error_response(request, 500, "internal error; it has been logged")


__all__ = ["create_app", "BadParameter"]
