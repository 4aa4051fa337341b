"""Bad input: each case names the file and line (strict) or is a counted reject (--lenient); a failed import never
replaces a good release. The broken files are SYNTHETIC: real TFLink sample lines, damaged on purpose."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from conftest import REF
from tflink.build.import_tflink import import_files
from tflink.errors import InputError, ReleaseNotFound
from tflink.query import entries, forget, open_release
from tflink.store import Release

SAMPLE = REF / "release_samples" / "TFLink_Rattus_norvegicus_interactions_SS_simpleFormat_18-01-2021.csv"


def _lines() -> list[str]:
    return SAMPLE.read_text().splitlines(keepends=True)


def _write(tmp: Path, name: str, lines: list[str]) -> Path:
    p = tmp / name
    p.write_text("".join(lines))
    return p


def _damaged(tmp: Path, kind: str) -> tuple[Path, int]:
    """(file, line number of the damage)."""
    lines = _lines()
    name = SAMPLE.name
    if kind == "columns":
        lines[3] = lines[3].rstrip("\n") + ",extra\n"
        return _write(tmp, name, lines), 4
    if kind == "organism":
        lines[2] = lines[2].replace("Rattus norvegicus", "Rattus rattus")
        return _write(tmp, name, lines), 3
    if kind == "accession":
        lines[5] = "not an AC" + lines[5][lines[5].index(","):]
        return _write(tmp, name, lines), 6
    if kind == "encoding":
        p = tmp / name
        p.write_bytes("".join(lines[:4]).encode() + b"\xff\xfe bad bytes\n" + "".join(lines[4:]).encode())
        return p, 5
    if kind == "empty":
        return _write(tmp, name, []), 1
    raise AssertionError(kind)


@pytest.mark.parametrize("kind,words", [("columns", "column count"), ("organism", "unknown organism"),
                                         ("accession", "UniProt accession"), ("encoding", "UTF-8"),
                                         ("empty", "empty file")])
def test_strict_import_names_file_and_line(tmp_path: Path, kind: str, words: str) -> None:
    path, line = _damaged(tmp_path, kind)
    with pytest.raises(InputError) as err:
        import_files([path], str(tmp_path / "rel"))
    assert err.value.path == str(path)
    assert err.value.line == line
    assert words in str(err.value)
    assert f"{path}:{line}" in str(err.value)
    assert not (tmp_path / "rel").exists()


@pytest.mark.parametrize("kind", ["columns", "organism", "accession"])
def test_lenient_import_counts_rejects_in_the_manifest(tmp_path: Path, kind: str) -> None:
    path, line = _damaged(tmp_path, kind)
    result = import_files([path], str(tmp_path / "rel"), lenient=True)
    info = json.loads((tmp_path / "rel" / "manifest.json").read_text())["inputs"][0]
    assert info["rows_rejected"] == 1
    assert info["rows_read"] == len(_lines()) - 1
    assert sum(info["rejects"].values()) == 1
    assert f"line {line}" in info["reject_examples"][0]
    assert result.manifest["totals"]["interactions"] == len(_lines()) - 2


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress("".join(_lines()[:1] + _lines()[1:] * 400).encode())
    p = tmp_path / "TFLink_Rattus_norvegicus_interactions_SS_simpleFormat.csv.gz"
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="truncated or corrupt gzip"):
        import_files([p], str(tmp_path / "rel"))


def test_gzip_is_read(tmp_path: Path) -> None:
    p = tmp_path / "TFLink_Rattus_norvegicus_interactions_SS_simpleFormat.csv.gz"
    p.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    result = import_files([p], str(tmp_path / "rel"))
    assert result.manifest["totals"]["interactions"] == len(_lines()) - 1


def test_unknown_format_is_named(tmp_path: Path) -> None:
    p = _write(tmp_path, "whatever.tsv", ["a\tb\tc\n", "1\t2\t3\n"])
    with pytest.raises(InputError, match="unknown TFLink format"):
        import_files([p], str(tmp_path / "rel"))


def test_failed_import_keeps_the_good_release(tmp_path: Path) -> None:
    target = tmp_path / "rel"
    import_files([SAMPLE], str(target), version="good")
    bad, _ = _damaged(tmp_path, "columns")
    with pytest.raises(InputError):
        import_files([bad], str(target), version="bad")
    forget()
    rel = Release(str(target))
    assert rel.manifest["version"] == "good"
    assert rel.count("interaction") == len(_lines()) - 1
    assert not [p for p in (tmp_path / "rel.d").iterdir() if p.name.startswith(".building")]


def test_failed_import_keeps_the_good_release_postgres(pg_url: str, tmp_path: Path) -> None:
    url = pg_url.replace("?schema=", "?schema=keep_")
    import_files([SAMPLE], url, version="good")
    try:
        bad, _ = _damaged(tmp_path, "organism")
        with pytest.raises(InputError):
            import_files([bad], url, version="bad")
        forget()
        rel = Release(url)
        assert rel.manifest["version"] == "good"
        assert rel.count("interaction") == len(_lines()) - 1
        rel.close()
        import_files([SAMPLE, REF / "TFLink_Saccharomyces_cerevisiae_interactions_SS_simpleFormat.head.tsv"], url,
                     version="newer")  # a good import does replace it
        rel = Release(url)
        assert rel.manifest["version"] == "newer"
        rel.close()
    finally:
        import psycopg

        from conftest import PG_BASE

        schema = url.split("schema=")[1]
        with psycopg.connect(PG_BASE, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def test_missing_release_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ReleaseNotFound, match="tflink build"):
        open_release(tmp_path / "nothing")


def test_unknown_entry_is_not_found(ref_release: str) -> None:
    from tflink.errors import NotFound

    with pytest.raises(NotFound, match="O00000"):
        entries.entry_json(open_release(ref_release), "O00000")
