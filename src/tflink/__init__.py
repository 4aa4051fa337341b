"""tflink: transcription factor -> target gene regulation data (a TFLink re-implementation).

    >>> import tflink
    >>> db = tflink.open()                 # the demo release, TFLINK_DB, or a path / postgresql:// URL
    >>> db.entry("Q15672")["name"]
    'TWIST1'
    >>> db.targets("TWIST1").head()        # pandas DataFrame
"""
from __future__ import annotations

__version__ = "0.1.0"

from .api_python import Tflink, open  # noqa: E402,A004

__all__ = ["open", "Tflink", "__version__"]
