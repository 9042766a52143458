"""Making content projects: `init` writes a fresh one or copies the shipped example."""

from __future__ import annotations

import shutil
from pathlib import Path

from i18n_kit.config import CONFIG_NAME
from i18n_kit.errors import OutputError
from i18n_kit.files import write_file_atomic
from i18n_kit.resources import shipped_path

EXAMPLE = "examples/sco-newsroom"

STARTER_CONFIG = """\
# i18n-kit project settings (see docs/configuration.md)

[project]
name = "{name}"
source_language = "en"          # language of articles whose front matter has no `lang`
locales = ["en", "ru", "zh"]    # every language the site publishes

[paths]
content = "content"             # source articles: *.md, *.html, *.txt
locales = "locales"             # POT templates and PO catalogs
site = "site"                   # built pages (generated)

[build]
threshold = 80                  # % translated below which a page says "translation in progress"
"""

GITIGNORE = "/site/\n/.i18n-kit/\n"

# Generated folders of the example that a copy must not carry.
_GENERATED = {"site", ".i18n-kit"}


def create_project(directory: Path, *, example: bool = False) -> Path:
    """Create a content project in ``directory`` and return its config path.

    >>> import tempfile; d = Path(tempfile.mkdtemp()) / "news"
    >>> create_project(d).name
    'i18n-kit.toml'
    """
    config_path = directory / CONFIG_NAME
    if config_path.exists():
        raise OutputError(
            f"{config_path} already exists; choose an empty folder or edit that project",
            path=str(directory),
        )
    if example:
        source = shipped_path(EXAMPLE)
        try:
            shutil.copytree(
                source,
                directory,
                dirs_exist_ok=True,
                ignore=lambda folder, names: [n for n in names if n in _GENERATED],
            )
        except OSError as exc:
            raise OutputError(f"cannot copy the example: {exc}", path=str(directory)) from exc
        return config_path
    name = directory.resolve().name or "newsroom"
    (directory / "content").mkdir(parents=True, exist_ok=True)
    write_file_atomic(directory / ".gitignore", GITIGNORE.encode())
    write_file_atomic(config_path, STARTER_CONFIG.format(name=name).encode("utf-8"))
    return config_path
