"""A small content project in tmp_path, and snapshots of its files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from i18n_kit.cli import app

CONFIG = """\
[project]
name = "newsroom"
source_language = "en"
locales = ["en", "ru", "zh"]
"""

SUMMIT = """\
---
title: SCO summit held online
date: 2020-11-10
slug: summit
---

The SCO Heads of State Council met on 10 November 2020. Mr. Putin chaired the meeting.

- Eight member states took part.
- The leaders adopted the **Moscow Declaration**.
"""

FORUM = """\
---
title: Молодёжный форум ШОС
date: 2021-05-20
lang: ru
---

Форум прошёл в Ташкенте. В нём участвовали 200 человек.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    (root / "content").mkdir(parents=True)
    (root / "i18n-kit.toml").write_text(CONFIG, encoding="utf-8")
    (root / "content" / "summit.md").write_text(SUMMIT, encoding="utf-8")
    (root / "content" / "forum.md").write_text(FORUM, encoding="utf-8")
    return root


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under root (cache excluded) with its mtime and bytes."""
    return {
        path.relative_to(root).as_posix(): (path.stat().st_mtime_ns, path.read_bytes())
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".i18n-kit" not in path.parts
    }
