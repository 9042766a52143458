"""The golden-file form of an Article: sorted JSON, block fields left out when at their default."""

from __future__ import annotations

import dataclasses
import enum
import json
from pathlib import Path

from i18n_kit.model import Article, Block
from i18n_kit.sources import read_article

DATA = Path(__file__).parents[1] / "data" / "sources"
BAD = DATA / "bad"
CASE_SUFFIXES = (".md", ".html", ".txt")
# Every block shows these, default or not; the other fields only when they differ.
ALWAYS = ("kind", "text", "line")


def dump_article(article: Article) -> str:
    """The exact text of a ``<case>.expected.json`` file."""
    data = {
        "slug": article.slug,
        "lang": article.lang,
        "path": article.path,
        "date": None if article.date is None else article.date.isoformat(),
        "meta": dict(article.meta),
        "blocks": [_dump_block(block) for block in article.blocks],
    }
    if article.warnings:  # shown only when there are some, as block fields are
        data["warnings"] = [str(warning) for warning in article.warnings]
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def _dump_block(block: Block) -> dict[str, object]:
    out: dict[str, object] = {}
    for field in dataclasses.fields(block):
        value = getattr(block, field.name)
        if field.name in ALWAYS or value != field.default:
            out[field.name] = value.value if isinstance(value, enum.Enum) else value
    return out


def golden_cases() -> list[Path]:
    return sorted(
        path for path in DATA.iterdir() if path.suffix in CASE_SUFFIXES and path.is_file()
    )


def read_case(case: Path, project: Path) -> Article:
    """Read a case as a project would: from ``<project>/content/<name>``."""
    content = project / "content"
    content.mkdir(parents=True, exist_ok=True)
    target = content / case.name
    target.write_bytes(case.read_bytes())
    return read_article(target, root=project, default_lang="en")
