"""The values a run passes between its phases: what a run is (`Mode`), one parsed article
(`ArticleWork`) and its merge while it is staged (`Merged`), and what a run reports
(`SyncReport`)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from i18n_kit.catalogs.articles import (
    TargetText,
)
from i18n_kit.catalogs.po import Catalog
from i18n_kit.files import StagedFiles
from i18n_kit.model import Article, Segment
from i18n_kit.state import (
    ArticleRecord,
)
from i18n_kit.translation.memory import MemoryUnit

#: progress(stage, done, total): called as work advances; the CLI draws it.
Progress = Callable[[str, int, int], None]


class Mode(enum.StrEnum):
    """What a run makes: one plan, different stages.

    ``sync`` makes templates, catalogs and pages of what changed; ``build`` only pages;
    ``translate`` reads every article (so every untranslated entry is routed again);
    ``check`` makes everything ``sync`` would and writes nothing (``sync --check``).
    """

    SYNC = "sync"
    BUILD = "build"
    TRANSLATE = "translate"
    CHECK = "check"

    @property
    def writes(self) -> bool:
        return self is not Mode.CHECK

    @property
    def catalogs(self) -> bool:
        """Whether templates and catalogs are made (all but ``build``)."""
        return self is not Mode.BUILD


class ChangeKind(enum.StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"

@dataclass(frozen=True, slots=True, kw_only=True)
class FileChange:
    """One file a run wrote (or, with check, would write)."""

    path: str
    kind: ChangeKind

@dataclass(frozen=True, slots=True, kw_only=True)
class SyncReport:
    """What a sync or build did."""

    articles: int  # source articles in the project
    parsed: int  # articles read this run (the others were unchanged)
    segments: int  # segments in the parsed articles
    changes: tuple[FileChange, ...]
    checked: bool  # True when nothing was written (--check)
    # what went wrong without stopping the run (machine translation that failed: those
    # segments were routed to translators, with the reason on each entry), and source
    # text readers see that no segment carries or that is read unexpectedly
    # ("content/a.md:12: ..."; every run repeats them until the source is fixed)
    warnings: tuple[str, ...] = ()
    # catalogs saved by someone else while this run was writing them: left as saved
    # (the next pass merges them)
    conflicts: tuple[str, ...] = ()

@dataclass(slots=True, kw_only=True)
class Merged:
    """An article's template and catalogs merged with its segments (`stage.merge_work`),
    held by a run that makes catalogs from the merge until they are routed and staged."""

    # catalog merged -> hash of the file as it was read (None: there was none): a
    # catalog is replaced only if it is still that file
    read_digests: dict[str, str | None] = field(default_factory=dict)
    outputs: dict[str, bytes] = field(default_factory=dict)  # the template: made, not staged
    catalogs: dict[str, Catalog] = field(default_factory=dict)  # merged, not yet routed


@dataclass(slots=True, kw_only=True)
class ArticleWork:
    """One parsed article: its segments, what each target catalog holds
    (``targets[locale][source_text]``: known once the catalogs are read, or routed), and,
    in a run that makes catalogs, its merge until that is staged (``merged``)."""

    source: str
    article: Article
    segments: list[Segment]
    source_digest: str = ""  # hash of the source bytes this work was made from
    targets: dict[str, dict[str, TargetText]] = field(default_factory=dict)
    merged: Merged | None = None
    # with --check: the catalogs as read (path, file, hash of the bytes read, approved
    # units), so that the memory is told them instead of parsing every catalog again
    # (`stage._index_read`)
    indexed: list[tuple[str, Path, str, list[MemoryUnit]]] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Staged:
    """What a pass made: every changed output staged (`StagedFiles`), the cache's new
    article records, the catalogs written (for the memory) and the files to delete."""

    files: StagedFiles
    records: dict[str, ArticleRecord]
    written: list[tuple[str, Path, Sequence[MemoryUnit]]]
    deletions: list[str]
    parsed: int
    segments: int
    warnings: tuple[str, ...]
