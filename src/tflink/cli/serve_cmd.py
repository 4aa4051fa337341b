"""`tflink serve`: the web gateway and REST API over a release."""
from __future__ import annotations

import click

from .common import db_option


def register(cli: click.Group) -> None:
    cli.add_command(serve)


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int, help="Server processes (uvicorn workers).")
def serve(db: str | None, host: str, port: int, workers: int) -> None:
    """Serve the web gateway and the REST API (/api/v1, OpenAPI at /api/v1/openapi.json).

    \b
    Example:  tflink serve --port 8080
    """
    import os

    import uvicorn

    from .common import release

    rel = release(db)  # fail early, with a readable message, if there is no release
    click.echo(f"serving release {rel.manifest.get('version')} ({rel.location}) on http://{host}:{port}/", err=True)
    if workers > 1:
        os.environ["TFLINK_DB"] = rel.location
        uvicorn.run("tflink.web.asgi:app", host=host, port=port, workers=workers, log_level="warning")
        return
    from ..web.app import create_app

    uvicorn.run(create_app(rel.location), host=host, port=port, log_level="warning")
