"""The translation memory's contract, run against SQLite and a real PostgreSQL server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from i18n_kit.errors import MemoryStoreError
from i18n_kit.translation.memory import (
    MemoryMatch,
    MemoryStats,
    MemoryUnit,
    TranslationMemory,
    UpdateReport,
    open_memory,
)
from i18n_kit.translation.tmx import read_tmx, write_tmx

DATA = Path(__file__).parent.parent / "data" / "translation"

SUMMIT_RU = """\
msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The SCO summit was held on 10 November 2020."
msgstr "Саммит ШОС состоялся 10 ноября 2020 года."

msgid "Eight member states took part."
msgstr "В нём приняли участие восемь государств-членов."

#, fuzzy
msgid "Mr. Putin chaired the meeting."
msgstr "Заседание провёл г-н Путин."

msgid "The leaders adopted the Moscow Declaration."
msgstr ""

#~ msgid "An old sentence."
#~ msgstr "Старое предложение."
"""

SUMMIT_ZH = """\
msgid ""
msgstr ""
"Language: zh\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The SCO summit was held on 10 November 2020."
msgstr "上海合作组织峰会于2020年11月10日举行。"
"""

NEWS_RU = """\
msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Саммит ШОС прошёл в Москве."
msgstr "The SCO summit took place in Moscow."
"""


def unit(source: str, target: str, *, origin: str = "a.po", pair: str = "en ru") -> MemoryUnit:
    source_lang, target_lang = pair.split()
    return MemoryUnit(source_lang=source_lang, target_lang=target_lang, source_text=source,
                      target_text=target, origin=origin)


def write_catalogs(root: Path, files: dict[str, str]) -> list[tuple[str, Path, str, str]]:
    catalogs = []
    for origin, text in files.items():
        path = root / origin
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        target = origin.split("/")[1]
        source = "ru" if "news" in origin else "en"
        catalogs.append((origin, path, source, target))
    return catalogs


RU_PO = "locales/ru/LC_MESSAGES/articles/summit.po"
ZH_PO = "locales/zh/LC_MESSAGES/articles/summit.po"
NEWS_PO = "locales/en/LC_MESSAGES/articles/news.po"


# ------------------------------------------------------------------------ lookups


def test_exact_lookup_normalises_whitespace_and_keeps_case(memory: TranslationMemory) -> None:
    memory.add(unit("The SCO Secretariat", "Секретариат ШОС"))
    assert memory.lookup_exact(
        " The\u00a0SCO \n Secretariat ", source_lang="en", target_lang="ru"
    ) == MemoryMatch(score=100.0, source_text="The SCO Secretariat",
                     target_text="Секретариат ШОС", origin="a.po", numbers_differ=False)
    assert memory.lookup_exact("the SCO secretariat", source_lang="en", target_lang="ru") is None
    assert memory.lookup_exact("The SCO Secretariat", source_lang="en", target_lang="zh") is None


def test_exact_lookup_prefers_the_commonest_translation(memory: TranslationMemory) -> None:
    memory.add(unit("SCO", "ШОС", origin="c.po"))
    memory.add(unit("SCO", "Шанхайская организация", origin="a.po"))
    memory.add(unit("SCO", "ШОС", origin="b.po"))
    match = memory.lookup_exact("SCO", source_lang="en", target_lang="ru")
    assert match is not None and (match.target_text, match.origin) == ("ШОС", "b.po")


def test_fuzzy_lookup_scores_thresholds_and_limits(memory: TranslationMemory) -> None:
    memory.add(unit("The SCO summit was held online.", "Саммит ШОС прошёл онлайн."))
    memory.add(unit("The SCO summit was held in Moscow.", "Саммит ШОС прошёл в Москве."))
    memory.add(unit("Trade grew by a third.", "Торговля выросла на треть."))
    query = "The SCO summit was held online today."
    found = memory.lookup_fuzzy(query, source_lang="en", target_lang="ru")
    assert [(round(m.score, 2), m.target_text) for m in found] == [
        (91.18, "Саммит ШОС прошёл онлайн."),
        (81.69, "Саммит ШОС прошёл в Москве."),
    ]
    assert len(memory.lookup_fuzzy(query, source_lang="en", target_lang="ru", limit=1)) == 1
    assert memory.lookup_fuzzy(query, source_lang="en", target_lang="ru", threshold=92) == []
    assert [m.target_text for m in memory.lookup_fuzzy(
        query, source_lang="en", target_lang="ru", threshold=50, limit=5)][2:] == []
    assert memory.lookup_fuzzy(query, source_lang="en", target_lang="zh") == []


def test_fuzzy_match_with_other_numbers_is_marked(memory: TranslationMemory) -> None:
    memory.add(unit("The summit was held on 10 November 2020.", "Саммит прошёл 10 ноября 2020 г."))
    memory.add(unit("The summit was held on 10 November.", "Саммит прошёл 10 ноября."))
    found = memory.lookup_fuzzy("The summit was held on 11 November 2020.",
                                source_lang="en", target_lang="ru", limit=2)
    assert [(m.source_text, m.numbers_differ) for m in found] == [
        ("The summit was held on 10 November 2020.", True),
        ("The summit was held on 10 November.", True),
    ]
    same = memory.lookup_fuzzy("The summit was held on 10 November 2020 online.",
                               source_lang="en", target_lang="ru", limit=1)
    assert [m.numbers_differ for m in same] == [False]


def test_chinese_and_russian_sources(memory: TranslationMemory) -> None:
    memory.add(unit("上海合作组织成员国元首理事会会议在线举行。",
                    "Заседание СГГ ШОС прошло онлайн.", pair="zh ru"))
    memory.add(unit("Саммит ШОС прошёл в Москве.", "上合组织峰会在莫斯科举行。", pair="ru zh"))
    zh = memory.lookup_fuzzy("上海合作组织成员国元首理事会会议举行。", source_lang="zh",
                             target_lang="ru")
    assert [(m.score, m.target_text) for m in zh] == [(95.0, "Заседание СГГ ШОС прошло онлайн.")]
    ru = memory.lookup_fuzzy("Саммит ШОС прошёл в Пекине.", source_lang="ru", target_lang="zh")
    assert [(round(m.score, 2), m.target_text) for m in ru] == [
        (85.19, "上合组织峰会在莫斯科举行。")]
    assert memory.lookup_exact("上海合作组织成员国元首理事会\n会议在线举行。", source_lang="zh",
                               target_lang="ru") is not None


def test_fuzzy_lookup_sees_units_added_and_removed_after_the_index(
    memory: TranslationMemory,
) -> None:
    memory.add(unit("Trade grew by a third.", "на треть", origin="a.po"))
    query = "The SCO summit was held in Moscow today."
    assert memory.lookup_fuzzy(query, source_lang="en", target_lang="ru") == []
    memory.add(unit("The SCO summit was held in Moscow.", "в Москве", origin="b.po"))
    assert [m.target_text for m in memory.lookup_fuzzy(query, source_lang="en",
                                                       target_lang="ru")] == ["в Москве"]
    assert memory.forget("b.po") == 1
    assert memory.lookup_fuzzy(query, source_lang="en", target_lang="ru") == []


def test_lookups_in_bulk_answer_as_one_by_one(memory: TranslationMemory) -> None:
    memory.add(unit("The SCO summit was held online.", "Саммит ШОС прошёл онлайн."))
    memory.add(unit("The SCO summit was held in Moscow.", "Саммит ШОС прошёл в Москве."))
    memory.add(unit("Trade grew by a third.", "Торговля выросла на треть."))
    texts = ["The SCO summit was held online today.", "Trade grew by a third.",
             "Trade  grew by a third.", "Nothing like it.", ""]
    exact = memory.lookup_exact_many(texts, source_lang="en", target_lang="ru")
    assert {text: match.target_text for text, match in exact.items()} == {
        "Trade grew by a third.": "Торговля выросла на треть.",
        "Trade  grew by a third.": "Торговля выросла на треть.",
    }
    for limit in (1, 3):
        bulk = memory.lookup_fuzzy_many(texts, source_lang="en", target_lang="ru", limit=limit)
        assert bulk == {text: memory.lookup_fuzzy(text, source_lang="en", target_lang="ru",
                                                  limit=limit) for text in texts}
    assert [len(bulk[text]) for text in texts] == [2, 1, 1, 0, 0]


def test_equal_scores_are_ordered_by_source_in_both_backends(memory: TranslationMemory) -> None:
    # Which of two equally good matches is offered must not depend on the backend (or on
    # pg_trgm's nearest-first order): the first source in code-point order wins.
    memory.add(unit("The summit opened in July 2015.", "Саммит открылся в июле 2015 года."))
    memory.add(unit("The summit opened in July 2011.", "Саммит открылся в июле 2011 года."))
    found = memory.lookup_fuzzy("The summit opened in July 2012.", source_lang="en",
                                target_lang="ru", limit=2)
    assert [(round(m.score, 2), m.source_text) for m in found] == [
        (96.77, "The summit opened in July 2011."), (96.77, "The summit opened in July 2015.")]


def test_fuzzy_lookup_when_its_best_matches_were_removed(memory: TranslationMemory) -> None:
    # The SQLite backend keeps the best few hits of a query; when every one of them has
    # been removed since the index was built, it searches that query again in full.
    for day in range(2, 10):
        memory.add(unit(f"The SCO summit was held in Moscow on {day} May this year.",
                        f"{day} мая", origin="x.po"))
    memory.add(unit("The SCO summit was finally held in Moscow in May this year.", "в мае",
                    origin="y.po"))
    query = "The SCO summit was held in Moscow on 1 May this year."
    first = memory.lookup_fuzzy(query, source_lang="en", target_lang="ru", limit=1)
    assert [(round(m.score, 1), m.target_text) for m in first] == [(98.1, "2 мая")]
    assert memory.forget("x.po") == 8
    again = memory.lookup_fuzzy(query, source_lang="en", target_lang="ru", limit=1)
    assert [(round(m.score, 1), m.target_text) for m in again] == [(89.3, "в мае")]


def test_fuzzy_lookup_after_removals_still_offers_the_best_left(
    memory: TranslationMemory,
) -> None:
    # As above, and a unit added since the index was built, worse than the best one
    # left: the SQLite backend must not offer it because the hits it kept ran out.
    for day in range(2, 10):
        memory.add(unit(f"The SCO summit was held in Moscow on {day} May this year.",
                        f"{day} мая", origin="x.po"))
    memory.add(unit("The SCO summit was finally held in Moscow in May this year.", "в мае",
                    origin="y.po"))
    query = "The SCO summit was held in Moscow on 1 May this year."
    first = memory.lookup_fuzzy(query, source_lang="en", target_lang="ru", limit=1)
    assert [(round(m.score, 1), m.target_text) for m in first] == [(98.1, "2 мая")]
    assert memory.forget("x.po") == 8
    memory.add(unit("The SCO summit was held in Moscow in May.", "в Москве в мае",
                    origin="z.po"))
    for limit in (1, 2):
        found = memory.lookup_fuzzy(query, source_lang="en", target_lang="ru", limit=limit)
        assert [(round(m.score, 1), m.target_text) for m in found] == [
            (89.3, "в мае"), (85.1, "в Москве в мае")][:limit]


# ------------------------------------------------------------------------ catalogs


def test_update_reads_only_changed_catalogs(memory: TranslationMemory, tmp_path: Path) -> None:
    catalogs = write_catalogs(tmp_path, {RU_PO: SUMMIT_RU, ZH_PO: SUMMIT_ZH, NEWS_PO: NEWS_RU})
    assert memory.update_from_catalogs(catalogs) == UpdateReport(
        files_checked=3, files_read=3, units_added=4)
    assert memory.stats() == MemoryStats(
        units={("en", "ru"): 2, ("en", "zh"): 1, ("ru", "en"): 1}, files={"po": 3})
    assert memory.update_from_catalogs(catalogs) == UpdateReport(files_checked=3)

    # Same bytes, new mtime: hashed, not parsed.
    (tmp_path / ZH_PO).write_text(SUMMIT_ZH, encoding="utf-8")
    os.utime(tmp_path / ZH_PO, ns=(1, 1))
    assert memory.update_from_catalogs(catalogs) == UpdateReport(files_checked=3)

    edited = SUMMIT_RU.replace('"Заседание провёл г-н Путин."', '"Заседание провёл Путин."')
    (tmp_path / RU_PO).write_text(edited.replace("#, fuzzy\n", ""), encoding="utf-8")
    assert memory.update_from_catalogs(catalogs) == UpdateReport(
        files_checked=3, files_read=1, units_added=3, units_removed=2)
    match = memory.lookup_exact("Mr. Putin chaired the meeting.", source_lang="en",
                                target_lang="ru")
    assert match is not None and (match.target_text, match.origin) == (
        "Заседание провёл Путин.", RU_PO)


def test_update_skips_fuzzy_obsolete_and_empty_entries(
    memory: TranslationMemory, tmp_path: Path
) -> None:
    memory.update_from_catalogs(write_catalogs(tmp_path, {RU_PO: SUMMIT_RU}))
    assert [u.source_text for u in memory.export_units()] == [
        "Eight member states took part.", "The SCO summit was held on 10 November 2020."]
    for text in ("Mr. Putin chaired the meeting.", "The leaders adopted the Moscow Declaration.",
                 "An old sentence."):
        assert memory.lookup_exact(text, source_lang="en", target_lang="ru") is None


def test_update_forgets_vanished_catalogs(memory: TranslationMemory, tmp_path: Path) -> None:
    catalogs = write_catalogs(tmp_path, {RU_PO: SUMMIT_RU, ZH_PO: SUMMIT_ZH, NEWS_PO: NEWS_RU})
    memory.update_from_catalogs(catalogs)
    (tmp_path / ZH_PO).unlink()
    assert memory.update_from_catalogs(catalogs) == UpdateReport(
        files_checked=3, files_removed=1, units_removed=1)
    assert memory.update_from_catalogs(catalogs[:1]) == UpdateReport(
        files_checked=1, files_removed=1, units_removed=1)
    assert memory.stats() == MemoryStats(units={("en", "ru"): 2}, files={"po": 1})


def test_update_with_a_broken_catalog_changes_nothing(
    memory: TranslationMemory, tmp_path: Path
) -> None:
    catalogs = write_catalogs(tmp_path, {RU_PO: SUMMIT_RU, ZH_PO: 'msgid "x\nmsgstr ""\n'})
    with pytest.raises(Exception, match="summit.po:1: "):
        memory.update_from_catalogs(catalogs)
    assert memory.stats() == MemoryStats()


# ------------------------------------------------------------------------ TMX


def test_tmx_import_is_incremental(memory: TranslationMemory, tmp_path: Path) -> None:
    tmx = tmp_path / "legacy.tmx"
    tmx.write_bytes((DATA / "legacy.tmx").read_bytes())
    assert memory.import_tmx(tmx, origin="tm/legacy.tmx", locales=["en", "ru", "zh"]) == 4
    assert memory.import_tmx(tmx, origin="tm/legacy.tmx", locales=["en", "ru", "zh"]) == 0
    assert memory.stats() == MemoryStats(units={("en", "ru"): 2, ("en", "zh"): 2},
                                         files={"tmx": 1})
    match = memory.lookup_exact("The Council of Heads of State met on 15 June 2001.",
                                source_lang="en", target_lang="ru")
    assert match == MemoryMatch(
        score=100.0, source_text="The Council of Heads of State met on 15 June 2001.",
        target_text="Совет глав государств собрался 15 июня 2001 года.",
        origin="tm/legacy.tmx", numbers_differ=False)
    # A PO update never forgets an imported TMX.
    assert memory.update_from_catalogs([]) == UpdateReport()
    assert memory.forget("tm/legacy.tmx") == 4
    assert memory.stats() == MemoryStats()


def test_export_then_tmx_round_trip(memory: TranslationMemory, tmp_path: Path) -> None:
    memory.update_from_catalogs(write_catalogs(tmp_path, {RU_PO: SUMMIT_RU, ZH_PO: SUMMIT_ZH}))
    memory.add(unit("Tom & Jerry <b>", "Том и Джерри «б»", origin="preview"))
    exported = list(memory.export_units(source_lang="en"))
    path = tmp_path / "out.tmx"
    path.write_text(write_tmx(exported, source_lang="en"), encoding="utf-8")
    back = read_tmx(path, origin="out.tmx", locales=["en", "ru", "zh"])

    def key(u: MemoryUnit) -> tuple[str, ...]:
        return (u.source_lang, u.target_lang, u.source_text, u.target_text)

    assert sorted(map(key, back)) == sorted(map(key, exported))
    assert len(exported) == 4
    assert list(memory.export_units(target_lang="zh")) == [
        unit("The SCO summit was held on 10 November 2020.",
             "上海合作组织峰会于2020年11月10日举行。", origin=ZH_PO, pair="en zh")]


def test_read_tmx_without_locales_keeps_the_files_codes() -> None:
    units = read_tmx(DATA / "legacy.tmx", origin="tm/legacy.tmx")
    assert [(u.target_lang, u.source_text) for u in units] == [
        ("ru_RU", "The SCO Secretary-General met the Ambassador of Kazakhstan."),
        ("zh_CN", "The SCO Secretary-General met the Ambassador of Kazakhstan."),
        ("ru_RU", "The Council of Heads of State met on 15 June 2001."),
        ("zh_CN", "Press release of the Secretariat"),
        ("de_DE", "Press release of the Secretariat"),
    ]


@pytest.mark.parametrize("case", sorted(p.stem for p in (DATA / "bad").glob("*.tmx")))
def test_bad_tmx_is_one_line_and_imports_nothing(
    memory: TranslationMemory, case: str
) -> None:
    expected = (DATA / "bad" / f"{case}.expected").read_text(encoding="utf-8").strip()
    with pytest.raises(MemoryStoreError) as error:
        memory.import_tmx(DATA / "bad" / f"{case}.tmx", origin=f"tm/{case}.tmx",
                          locales=["en", "ru"])
    assert str(error.value) == expected
    assert memory.stats() == MemoryStats()


# ------------------------------------------------------------------------ opening


def test_unreachable_postgresql_url_masks_the_password(tmp_path: Path) -> None:
    with pytest.raises(MemoryStoreError) as error:
        open_memory(url="postgresql://user:s3cret@127.0.0.1:1/db", state_dir=tmp_path)
    assert str(error.value) == (
        "[tm] url: cannot connect to postgresql://user@127.0.0.1:1/db: connection refused")


def test_unknown_url_scheme(tmp_path: Path) -> None:
    with pytest.raises(MemoryStoreError) as error:
        open_memory(url="mysql://tm:pw@db/tm", state_dir=tmp_path)
    assert str(error.value) == (
        "[tm] url: unknown scheme 'mysql' in mysql://tm@db/tm; use "
        '"postgresql://user@host/db", or leave url unset for SQLite in .i18n-kit/')


def test_postgresql_wrong_database_is_one_line(postgres_server: str, tmp_path: Path) -> None:
    url = postgres_server.rsplit("/", 1)[0] + "/missing"
    with pytest.raises(MemoryStoreError) as error:
        open_memory(url=url.replace("postgres@", "postgres:pw@"), state_dir=tmp_path)
    assert str(error.value) == (
        f"[tm] url: cannot connect to {url}: database \"missing\" does not exist")


def test_corrupt_sqlite_memory_and_index_are_rebuilt(tmp_path: Path) -> None:
    state = tmp_path / ".i18n-kit"
    memory = open_memory(url=None, state_dir=state)
    memory.add(unit("The SCO summit was held online.", "онлайн"))
    assert len(memory.lookup_fuzzy("The SCO summit was held.", source_lang="en",
                                   target_lang="ru")) == 1
    memory.close()
    for path in (state / "tm-index" / "en-ru").iterdir():
        path.write_bytes(b"\x00garbage")
    memory = open_memory(url=None, state_dir=state)
    assert len(memory.lookup_fuzzy("The SCO summit was held.", source_lang="en",
                                   target_lang="ru")) == 1
    memory.close()
    (state / "memory.sqlite3").write_bytes(b"not a database" * 512)
    memory = open_memory(url=None, state_dir=state)
    assert memory.stats() == MemoryStats()
    memory.add(unit("The SCO summit was held online.", "онлайн"))
    assert len(memory.lookup_fuzzy("The SCO summit was held.", source_lang="en",
                                   target_lang="ru")) == 1
    memory.close()


def test_sqlite_fuzzy_index_is_built_lazily_and_reused(tmp_path: Path) -> None:
    state = tmp_path / ".i18n-kit"
    memory = open_memory(url=None, state_dir=state)
    memory.add(unit("The SCO summit was held online.", "онлайн"))
    assert memory.lookup_exact("The SCO summit was held online.", source_lang="en",
                               target_lang="ru") is not None
    assert not (state / "tm-index").exists()
    memory.lookup_fuzzy("The SCO summit was held.", source_lang="en", target_lang="ru")
    meta = (state / "tm-index" / "en-ru" / "meta.json").stat().st_mtime_ns
    memory.close()
    memory = open_memory(url=None, state_dir=state)
    memory.lookup_fuzzy("The SCO summit was held.", source_lang="en", target_lang="ru")
    assert (state / "tm-index" / "en-ru" / "meta.json").stat().st_mtime_ns == meta
    memory.close()


def test_sqlite_fuzzy_searches_made_ahead_are_the_ones_the_memory_would_make(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sync's forked workers search their texts with the memory's scorer; the memory
    # then answers from what they found, exactly as its own search would.
    def filled(state: Path) -> TranslationMemory:
        memory = open_memory(url=None, state_dir=state)
        memory.add(unit("The SCO summit was held online.", "Саммит ШОС прошёл онлайн."))
        memory.add(unit("The SCO summit was held in Moscow.", "Саммит ШОС прошёл в Москве."))
        memory.add(unit("Trade grew by a third.", "Торговля выросла на треть."))
        return memory

    queries = ["The SCO summit was held online today.", "Trade grew by a half.",
               "Nothing like it at all here.", "Trade grew by a third."]
    alone = filled(tmp_path / "alone")
    expected = alone.lookup_fuzzy_many(queries, source_lang="en", target_lang="ru", limit=1)
    alone.close()
    ahead = filled(tmp_path / "ahead")
    scorer = ahead.fuzzy_scorer(source_lang="en", target_lang="ru", threshold=75, limit=1)
    assert scorer is not None
    scored = scorer.score(queries)
    assert sorted(scored) == sorted(queries[:3])  # an indexed text is an exact match
    ahead.add_scored(scorer, scored)

    search_many = type(scorer.index).search_many

    def no_search(index: object, queries: list[str], **how: object) -> object:
        assert not queries, "searched again"
        return search_many(index, queries, **how)  # type: ignore[arg-type]

    monkeypatch.setattr(type(scorer.index), "search_many", no_search)
    assert ahead.lookup_fuzzy_many(queries[:3], source_lang="en", target_lang="ru",
                                   limit=1) == {query: expected[query] for query in queries[:3]}
    assert [m.score for m in expected[queries[0]]] == [pytest.approx(91.18, abs=0.01)]
    ahead.close()
