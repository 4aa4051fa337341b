"""The `tflink` command line: thin commands over the library."""
