"""Settings in one table: name, default, help; each overridable by an environment variable `TFLINK_<NAME>`."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def env(self) -> str:
        return "TFLINK_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", str(Path.home() / ".local" / "share" / "tflink"),
            "Where releases live; the default release is <data_dir>/releases/demo."),
    Setting("db", "", "The release to open: a release directory, a .sqlite file or a postgresql:// URL "
                      "(default: <data_dir>/releases/demo)."),
    Setting("query_timeout_ms", "5000", "Time limit of one read query; longer queries raise QueryTimeout."),
    Setting("page_size_max", "1000", "Largest page of rows one API or page request may ask for."),
    Setting("batch_max", "5000", "Most identifiers one batch lookup or gene list may hold."),
    Setting("network_max", "2000", "Most nodes a network neighbourhood request may return."),
    Setting("pg_pool_max", "8", "Largest PostgreSQL connection pool of one server process."),
    Setting("entry_cache_mb", "64", "Memory for serialized entry JSON per server process (releases are immutable, "
                                    "so a hub's JSON is built once); 0 turns the cache off."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The value of a setting: its environment variable if set, else its default."""
    s = _BY_NAME[name]
    return os.environ.get(s.env, s.default)


def get_int(name: str) -> int:
    return int(get(name))


def data_dir() -> Path:
    return Path(get("data_dir")).expanduser()


def default_release() -> str:
    """TFLINK_DB if set, else the demo release in the data dir."""
    return get("db") or str(data_dir() / "releases" / "demo")
