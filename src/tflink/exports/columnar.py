"""Parquet export of interactions, written row group by row group and streamed as bytes as it is written."""
from __future__ import annotations

from typing import Iterable, Iterator

from ..store.exports_sql import (I_LS, I_METHODS, I_PMIDS, I_SIGN, I_SOURCES, I_SS, I_TAXID, I_TARGET,
                                 I_TARGET_NAME, I_TARGET_NCBI, I_TF, I_TF_NAME, I_TF_NCBI)
from .common import organism_name, split

ROW_GROUP = 65_536
COLUMNS = ("tf", "target", "tf_ncbi_gene_ids", "target_ncbi_gene_ids", "tf_name", "target_name", "methods",
           "pmids", "organism", "sources", "small_scale", "large_scale", "sign")


def _schema():  # noqa: ANN202 - a pyarrow schema (pyarrow imported lazily: only Parquet needs it)
    import pyarrow as pa

    lst = pa.list_(pa.string())
    return pa.schema([("tf", pa.string()), ("target", pa.string()), ("tf_ncbi_gene_ids", lst),
                      ("target_ncbi_gene_ids", lst), ("tf_name", pa.string()), ("target_name", pa.string()),
                      ("methods", lst), ("pmids", lst), ("organism", pa.string()), ("sources", lst),
                      ("small_scale", pa.bool_()), ("large_scale", pa.bool_()), ("sign", pa.string())])


class _Sink:
    """A write-only file object that hands what pyarrow writes to the caller chunk by chunk."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.pos = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        b = bytes(data)
        self.chunks.append(b)
        self.pos += len(b)
        return len(b)

    def tell(self) -> int:
        return self.pos

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def drain(self) -> bytes:
        out = b"".join(self.chunks)
        self.chunks.clear()
        return out


def _columns(batch: list[tuple]) -> dict[str, list]:
    return {"tf": [r[I_TF] for r in batch], "target": [r[I_TARGET] for r in batch],
            "tf_ncbi_gene_ids": [split(r[I_TF_NCBI]) for r in batch],
            "target_ncbi_gene_ids": [split(r[I_TARGET_NCBI]) for r in batch],
            "tf_name": [r[I_TF_NAME] for r in batch], "target_name": [r[I_TARGET_NAME] for r in batch],
            "methods": [split(r[I_METHODS]) for r in batch], "pmids": [split(r[I_PMIDS]) for r in batch],
            "organism": [organism_name(r[I_TAXID]) for r in batch], "sources": [split(r[I_SOURCES]) for r in batch],
            "small_scale": [bool(r[I_SS]) for r in batch], "large_scale": [bool(r[I_LS]) for r in batch],
            "sign": [r[I_SIGN] for r in batch]}


def parquet_chunks(rows: Iterable[tuple], row_group: int = ROW_GROUP) -> Iterator[bytes]:
    """Parquet bytes: one row group per `row_group` rows, each yielded as soon as it is written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _schema()
    sink = _Sink()
    writer = pq.ParquetWriter(sink, schema, compression="zstd")
    batch: list[tuple] = []
    for r in rows:
        batch.append(r)
        if len(batch) >= row_group:
            writer.write_table(pa.Table.from_pydict(_columns(batch), schema=schema), row_group_size=row_group)
            batch = []
            yield sink.drain()
    if batch:
        writer.write_table(pa.Table.from_pydict(_columns(batch), schema=schema), row_group_size=row_group)
    writer.close()
    yield sink.drain()
