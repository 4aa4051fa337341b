"""ASGI entry point for process managers: `uvicorn tflink.web.asgi:app` (release from TFLINK_DB)."""
from .app import create_app

app = create_app()
