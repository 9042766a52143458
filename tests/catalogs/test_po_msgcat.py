"""format_catalog against the real GNU msgcat on a large generated catalog.

The catalog (tests/catalogs/generated_catalog.py) mixes English, Russian and Chinese
sentences of every length, URLs, escapes, no-break spaces, plurals, msgctxt, fuzzy
entries with #| fields, obsolete #~ entries with #~|, comments and reference lists.
Needs msgcat and msgfmt (apt-get install gettext).
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from i18n_kit.catalogs.po import Catalog, format_catalog, new_catalog, new_entry, parse_catalog
from tests.catalogs.generated_catalog import HEADER, generate_catalog
from tests.catalogs.gettext_tools import msgcat, msgfmt_check

ENTRIES = 6000


@pytest.fixture(scope="module")
def generated() -> tuple[Catalog, str]:
    catalog = generate_catalog(ENTRIES)
    return catalog, format_catalog(catalog)


def compare_with_msgcat(text: str, path: Path) -> tuple[int, list[str]]:
    """Entries compared and a unified diff of each entry msgcat writes differently."""
    path.write_text(text, encoding="utf-8")
    reference = msgcat(path)
    ours, theirs = text.split("\n\n"), reference.split("\n\n")
    diffs = [
        "".join(difflib.unified_diff(b.splitlines(True), a.splitlines(True), "msgcat", "ours"))
        for a, b in zip(ours, theirs, strict=False)
        if a != b
    ]
    if len(ours) != len(theirs):
        diffs.append(f"{len(ours)} blocks written, msgcat wrote {len(theirs)}")
    assert (text == reference) == (not diffs)
    return len(theirs) - 1, diffs


def test_generated_catalog_is_byte_identical_to_msgcat(
    generated: tuple[Catalog, str], tmp_path: Path
) -> None:
    _, text = generated
    compared, diffs = compare_with_msgcat(text, tmp_path / "generated.po")
    summary = f"{compared} entries compared with msgcat, {len(diffs)} mismatches"
    print(summary)  # shown with pytest -s
    assert compared > 5000
    assert not diffs, summary + "\n" + "\n".join(diffs[:5])


def test_generated_catalog_passes_msgfmt_check(
    generated: tuple[Catalog, str], tmp_path: Path
) -> None:
    _, text = generated
    path = tmp_path / "generated.po"
    path.write_text(text, encoding="utf-8")
    result = msgfmt_check(path)
    assert result.returncode == 0, result.stderr
    # Only the header fields the project leaves out are warned about.
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert all("header field" in line for line in warnings), warnings


def test_generated_catalog_round_trips(generated: tuple[Catalog, str]) -> None:
    catalog, text = generated
    again = parse_catalog(text, origin="generated.po")
    assert format_catalog(again) == text
    written = [e for e in catalog if not e.obsolete or e.msgstr or any(e.msgstr_plural.values())]
    assert [(e.msgctxt, e.msgid, e.obsolete) for e in again] == [
        (e.msgctxt, e.msgid, e.obsolete) for e in sorted(written, key=lambda e: bool(e.obsolete))
    ]


@pytest.mark.parametrize(
    "header",
    [
        {"Content-Type": "text/plain; charset=UTF-8"},
        HEADER,
    ],
    ids=["minimal", "project"],
)
@pytest.mark.parametrize("kind", ["po", "pot"])
def test_headers_pass_msgfmt_check(header: dict[str, str], kind: str, tmp_path: Path) -> None:
    catalog = new_catalog(header=header)
    translated = kind == "po"
    catalog.append(new_entry(msgid="Summit", msgstr="Саммит" if translated else ""))
    path = tmp_path / f"messages.{kind}"
    path.write_text(format_catalog(catalog), encoding="utf-8")
    assert msgfmt_check(path).returncode == 0


# Text built from the pieces that make wrapping hard.
TRICKY = st.lists(
    st.sampled_from(
        list("aeiou xyz XYZ 09 .,;:!?()[]{}<>/-_%$'\"\\\n\t")
        + list("абв Ж ")
        + list("上海合作组织。，、！？“”《》「」（）")
        + ["\u00a0", "\u2011", "\u200b", "\u2060", "\u3000", "\u0301", "\u200d", "—", "…"]
        + ["«", "»", "https://eng.sectsco.org/news/2020/", "state-of-the-art ", "    "]
        + ["Secretary-General ", "Генеральный ", "秘书长"]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(TRICKY, TRICKY, st.booleans()), min_size=1, max_size=12))
def test_random_entries_are_written_as_msgcat_does(
    rows: list[tuple[str, str, bool]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    catalog = new_catalog(header={"Content-Type": "text/plain; charset=UTF-8"})
    seen = set()
    for msgid, msgstr, fuzzy in rows:
        if msgid in seen or not msgid:
            continue
        seen.add(msgid)
        catalog.append(
            new_entry(
                msgid=msgid,
                msgstr=msgstr,
                flags=["fuzzy"] if fuzzy else [],
                previous_msgid=msgstr if fuzzy else None,
            )
        )
    text = format_catalog(catalog)
    _, diffs = compare_with_msgcat(text, tmp_path_factory.mktemp("po") / "random.po")
    assert not diffs, "\n".join(diffs)
