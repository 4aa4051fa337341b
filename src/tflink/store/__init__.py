"""The release store: schema, bulk writer, read access. The only package that holds and runs SQL."""
from .reader import Page, Release, RowFilter
from .writer import ReleaseWriter

__all__ = ["Release", "ReleaseWriter", "Page", "RowFilter"]
