"""The sync cache (.i18n-kit/state.sqlite3): saved by row, and only a cache, so a damaged,
missing or older one costs a full read and never a wrong result."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from i18n_kit.errors import OutputError
from i18n_kit.files import identity_of
from i18n_kit.state import (
    STATE_NAME,
    ArticleRecord,
    SyncState,
    load_state,
    save_state,
)


def _record(slug: str, title: str = "Title") -> ArticleRecord:
    return ArticleRecord(source_hash=f"h-{slug}", slug=slug, lang="en", date="2024-07-04",
                         titles={"en": [title, "en"], "ru": [title, "en"]},
                         outputs=[f"site/en/{slug}.html", f"site/ru/{slug}.html"],
                         warnings=["content/a.md:3: raw HTML"] if slug == "a" else [])


def _rows(state_dir: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(state_dir / STATE_NAME) as db:
        return {table: sorted(db.execute(f"SELECT * FROM {table}").fetchall())
                for table in ("meta", "files", "articles")}


def test_a_saved_cache_loads_as_it_was(tmp_path: Path) -> None:
    state = SyncState(global_digest="g1")
    state.articles = {"content/a.md": _record("a"), "content/b.md": _record("b")}
    source = tmp_path / "a.md"
    source.write_text("x")
    state.remember("content/a.md", identity_of(source.stat()), "h-a")
    save_state(tmp_path, state)
    loaded = load_state(tmp_path)
    assert (loaded.global_digest, loaded.files, loaded.articles) == (
        "g1", state.files, state.articles)
    assert (tmp_path / ".gitignore").read_text() == "*\n"


def test_only_changed_rows_are_written(tmp_path: Path) -> None:
    state = SyncState(global_digest="g1")
    state.articles = {f"content/{slug}.md": _record(slug) for slug in ("a", "b", "c")}
    save_state(tmp_path, state)
    loaded = load_state(tmp_path)
    mtime = (tmp_path / STATE_NAME).stat().st_mtime_ns

    save_state(tmp_path, loaded)  # nothing changed: the file is not even opened to write
    assert (tmp_path / STATE_NAME).stat().st_mtime_ns == mtime

    loaded.articles["content/b.md"] = _record("b", title="Corrected")
    del loaded.articles["content/c.md"]
    statements: list[str] = []
    real_connect = sqlite3.connect

    def traced(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection: sqlite3.Connection = real_connect(*args, **kwargs)
        connection.set_trace_callback(statements.append)
        return connection

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sqlite3, "connect", traced)
        save_state(tmp_path, loaded)
    written = [s for s in statements if s.startswith(("INSERT OR REPLACE INTO articles",
                                                      "DELETE FROM articles"))]
    assert [s.split(" VALUES")[0].split(" WHERE")[0] for s in written] == [
        "DELETE FROM articles", "INSERT OR REPLACE INTO articles"]
    assert "'content/c.md'" in written[0] and '"Corrected"' in written[1]
    assert load_state(tmp_path).articles == loaded.articles


@pytest.mark.parametrize("damage", [b"", b"not a database at all" * 100, b"SQLite format 3\0"])
def test_a_damaged_cache_is_an_empty_one_and_is_made_again(tmp_path: Path, damage: bytes) -> None:
    (tmp_path / STATE_NAME).write_bytes(damage)
    assert load_state(tmp_path) == SyncState()
    state = SyncState(global_digest="g2", articles={"content/a.md": _record("a")})
    save_state(tmp_path, state)
    assert load_state(tmp_path).articles == state.articles


def test_a_cache_of_another_version_is_an_empty_one_and_is_replaced(tmp_path: Path) -> None:
    state = SyncState(global_digest="g1", articles={"content/a.md": _record("a")})
    save_state(tmp_path, state)
    with sqlite3.connect(tmp_path / STATE_NAME) as db:
        db.execute("UPDATE meta SET value = '0.0.1' WHERE key = 'toolkit'")
    assert load_state(tmp_path) == SyncState()
    save_state(tmp_path, SyncState(global_digest="g3", articles={"content/b.md": _record("b")}))
    rows = _rows(tmp_path)
    assert [row[0] for row in rows["articles"]] == ["content/b.md"]  # a's row is gone


def test_a_cache_that_cannot_be_saved_is_one_error_line(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    save_state(tmp_path, SyncState(global_digest="g1", articles={"content/a.md": _record("a")}))
    state = load_state(tmp_path)
    state.articles["content/b.md"] = _record("b")
    monkeypatch.setattr("i18n_kit.state.BUSY_TIMEOUT", 0.05)
    holder = sqlite3.connect(tmp_path / STATE_NAME)
    holder.execute("BEGIN EXCLUSIVE")  # another process in the middle of writing it
    try:
        with pytest.raises(OutputError) as raised:
            save_state(tmp_path, state)
    finally:
        holder.rollback()
        holder.close()
    assert str(raised.value) == (
        f"{tmp_path.name}/state.sqlite3: cannot save the sync cache: database is locked")
    assert load_state(tmp_path).articles == {"content/a.md": _record("a")}  # left as it was
