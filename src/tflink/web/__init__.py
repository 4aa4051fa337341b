"""The web application: wires the REST API routers and the HTML page routers over one release."""
