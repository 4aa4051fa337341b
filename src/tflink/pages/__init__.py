"""The HTML gateway: page routers, templates (no logic) and packaged static assets."""
