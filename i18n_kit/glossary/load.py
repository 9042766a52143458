"""Which glossary a project uses: the shipped SCO glossary extended by the project's files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from i18n_kit.errors import GlossaryError
from i18n_kit.glossary.csvfile import read_csv_entries
from i18n_kit.glossary.model import Glossary
from i18n_kit.glossary.validate import LocatedEntry, check_entries
from i18n_kit.resources import shipped_path

#: File name endings read as glossaries, and the folder they live in.
GLOSSARY_SUFFIXES: tuple[str, ...] = (".csv", ".tbx")
GLOSSARY_FOLDER = "glossary"


def read_glossary(path: Path) -> Glossary:
    """One glossary file, CSV or TBX by its name's ending.

    >>> read_glossary(shipped_path("glossary") / "sco.csv").get("state-04").preferred("ru").text
    'Кыргызстан'
    """
    located = _read_located(path, str(path))
    check_entries(located)
    return Glossary(entries=tuple(item.entry for item in located), origin=str(path))


def load_glossary(*, project_dir: Path | None, folder: Path | None = None) -> Glossary:
    """The shipped glossary, with the project's ``glossary/*.csv|*.tbx`` laid over it
    (``folder`` overrides where the project keeps them: ``[paths] glossary``).

    A project entry with a shipped entry's id replaces it in place; other project entries
    follow the shipped ones, in file-name order. Any error in any file imports nothing.

    >>> len(load_glossary(project_dir=None)) >= 199
    True
    """
    shipped_dir = shipped_path(GLOSSARY_FOLDER)
    # The shipped folder also holds sco.tbx, an export of sco.csv: read the CSV only.
    shipped: list[LocatedEntry] = []
    for path in sorted(shipped_dir.glob("*.csv")):
        # Named as a user knows it, not by where the wheel happens to be installed.
        shipped.extend(_read_located(path, f"shipped {GLOSSARY_FOLDER}/{path.name}"))
    check_entries(shipped)
    origins = [str(shipped_dir)]
    project: list[LocatedEntry] = []
    if project_dir is not None:
        folder = folder or project_dir / GLOSSARY_FOLDER
        files = sorted(p for p in folder.glob("*") if p.suffix in GLOSSARY_SUFFIXES and p.is_file())
        for path in files:
            project.extend(_read_located(path, path.relative_to(project_dir).as_posix()))
        check_entries(project)
        if files:
            origins.append(str(folder))
    overrides = {item.entry.id: item for item in project}
    # Checked with the project's entries last, so a clash is reported in the project's file.
    check_entries([item for item in shipped if item.entry.id not in overrides] + project)
    merged = [overrides.pop(item.entry.id, item) for item in shipped]
    merged.extend(item for item in project if item.entry.id in overrides)
    return Glossary(entries=tuple(item.entry for item in merged), origin=" + ".join(origins))


def glossary_digest(glossary: Glossary) -> str:
    """A hash of everything a match or a check depends on, for cache keys (64 hex digits).

    >>> len(glossary_digest(Glossary(entries=())))
    64
    """
    payload = [
        {
            "id": entry.id,
            "category": entry.category.value,
            "terms": [
                [t.lang, t.text, t.status.value, t.register.value, t.note] for t in entry.terms
            ],
            "note": entry.note,
            "source": entry.source,
            "status_by_year": sorted(entry.status_by_year.items()),
        }
        for entry in glossary
    ]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_located(path: Path, display: str) -> tuple[LocatedEntry, ...]:
    if path.suffix not in GLOSSARY_SUFFIXES:
        raise GlossaryError(
            f"not a glossary file; use a name ending in {' or '.join(GLOSSARY_SUFFIXES)}",
            path=display,
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GlossaryError(f"cannot read: {exc.strerror}", path=display) from exc
    if path.suffix == ".tbx":
        from i18n_kit.glossary.tbx import read_tbx_entries  # defusedxml: only for TBX files

        return read_tbx_entries(data, origin=display)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise GlossaryError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            path=display,
            line=line,
        ) from exc
    return read_csv_entries(text, origin=display)
