"""docs/settings.md is the settings table (style: settings declared in one table and tested against the docs)."""
from pathlib import Path

from tflink.cli.settings_cmd import settings_markdown


def test_settings_doc_is_current() -> None:
    doc = Path(__file__).resolve().parents[2] / "docs" / "settings.md"
    assert doc.read_text() == settings_markdown(), "run: tflink settings --markdown > docs/settings.md"


def test_formats_doc_is_current() -> None:
    from tflink.cli.docs_cmd import formats_markdown

    doc = Path(__file__).resolve().parents[2] / "docs" / "formats.md"
    assert doc.read_text() == formats_markdown(), "run: tflink formats --markdown > docs/formats.md"
