"""`python -m tflink` = the `tflink` command."""
from .cli.main import main

main()
