"""A synced copy of the example project per test, the preview app on it, and PO helpers."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from i18n_kit.catalogs.po import Catalog, Entry, format_catalog, read_catalog
from i18n_kit.config import ProjectConfig, load_config
from i18n_kit.pipeline import sync
from i18n_kit.project import create_project

TOKEN = "test-token-0123456789"
# After sync, the Russian catalog of SLUG has fuzzy entries, and the Chinese catalog of
# ZH_SLUG untranslated ones (route "human") and a fuzzy memory match (route "tm-fuzzy").
SLUG = "heads-of-state-council-dushanbe-2021"
ZH_SLUG = "rats-council-meeting-tashkent-2024"


@pytest.fixture(scope="session")
def synced_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example") / "sco"
    create_project(root, example=True)
    sync(load_config(root / "i18n-kit.toml"))
    return root


@pytest.fixture
def config(synced_example: Path, tmp_path: Path) -> Iterator[ProjectConfig]:
    root = tmp_path / "sco"
    shutil.copytree(synced_example, root)
    yield load_config(root / "i18n-kit.toml")


def catalog_path(config: ProjectConfig, locale_code: str, slug: str = SLUG) -> Path:
    return config.locales_dir / locale_code / "LC_MESSAGES" / "articles" / f"{slug}.po"


def active_entries(catalog: Catalog) -> list[Entry]:
    return [e for e in catalog if not e.obsolete and e.msgid and e.msgctxt is None]


def find_entry(path: Path, *, fuzzy: bool | None = None, empty: bool | None = None,
               skip: int = 0) -> Entry:
    """The first active entry of the catalog at ``path`` with the wanted state."""
    found = [
        e for e in active_entries(read_catalog(path))
        if (fuzzy is None or (e.fuzzy and bool(e.msgstr)) == fuzzy)
        and (empty is None or (not e.msgstr) == empty)
    ]
    assert len(found) > skip, f"no such entry in {path}"
    return found[skip]


def edit_on_disk(path: Path, source_text: str, target_text: str) -> None:
    """Change one entry as Poedit would (the file stays msgcat-formatted)."""
    catalog = read_catalog(path)
    for entry in catalog:
        if entry.msgid == source_text and not entry.obsolete:
            entry.msgstr = target_text
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    path.write_text(format_catalog(catalog), encoding="utf-8")


def status_of(entry: Entry | None) -> str:
    if entry is None or not entry.msgstr:
        return "untranslated"
    return "fuzzy" if entry.fuzzy else "translated"


def entry_blocks(text: str) -> list[str]:
    """A PO file's entries as text blocks (entries are separated by one blank line)."""
    return text.split("\n\n")
