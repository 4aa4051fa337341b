"""The serialized entry-JSON cache: same bytes as a fresh build, bounded, per release."""
from __future__ import annotations

import json

import pytest

from tflink.query import entries, open_release


def test_cached_bytes_equal_a_fresh_entry_json(ref_release: str, demo_release: str) -> None:
    for loc in (ref_release, demo_release):
        rel = open_release(loc)
        first = entries.entry_json_bytes(rel, "q15672")
        again = entries.entry_json_bytes(rel, "Q15672")
        assert first is again  # served from the cache
        assert json.loads(first) == entries.entry_json(rel, "Q15672")
    assert entries.entry_json_bytes(open_release(ref_release), "Q15672") != entries.entry_json_bytes(
        open_release(demo_release), "Q15672")  # keyed per release


def test_cache_off_still_answers(ref_release: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TFLINK_ENTRY_CACHE_MB", "0")
    rel = open_release(ref_release)
    a = entries.entry_json_bytes(rel, "Q13007")
    b = entries.entry_json_bytes(rel, "Q13007")
    assert a == b and a is not b  # built twice, not kept
