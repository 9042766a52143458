"""Glossary matching: inflected Russian, near-traps, case, dashes, Chinese, Markdown, offsets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18n_kit.glossary.match import TermIndex, match_terms, signature
from i18n_kit.glossary.model import (
    Category,
    Entry,
    Glossary,
    HitKind,
    Term,
    TermHit,
    TermStatus,
)
from tests.glossary.sco_reference import read_reference_glossary

DATA = Path(__file__).resolve().parent.parent / "data" / "glossary"
_MARK_RE = re.compile(r"\{\{(.*?)\|([^}]*)\}\}|<<(.*?)>>")


@pytest.fixture(scope="module")
def index() -> TermIndex:
    return TermIndex(read_reference_glossary())


def _summary(hits: list[TermHit]) -> list[tuple[str, str, str]]:
    return [(hit.text, hit.kind.value, hit.entry.id) for hit in hits]


# -- the inflected Russian set -------------------------------------------------------


class _Line:
    """One line of inflected_ru.txt with its marks removed."""

    def __init__(self, marked: str, section: str) -> None:
        self.section = section
        self.text = ""
        self.expected: list[tuple[int, int, str]] = []  # start, end, entry id
        self.traps: list[tuple[int, int]] = []
        position = 0
        for match in _MARK_RE.finditer(marked):
            self.text += marked[position : match.start()]
            start = len(self.text)
            if match.group(3) is not None:
                self.text += match.group(3)
                self.traps.append((start, len(self.text)))
            else:
                self.text += match.group(1)
                self.expected.append((start, len(self.text), match.group(2)))
            position = match.end()
        self.text += marked[position:]


def _read_lines() -> list[_Line]:
    lines: list[_Line] = []
    section = ""
    for raw in (DATA / "inflected_ru.txt").read_text(encoding="utf-8").splitlines():
        if raw.startswith("## "):
            section = raw[3:]
        elif raw and not raw.startswith("#"):
            lines.append(_Line(raw, section))
    return lines


LINES = _read_lines()


@pytest.mark.parametrize("line", LINES, ids=[line.text[:40] for line in LINES])
def test_inflected_line_gives_exactly_the_marked_hits(index: TermIndex, line: _Line) -> None:
    hits = index.match_terms(line.text, "ru")
    assert [(h.start, h.end, h.entry.id) for h in hits] == line.expected


def test_inflected_set_is_big_enough_and_fully_recalled(index: TermIndex) -> None:
    glossary = read_reference_glossary()
    inflected = 0
    recalled = 0
    for line in LINES:
        found = {(h.start, h.end, h.entry.id) for h in index.match_terms(line.text, "ru")}
        for start, end, entry_id in line.expected:
            entry = glossary.get(entry_id)
            assert entry is not None
            forms = {signature(term.text) for term in entry.forms("ru")}
            if signature(line.text[start:end]) not in forms:  # written in another case form
                inflected += 1
                recalled += (start, end, entry_id) in found
    assert (inflected, recalled) == (inflected, inflected)
    assert inflected >= 42


def test_no_hit_touches_a_near_trap(index: TermIndex) -> None:
    traps = [line for line in LINES if line.section == "traps"]
    assert sum(len(line.traps) for line in traps) >= 12
    false_hits = [
        (line.text, hit.text)
        for line in traps
        for hit in index.match_terms(line.text, "ru")
        if any(hit.start < end and start < hit.end for start, end in line.traps)
    ]
    assert false_hits == []


# -- Russian details -------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["государства-члены", "государства – члены", "государства — члены", "государства‑члены"],
)
def test_hyphen_and_dash_variants_match(index: TermIndex, written: str) -> None:
    text = f"Все {written} ШОС согласились."
    assert _summary(index.match_terms(text, "ru")) == [(f"{written} ШОС", "variant", "conc-03")]


def test_markdown_inside_a_term_keeps_original_offsets(index: TermIndex) -> None:
    text = "Решение *Совета* **глав государств** принято."
    hits = index.match_terms(text, "ru")
    assert [(h.start, h.end, h.text) for h in hits] == [(9, 34, "Совета* **глав государств")]


def test_sentence_punctuation_and_blank_lines_break_a_term(index: TermIndex) -> None:
    assert _summary(index.match_terms("Совет глав. Государств нет.", "ru")) == []
    assert _summary(index.match_terms("Секретариат\n\nШОС", "ru")) == [
        ("ШОС", "variant", "org-001")
    ]
    assert _summary(index.match_terms("Секретариат\nШОС", "ru")) == [
        ("Секретариат\nШОС", "term", "body-006")
    ]


def test_abbreviation_spelled_out_inside_a_longer_term(index: TermIndex) -> None:
    text = (
        "Заседание Совета министров иностранных дел государств-членов "
        "Шанхайской организации сотрудничества."
    )
    assert _summary(index.match_terms(text, "ru")) == [
        (text[10:-1], "term", "body-003"),
    ]


def test_listed_russian_misspelling_is_flagged_in_any_case(index: TermIndex) -> None:
    hits = index.match_terms("Встреча с Гуттеришем.", "ru")
    assert [(h.text, h.kind, h.suggestion) for h in hits] == [
        ("Гуттеришем", HitKind.FLAGGED, "Антониу Гутерриш")
    ]


# -- English ---------------------------------------------------------------------------

ENGLISH = [
    ("The SCO Secretariat is in Beijing.", [("SCO Secretariat", "term", "body-006")]),
    (
        "The Council of Heads of State met. The Council adjourned.",
        [("Council of Heads of State", "term", "body-001")],
    ),
    ("The UN and WHO agreed.", [("UN", "variant", "porg-01"), ("WHO", "variant", "porg-04")]),
    ("C'est un accord entre ceux who sont la.", []),
    ("The Organisation grew.", [("The Organisation", "variant", "org-001")]),
    ("the organisation of the event", []),
    ("a council of heads of state of the region", []),
    ("Council, of Heads of State", []),
    ("Indian, Iranian and Chinese officials", []),
    ("eco-friendly cis-lunar policies", []),
    (
        "SCO Secretary General and SCO Secretary-General",
        [
            ("SCO Secretary General", "variant", "body-007"),
            ("SCO Secretary-General", "term", "body-007"),
        ],
    ),
    (
        "All Member States and every member state",
        [
            ("Member States", "variant", "conc-03"),
            ("member state", "term", "conc-03"),
        ],
    ),
    (
        "Kassym-Jomart Tokayev, not Kassym Jomart Tokayev",
        [
            ("Kassym-Jomart Tokayev", "term", "pers-04"),
            ("Kassym Jomart Tokayev", "flagged", "pers-04"),
        ],
    ),
    (
        "Xi Jinping, not XI Jinping",
        [
            ("Xi Jinping", "term", "pers-05"),
            ("XI Jinping", "flagged", "pers-05"),
        ],
    ),
    # «EAEC» is forbidden for the EAEU but admitted for EurAsEC: admitted wins.
    ("the EAEC", [("EAEC", "variant", "porg-08")]),
    ("People's Daily Online", [("People's Daily Online", "term", "org-006")]),
    (
        "the SCO's role and Russia's chairmanship",
        [
            ("SCO", "variant", "org-001"),
            ("Russia", "term", "state-02"),
            ("chairmanship", "term", "conc-07"),
        ],
    ),
    ("the **SCO** *Secretariat*", [("SCO** *Secretariat", "term", "body-006")]),
    ("2020SCO and SCO2020", []),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH, ids=[t for t, _ in ENGLISH])
def test_english(index: TermIndex, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _summary(index.match_terms(text, "en")) == expected


def test_flagged_hit_suggests_the_preferred_form(index: TermIndex) -> None:
    (hit,) = index.match_terms("Shavkat Mirziev", "en")
    assert (hit.kind, hit.term, hit.suggestion) == (
        HitKind.FLAGGED,
        Term(text="Shavkat Mirziev", lang="en", status=TermStatus.FORBIDDEN),
        "Shavkat Mirziyoyev",
    )


# -- Chinese ---------------------------------------------------------------------------

CHINESE = [
    ("上海合作组织秘书处设在北京。", [("上海合作组织秘书处", "term", "body-006")]),
    ("上合组织秘书长会见记者", [("上合组织秘书长", "variant", "body-007")]),
    ("中国国际广播电台报道", [("中国国际广播电台", "term", "org-008")]),
    (
        "哈萨克斯坦共和国和吉尔吉斯",
        [
            ("哈萨克斯坦共和国", "variant", "state-03"),
            ("吉尔吉斯", "flagged", "state-04"),
        ],
    ),
    ("“上海五国”机制", [("“上海五国”机制", "variant", "org-002")]),
    ("**上海合作组织**成员国元首理事会", [("上海合作组织**成员国元首理事会", "term", "body-001")]),
    (
        "打击恐怖主义、分裂主义和极端主义上海公约",
        [
            ("打击恐怖主义、分裂主义和极端主义上海公约", "term", "doc-03"),
        ],
    ),
    ("上海是一个城市", []),
]


@pytest.mark.parametrize(("text", "expected"), CHINESE, ids=[t for t, _ in CHINESE])
def test_chinese(index: TermIndex, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _summary(index.match_terms(text, "zh")) == expected


# -- API -------------------------------------------------------------------------------


def test_convenience_function_matches_like_the_index() -> None:
    glossary = Glossary(
        entries=(
            Entry(
                id="porg-01",
                category=Category.PARTNER_ORG,
                terms=(Term(text="United Nations", lang="en"), Term(text="UN", lang="en")),
            ),
        )
    )
    text = "The United Nations (UN), un peu."
    first = match_terms(text, "en", glossary)
    assert _summary(first) == [
        ("United Nations", "term", "porg-01"),
        ("UN", "term", "porg-01"),
    ]
    assert match_terms(text, "en", glossary) == first


def test_unknown_language_is_refused(index: TermIndex) -> None:
    with pytest.raises(ValueError, match="'fr' is not one of"):
        index.match_terms("texte", "fr")


def test_empty_glossary_finds_nothing() -> None:
    assert TermIndex(Glossary(entries=())).match_terms("SCO", "en") == []


_PIECES = [
    "Совета глав государств",
    "Шанхайской организации сотрудничества",
    "ШОС",
    "государствами – членами",
    "SCO Secretariat",
    "UN",
    "un",
    "上海合作组织秘书处",
    "上合",
    "**",
    "«",
    "»",
    ", ",
    ". ",
    " ",
    "\n\n",
    "—",
    "-",
    "2020",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES) | st.text(max_size=4), max_size=30),
    st.sampled_from(["en", "ru", "zh"]),
)
def test_hits_are_in_bounds_ordered_and_disjoint(pieces: list[str], lang: str) -> None:
    index = _shared_index()
    text = "".join(pieces)
    hits = index.match_terms(text, lang)
    previous_end = 0
    for hit in hits:
        assert previous_end <= hit.start < hit.end <= len(text)
        assert text[hit.start : hit.end] == hit.text
        previous_end = hit.end


_INDEX: list[TermIndex] = []


def _shared_index() -> TermIndex:
    # Hypothesis reruns the test body; build the index once.
    if not _INDEX:
        _INDEX.append(TermIndex(read_reference_glossary()))
    return _INDEX[0]
