"""The plan of a run: which articles changed and must be read, which are clean, which
are gone; decided by stat and hash only (state.py's cache), never by parsing."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from i18n_kit import __version__
from i18n_kit.config import CONFIG_NAME, ProjectConfig
from i18n_kit.errors import ConfigError, SourceError
from i18n_kit.files import hash_bytes, read_bytes_if_exists
from i18n_kit.glossary.load import GLOSSARY_FOLDER, GLOSSARY_SUFFIXES
from i18n_kit.layout import Layout
from i18n_kit.links import check_folder, list_files
from i18n_kit.output.ui import TEMPLATES_DIR, shipped_locales_dir
from i18n_kit.resources import shipped_path
from i18n_kit.sources import SOURCE_SUFFIXES
from i18n_kit.state import (
    SyncState,
)
from i18n_kit.sync.model import (
    Mode,
)


def find_sources(config: ProjectConfig) -> list[str]:
    """Project-relative paths of every source article, sorted (after refusing links that
    lead out of the project, as sync does: the preview reads the same files)."""
    check_inputs(config)
    return _split_content(config)[0]

def _split_content(config: ProjectConfig) -> tuple[list[str], list[str]]:
    """The source articles under content/, and the other files there (images: copied to
    every locale's site folder so relative links from the articles keep working)."""
    _check_content_folder(config)
    sources: list[str] = []
    assets: list[str] = []
    for path in _content_files(config):
        _check_file_name(path)
        is_source = os.path.splitext(path)[1].lower() in SOURCE_SUFFIXES
        (sources if is_source else assets).append(path)
    return sources, assets

def _check_content_folder(config: ProjectConfig) -> None:
    """A content folder that is missing or a file is a mistake (a mistyped paths.content),
    never "no articles": that would delete every page and catalog."""
    top = config.content_dir
    shown = config.relative(top)
    if top.is_dir():
        return
    if top.exists() or top.is_symlink():
        problem = "is not a folder"
    else:
        problem = "does not exist"
    raise ConfigError(
        f"paths.content: {shown!r} {problem}; create it or set [paths] content to the folder"
        " that holds the articles",
        path=CONFIG_NAME,
    )

def _check_file_name(path: str) -> None:
    """A file name every tool can write into a catalog reference and a page link."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        shown = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise SourceError(
            "the file name is not valid UTF-8; rename the file", path=shown
        ) from None
    if any(ord(char) < 0x20 or char == "\x7f" for char in path):
        raise SourceError(
            "the file name holds a line break or another control character; rename the file",
            path="".join(c if ord(c) >= 0x20 and c != "\x7f" else f"\\x{ord(c):02x}"
                         for c in path),
        )

def _content_files(config: ProjectConfig) -> list[str]:
    """Project-relative POSIX paths of the files under content/, hidden ones (and those
    in hidden folders) left out, sorted; a symbolic link leading out of the project is
    refused (links.py)."""
    top = config.content_dir
    prefix = config.relative(top)
    if any(part.startswith(".") for part in Path(prefix).parts):
        return []
    return list_files(config.root, top)

def check_inputs(config: ProjectConfig) -> None:
    """Refuse a symbolic link under locales/, glossary/ or tm/ that leaves the project,
    points nowhere or loops (content/ is checked as it is listed)."""
    check_folder(config.root, config.locales_dir)
    check_folder(config.root, config.glossary_dir or config.root / GLOSSARY_FOLDER)
    check_folder(config.root, config.tm_dir)

def _is_clean(config: ProjectConfig, state: SyncState, source: str, *,
              skip: str | None = None) -> bool:
    """Whether a source and every output of it hold what the last run left (by content:
    a file whose stat changed, as in a fresh clone, is hashed, not read); outputs under
    ``skip`` (the site folder a --check without site/ leaves out) are not looked at."""
    record = state.articles.get(source)
    if record is None or state.file_hash(config.root, source) != record.source_hash:
        return False
    outputs = record.outputs if skip is None else [
        output for output in record.outputs if not output.startswith(skip)]
    return state.unchanged(config.root, outputs)

def _is_unchanged(config: ProjectConfig, state: SyncState, output: str) -> bool:
    """Whether an output file is as the last run wrote it."""
    return state.unchanged(config.root, (output,))

def _global_digest(config: ProjectConfig) -> str:
    """Everything outside the articles that shapes every output: the toolkit's own code
    (a new segmentation rule must re-read every article), the config, the site-chrome
    catalogs and the templates, and what routing reads: the glossaries (the ``terms:``
    notes and the ``term`` route) and ``tm/*.tmx`` (an imported memory fills entries of
    articles that did not change)."""
    parts = [__version__.encode(), read_bytes_if_exists(config.root / CONFIG_NAME) or b""]
    files = sorted(Path(__file__).parent.parent.rglob("*.py"))
    files += sorted(shipped_locales_dir().glob("*/LC_MESSAGES/messages.po"))
    files += Layout(config).chrome_catalogs()
    files += sorted(path for path in TEMPLATES_DIR.rglob("*") if path.is_file())
    files += sorted(shipped_path(GLOSSARY_FOLDER).glob("*.csv"))
    glossary_dir = Layout(config).glossary_dir
    files += sorted(
        path for path in glossary_dir.glob("*") if path.suffix in GLOSSARY_SUFFIXES
        and path.is_file()
    )
    if config.tm_dir is not None:
        files += sorted(config.tm_dir.glob("*.tmx"))
    for path in files:
        parts.append(_digest_name(config, path).encode())
        parts.append(path.read_bytes())
    return hash_bytes(b"\0".join(parts))

_TOOLKIT_TOP = Path(__file__).resolve().parent.parent.parent

def _digest_name(config: ProjectConfig, path: Path) -> str:
    """The name a file goes into the global digest under: relative to the project or to
    the toolkit's installation, never absolute, so that a cache restored into a fresh
    clone at another path (a CI runner) is still valid."""
    for top in (config.root, _TOOLKIT_TOP):
        try:
            return path.resolve().relative_to(top.resolve()).as_posix()
        except ValueError:
            continue
    return path.name


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """What a run must do, decided from the cache and one stat of each file (a hash
    where the stat is not the one recorded): nothing is parsed or written to make it."""

    mode: Mode
    sources: tuple[str, ...]  # every source article, sorted
    assets: tuple[str, ...]  # the other files under content/ (copied to every site folder)
    read: tuple[str, ...]  # articles to read: changed, or every one
    clean: frozenset[str]  # found as the cache records them, outputs and all
    removed: tuple[str, ...]  # articles the cache knows that are gone
    global_digest: str  # what shapes every output (`_global_digest`)
    everything: bool  # every article read and every page made again
    site: str  # the site folder, project-relative, with a trailing "/"
    # --check of a project without site/ (a fresh CI clone): pages are neither looked
    # at nor made
    skip_site: bool

    def keeps(self, relative: str) -> bool:
        """Whether this run looks at (stages, deletes) the output ``relative``."""
        return not (self.skip_site and relative.startswith(self.site))

    def deletions(self, state: SyncState) -> list[str]:
        """Outputs of removed articles to delete (catalogs hold translators' work: never)."""
        return [
            path
            for source in self.removed
            for path in state.articles[source].outputs
            if not path.endswith(".po") and self.keeps(path)
        ]


def make_plan(config: ProjectConfig, state: SyncState, mode: Mode, *,
              everything: bool = False) -> Plan:
    """The plan of one pass of a ``mode`` run over the project, from the loaded cache;
    ``everything`` reads every article whatever the cache says."""
    sources, assets = _split_content(config)
    global_digest = _global_digest(config)
    everything = everything or global_digest != state.global_digest
    site = config.relative(config.site_dir) + "/"
    skip_site = not mode.writes and not config.site_dir.exists()
    read: list[str] = []
    clean: set[str] = set()
    for source in sources:
        if everything or not _is_clean(config, state, source,
                                       skip=site if skip_site else None):
            read.append(source)
        else:
            clean.add(source)
    present = set(sources)
    return Plan(mode=mode, sources=tuple(sources), assets=tuple(assets), read=tuple(read),
                clean=frozenset(clean),
                removed=tuple(source for source in state.articles if source not in present),
                global_digest=global_digest, everything=everything, site=site,
                skip_site=skip_site)
