"""Shared fixtures: the real sample files, releases imported from them (SQLite and PostgreSQL), the demo release."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
REF = SHARED / "sources" / "tflink_reference"
PG_BASE = os.environ.get("TFLINK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def reference_files() -> list[Path]:
    """Every real TFLink sample our importer reads (interaction, binding-site, per-entry and browse tables)."""
    files = sorted((REF / "entry_downloads").glob("*.tsv")) + sorted((REF / "browse_tables").glob("*.csv"))
    files += sorted(REF.glob("TFLink_*.head.*"))
    files += sorted((REF / "release_samples").glob("*simpleFormat*.csv"))
    files += sorted((REF / "release_samples").glob("*annotation*.tsv"))
    return files


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared not found at {SHARED}: the tests read the real source samples from there")
    return SHARED


@pytest.fixture(scope="session")
def ref_release(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> str:
    """A SQLite release imported from every real TFLink sample file."""
    from tflink.build.import_tflink import import_files

    target = tmp_path_factory.mktemp("ref") / "release"
    import_files(reference_files(), str(target), version="ref-test")
    return str(target)


def pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_BASE, connect_timeout=3):
            return True
    except Exception:  # noqa: BLE001 - any failure means: no server
        return False


@pytest.fixture(scope="session")
def pg_url() -> str:
    """A fresh PostgreSQL schema URL (dropped at the end). PostgreSQL is part of the test environment: no skip."""
    if not pg_available():
        pytest.fail(f"PostgreSQL is not reachable at {PG_BASE}; start it (see .ci/run)")
    schema = f"tflink_t_{uuid.uuid4().hex[:10]}"
    url = f"{PG_BASE}?schema={schema}"
    yield url
    import psycopg

    from tflink.query import forget

    forget()  # close cached readers before dropping their schema

    with psycopg.connect(PG_BASE, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}__old" CASCADE')


@pytest.fixture(scope="session")
def ref_release_pg(pg_url: str, shared_dir: Path) -> str:
    """The same real samples imported into PostgreSQL."""
    from tflink.build.import_tflink import import_files

    import_files(reference_files(), pg_url, version="ref-test")
    return pg_url


@pytest.fixture(params=["sqlite", "postgres"])
def any_release(request: pytest.FixtureRequest) -> str:
    """Run a test once on the SQLite and once on the PostgreSQL import of the real samples."""
    return request.getfixturevalue("ref_release" if request.param == "sqlite" else "ref_release_pg")


@pytest.fixture(scope="session")
def demo_release(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo release, built by our pipeline from the real data shipped in tflink/demo_data."""
    from tflink.build.demo import build_demo

    target = tmp_path_factory.mktemp("demo") / "release"
    build_demo(target)
    return str(target)
