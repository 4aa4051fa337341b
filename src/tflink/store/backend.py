"""Connections to the two release backends, SQLite (embedded) and PostgreSQL (server).

SQL in tflink is written once, with `?` placeholders; :class:`Db` translates it for PostgreSQL. Only the
`store` package holds SQL text and executes it.
"""
from __future__ import annotations

import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import QueryTimeout, ReleaseNotFound

DB_FILE = "tflink.sqlite"
MANIFEST_FILE = "manifest.json"
_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,50}$")


def is_postgres(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


@dataclass(frozen=True)
class PgLocation:
    """A PostgreSQL release: connection URL without the `schema` parameter, plus the schema name."""

    conninfo: str
    schema: str


def parse_pg(location: str) -> PgLocation:
    """Split `postgresql://host/db?schema=name` into conninfo and schema (default `tflink`)."""
    parts = urlsplit(location)
    params = dict(parse_qsl(parts.query))
    schema = params.pop("schema", "tflink").lower()
    if not _IDENT.match(schema):
        raise ReleaseNotFound(f"bad schema name {schema!r} in {location}: use lower-case letters, digits and _")
    conninfo = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params), ""))
    return PgLocation(conninfo, schema)


class Db:
    """One connection with a dialect: `execute`, `fetchall`, `fetchone`, `insert_rows`."""

    def __init__(self, conn: Any, dialect: str) -> None:
        self.conn = conn
        self.dialect = dialect
        self._deadline: float | None = None

    # -- SQL translation -------------------------------------------------------------------
    def sql(self, text: str) -> str:
        if self.dialect == "postgres":
            return text.replace("?", "%s")
        return text

    def execute(self, text: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(self.sql(text), params)
        except sqlite3.OperationalError as exc:
            if str(exc) == "interrupted":
                raise QueryTimeout("query took longer than its time limit; narrow the filters") from exc
            raise
        except Exception as exc:  # psycopg's QueryCanceled, without importing psycopg for SQLite users
            if type(exc).__name__ == "QueryCanceled":
                if not self.conn.autocommit:
                    self.conn.rollback()
                raise QueryTimeout("query took longer than its time limit; narrow the filters") from exc
            raise

    def fetchall(self, text: str, params: Sequence[Any] = ()) -> list[tuple]:
        return list(self.execute(text, params).fetchall())

    def fetchone(self, text: str, params: Sequence[Any] = ()) -> tuple | None:
        return self.execute(text, params).fetchone()

    def iterate(self, text: str, params: Sequence[Any] = (), chunk: int = 20000) -> Iterator[tuple]:
        """Stream rows in constant memory (server-side cursor on PostgreSQL)."""
        if self.dialect == "postgres":
            with self.conn.transaction():
                with self.conn.cursor(name=f"tflink_{id(self)}_{time.monotonic_ns()}") as cur:
                    cur.itersize = chunk
                    cur.execute(self.sql(text), params)
                    yield from cur
            return
        cur = self.execute(text, params)
        while True:
            rows = cur.fetchmany(chunk)
            if not rows:
                return
            yield from rows

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Bulk insert: executemany on SQLite, COPY on PostgreSQL. Returns the number of rows."""
        n = 0
        if self.dialect == "postgres":
            with self.conn.cursor() as cur:
                with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as cp:
                    for row in rows:
                        cp.write_row(row)
                        n += 1
            return n
        marks = ", ".join("?" for _ in columns)
        cur = self.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
        return cur.rowcount if cur.rowcount >= 0 else 0

    def commit(self) -> None:
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()

    # -- time limits -----------------------------------------------------------------------
    def set_timeout(self, ms: int) -> None:
        if self.dialect == "postgres":
            self.conn.execute(f"SET statement_timeout = {int(ms)}")
            return
        self._deadline_ms = ms
        self.conn.set_progress_handler(self._check_deadline, 20000)

    def _check_deadline(self) -> int:
        return 1 if self._deadline is not None and time.monotonic() > self._deadline else 0

    def start_clock(self) -> None:
        if self.dialect == "sqlite":
            self._deadline = time.monotonic() + getattr(self, "_deadline_ms", 5000) / 1000


# -- opening ---------------------------------------------------------------------------------
def sqlite_path(location: str) -> Path:
    """The database file of a SQLite release given as a directory or a file."""
    p = Path(location).expanduser()
    if p.is_dir():
        p = p / DB_FILE
    if not p.is_file():
        raise ReleaseNotFound(
            f"no release at {location} — run `tflink build` / `tflink import-tflink`, "
            "or point --db / TFLINK_DB at a release directory, .sqlite file or postgresql:// URL")
    return p


def open_sqlite_read(path: Path) -> Db:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    conn.execute("PRAGMA query_only = 1")
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA mmap_size = 1073741824")
    conn.execute("PRAGMA temp_store = MEMORY")
    return Db(conn, "sqlite")


def open_sqlite_write(path: Path) -> Db:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = MEMORY", "cache_size = -262144",
                   "locking_mode = EXCLUSIVE"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("BEGIN")
    return Db(conn, "sqlite")


def open_pg(conninfo: str, schema: str | None = None, read_only: bool = False) -> Db:
    import psycopg

    try:
        conn = psycopg.connect(conninfo, autocommit=False)
    except psycopg.OperationalError as exc:
        raise ReleaseNotFound(f"cannot connect to PostgreSQL at {conninfo}: {exc}".strip()) from exc
    if schema:
        conn.execute(f'SET search_path TO "{schema}"')
    if read_only:
        # readers never hold a transaction open between statements: they would block schema swaps
        conn.commit()
        conn.autocommit = True
        conn.execute("SET default_transaction_read_only = on")
    return Db(conn, "postgres")


class _Rows:
    """The result of a pooled query: rows already fetched, with the cursor methods the store uses."""

    def __init__(self, rows: list[tuple]) -> None:
        self._rows = rows
        self._pos = 0

    def fetchall(self) -> list[tuple]:
        rest, self._pos = self._rows[self._pos:], len(self._rows)
        return rest

    def fetchone(self) -> tuple | None:
        if self._pos >= len(self._rows):
            return None
        self._pos += 1
        return self._rows[self._pos - 1]


class PooledDb(Db):
    """PostgreSQL reads through a connection pool (psycopg_pool): each statement borrows a connection.

    Connections are autocommit, read-only, with the release's search_path and the statement time limit, so a
    server process holds at most TFLINK_PG_POOL_MAX connections whatever its thread count."""

    def __init__(self, conninfo: str, schema: str, max_size: int, timeout_ms: int) -> None:
        from psycopg_pool import ConnectionPool

        def configure(conn: Any) -> None:
            conn.autocommit = True
            conn.execute(f'SET search_path TO "{schema}"')
            conn.execute("SET default_transaction_read_only = on")
            conn.execute(f"SET statement_timeout = {int(timeout_ms)}")

        try:
            self.pool = ConnectionPool(conninfo, min_size=1, max_size=max_size, configure=configure, open=True,
                                       timeout=30)
            self.pool.wait(timeout=10)
        except Exception as exc:  # noqa: BLE001 - psycopg_pool raises PoolTimeout / OperationalError
            raise ReleaseNotFound(f"cannot connect to PostgreSQL at {conninfo}: {exc}") from exc
        super().__init__(None, "postgres")

    def execute(self, text: str, params: Sequence[Any] = ()) -> Any:
        with self.pool.connection() as conn:
            db = Db(conn, "postgres")
            cur = db.execute(text, params)
            return _Rows(cur.fetchall() if cur.description else [])

    def iterate(self, text: str, params: Sequence[Any] = (), chunk: int = 20000) -> Iterator[tuple]:
        with self.pool.connection() as conn:
            yield from Db(conn, "postgres").iterate(text, params, chunk)

    def set_timeout(self, ms: int) -> None:
        """Set per connection by the pool's configure step."""

    def start_clock(self) -> None:
        """PostgreSQL enforces statement_timeout itself."""

    def commit(self) -> None:
        """Autocommit connections: nothing to commit."""

    def close(self) -> None:
        self.pool.close()


class ThreadLocalDb:
    """One read connection per thread (web servers run sync handlers in a thread pool)."""

    def __init__(self, factory: Any) -> None:
        self._factory = factory
        self._local = threading.local()
        self._all: list[Db] = []
        self._lock = threading.Lock()

    def get(self) -> Db:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._factory()
            self._local.db = db
            with self._lock:
                self._all.append(db)
        return db

    def close(self) -> None:
        with self._lock:
            for db in self._all:
                try:
                    db.close()
                except Exception:  # noqa: BLE001 - closing at shutdown; nothing to report
                    pass
            self._all.clear()
