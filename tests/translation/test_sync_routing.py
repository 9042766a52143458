"""Routing and machine translation through the CLI: `sync`, `sync --no-mt`, `sync --check` and
`translate` on a small project in tmp_path, the provider a LibreTranslate-compatible server on
127.0.0.1 (tests/translation/libre_server.py) that translates ``text`` as ``[<target>] text``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from i18n_kit.config import load_config
from i18n_kit.pipeline import catalog_refs
from i18n_kit.state import load_state
from i18n_kit.translation.memory import UpdateReport, catalog_units, open_memory
from tests.cli.conftest import run, snapshot
from tests.translation.libre_server import Mode, Server, run_server

TODAY = dt.date.today().isoformat()
KEY_ENV = "I18N_KIT_TEST_MT_KEY"

TMX = """\
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="newsroom" creationtoolversion="1" datatype="plaintext"
          segtype="sentence" adminlang="en" srclang="en" o-tmf="none"/>
  <body>
    <tu>
      <tuv xml:lang="en">
        <seg>Mr. Putin chaired the meeting.</seg></tuv>
      <tuv xml:lang="ru">
        <seg>Заседание провёл Владимир Путин.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en">
        <seg>The Secretary-General met the Ambassador of Kazakhstan in Beijing.</seg></tuv>
      <tuv xml:lang="ru">
        <seg>Генеральный секретарь встретился в Пекине с Послом Казахстана.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en">
        <seg>The Council of Foreign Ministers met in Dushanbe on 13 July 2021.</seg></tuv>
      <tuv xml:lang="ru">
        <seg>Совет министров иностранных дел собрался в Душанбе 13 июля 2021 года.</seg></tuv>
    </tu>
  </body>
</tmx>
"""

ROUTES = """\
---
title: Kazakhstan
date: 2021-06-15
slug: routes
---

Mr. Putin chaired the meeting.

The Secretary-General met the Ambassador of Kyrgyzstan in Beijing.

The Council of Foreign Ministers met in Dushanbe on 14 July 2021.

## Results

| Year | Host |
| --- | --- |
| 2021 | Dushanbe |

> The SCO remains a reliable partner for all of its members.

The leaders adopted a joint statement.

https://eng.sectsco.org/
"""

INTERVIEW = """\
---
title: Interview
date: 2021-06-16
route: human
---

Mr. Putin chaired the meeting.

The minister answered questions.
"""

# For machine translation: a title, a sentence with two glossary terms, a plain sentence.
DUSHANBE = """\
---
title: Leaders meet in Dushanbe
date: 2021-09-17
slug: dushanbe
---

The leaders of Kazakhstan and Kyrgyzstan met in Dushanbe.

Delegations arrived on Thursday.
"""

# A Russian source: two more language pairs (ru -> en, ru -> zh).
FORUM = """\
---
title: Молодёжный форум
date: 2021-05-20
lang: ru
---

Форум прошёл в Ташкенте.

В нём участвовали двести человек.
"""

# One text to translate (the body is copied).
TALKS = "---\ntitle: Talks\n---\n\n2021\n"

HEADER_RU = """\
msgid ""
msgstr ""
"Project-Id-Version: news\\n"
"Language: ru\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=3; plural=n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 "
">= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;\\n"
"""

CFM_TERMS = (  # the form the source writes, and the approved Russian of its register
    "#. terms: Council of Foreign Ministers = Совет министров иностранных дел"
)
PENDING = "mt (no TM match >= 75%; not translated yet (--no-mt))"
TIMED_OUT = re.compile(
    r"human \(machine translation failed: provider gave up after 3 consecutive failures"
    r" \(last: timeout( \(no answer within 1 s\))?\)\)"
)


def make_project(
    root: Path,
    articles: Mapping[str, str],
    *,
    locales: tuple[str, ...] = ("en", "ru"),
    tables: str = "",
    tmx: str | None = None,
) -> Path:
    (root / "content").mkdir(parents=True)
    listed = ", ".join(f'"{code}"' for code in locales)
    (root / "i18n-kit.toml").write_text(
        f'[project]\nname = "news"\nsource_language = "en"\nlocales = [{listed}]\n\n{tables}',
        "utf-8",
    )
    for name, text in articles.items():
        (root / "content" / name).write_text(text, "utf-8")
    if tmx is not None:
        (root / "tm").mkdir()
        (root / "tm" / "x.tmx").write_text(tmx, "utf-8")
    return root


def mt_table(server: Server | None, **settings: object) -> str:
    lines = ["[mt]", f'provider = "{settings.pop("provider", "libre")}"']
    if server is not None:
        lines.append(f'url = "{server.url}"')
    for key, value in settings.items():
        lines.append(f'{key} = "{value}"' if isinstance(value, str) else f"{key} = {value}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def server() -> Iterator[Server]:
    with run_server() as running:
        yield running


def catalog(root: Path, locale_code: str, slug: str) -> str:
    return (root / f"locales/{locale_code}/LC_MESSAGES/articles/{slug}.po").read_text("utf-8")


def entry(po: str, msgid: str) -> str:
    """The entry of ``po`` whose msgid is ``msgid`` (one line), as written."""
    found = [block for block in po.split("\n\n") if f'\nmsgid "{msgid}"\n' in f"\n{block}\n"]
    assert len(found) == 1, f"{msgid!r} in\n{po}"
    return found[0].strip("\n")


def routes_of(po: str) -> list[str]:
    return [line[len("#. route: "):] for line in po.splitlines() if line.startswith("#. route: ")]


def sync(root: Path, *options: str, code: int = 0) -> str:
    result = run("sync", "--project", str(root), *options)
    assert result.exit_code == code, result.output
    return result.stdout


def check_catalogs(root: Path) -> None:
    """Every PO file passes ``msgfmt -c`` (GNU gettext must be installed: it is not skipped)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.fail("GNU gettext's msgfmt is not installed: apt-get install gettext")
    files = sorted((root / "locales").rglob("*.po"))
    assert files
    for path in files:
        done = subprocess.run([msgfmt, "-c", "-o", "/dev/null", str(path)],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{path}: {done.stderr}"


def approve(root: Path, locale_code: str, slug: str, msgid: str, msgstr: str, *,
            fuzzy: bool = False) -> str:
    """Fill an untranslated entry as a translator would; returns the entry as written."""
    path = root / f"locales/{locale_code}/LC_MESSAGES/articles/{slug}.po"
    po = path.read_text("utf-8")
    old = f'msgid "{msgid}"\nmsgstr ""\n'
    assert po.count(old) == 1
    new = ("#, fuzzy\n" if fuzzy else "") + f'msgid "{msgid}"\nmsgstr "{msgstr}"\n'
    path.write_text(po.replace(old, new), "utf-8")
    return entry(path.read_text("utf-8"), msgid)


# --- every route, offline ------------------------------------------------------------------


def test_every_route_as_written_in_the_catalog(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "news", {"routes.md": ROUTES, "interview.md": INTERVIEW},
        tables='[routing]\nhuman_kinds = ["heading"]\n', tmx=TMX,
    )
    sync(root)
    assert catalog(root, "ru", "routes") == HEADER_RU + f"""
#. terms: Kazakhstan = Казахстан
#. route: term (glossary term state-03, short form)
#: content/routes.md
msgid "Kazakhstan"
msgstr "Казахстан"

#. terms: Putin = Путин
#. route: tm (exact match in tm/x.tmx)
#: content/routes.md
msgid "Mr. Putin chaired the meeting."
msgstr "Заседание провёл Владимир Путин."

#. terms: Kyrgyzstan = Кыргызстан
#. route: tm-fuzzy (94% match >= 75%)
#. tm: 94% from tm/x.tmx
#: content/routes.md
#, fuzzy
#| msgid "The Secretary-General met the Ambassador of Kazakhstan in Beijing."
msgid "The Secretary-General met the Ambassador of Kyrgyzstan in Beijing."
msgstr "Генеральный секретарь встретился в Пекине с Послом Казахстана."

{CFM_TERMS}
#. route: tm-fuzzy (98% match >= 75%)
#. tm: 98% from tm/x.tmx; numbers differ from the source: check them
#: content/routes.md
#, fuzzy
#| msgid "The Council of Foreign Ministers met in Dushanbe on 13 July 2021."
msgid "The Council of Foreign Ministers met in Dushanbe on 14 July 2021."
msgstr "Совет министров иностранных дел собрался в Душанбе 13 июля 2021 года."

#. route: human (heading ([routing] human_kinds))
#: content/routes.md
msgid "Results"
msgstr ""

#. route: human (no TM match >= 75%; no MT provider configured)
#: content/routes.md
msgid "Year"
msgstr ""

#. route: human (no TM match >= 75%; no MT provider configured)
#: content/routes.md
msgid "Host"
msgstr ""

#. route: copy (nothing to translate: numbers, codes or links)
#: content/routes.md
msgid "2021"
msgstr "2021"

#. route: human (no TM match >= 75%; no MT provider configured)
#: content/routes.md
msgid "Dushanbe"
msgstr ""

#. terms: SCO = ШОС
#. route: human (a quotation: people translate quotations ([routing] quotations))
#: content/routes.md
msgid "The SCO remains a reliable partner for all of its members."
msgstr ""

#. route: human (no TM match >= 75%; no MT provider configured)
#: content/routes.md
msgid "The leaders adopted a joint statement."
msgstr ""

#. route: copy (nothing to translate: numbers, codes or links)
#: content/routes.md
msgid "https://eng.sectsco.org/"
msgstr "https://eng.sectsco.org/"
"""
    # front matter `route: human` yields to the memory, not to machine translation
    assert catalog(root, "ru", "interview") == HEADER_RU + """
#. route: human (the article's front matter says route: human)
#: content/interview.md
msgid "Interview"
msgstr ""

#. terms: Putin = Путин
#. route: tm (exact match in tm/x.tmx)
#: content/interview.md
msgid "Mr. Putin chaired the meeting."
msgstr "Заседание провёл Владимир Путин."

#. route: human (the article's front matter says route: human)
#: content/interview.md
msgid "The minister answered questions."
msgstr ""
"""
    check_catalogs(root)


def test_stats_count_the_routes(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "news", {"routes.md": ROUTES, "interview.md": INTERVIEW},
        tables='[routing]\nhuman_kinds = ["heading"]\n', tmx=TMX,
    )
    sync(root)
    result = run("stats", "--project", str(root), "--format", "json")
    assert {row["article"]: row["routes"] for row in json.loads(result.stdout)} == {
        "interview": {"human": 2, "tm": 1},
        "routes": {"copy": 2, "human": 6, "term": 1, "tm": 1, "tm-fuzzy": 2},
    }


def test_a_memory_or_glossary_added_later_fills_unchanged_articles(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", {"routes.md": ROUTES})
    sync(root)
    (root / "tm").mkdir()
    (root / "tm" / "x.tmx").write_text(TMX, "utf-8")
    assert sync(root).splitlines() == [
        "update locales/ru/LC_MESSAGES/articles/routes.po",
        "update site/ru/routes.html",
        "1 articles (1 read, 12 segments); 2 files written",
    ]
    assert routes_of(catalog(root, "ru", "routes"))[1] == "tm (exact match in tm/x.tmx)"
    (root / "glossary").mkdir()
    (root / "glossary" / "newsroom.csv").write_text(
        "id,category,en,en_variants,ru,ru_variants,zh,zh_variants,status_2020,status_2025,"
        "note,source\nnews-1,concept,joint statement,,совместное заявление,,联合声明,,,,,\n",
        "utf-8",
    )
    sync(root)
    assert entry(catalog(root, "ru", "routes"), "The leaders adopted a joint statement.") == (
        "#. terms: joint statement = совместное заявление\n"
        "#. route: human (no TM match >= 75%; no MT provider configured)\n"
        "#: content/routes.md\n"
        'msgid "The leaders adopted a joint statement."\n'
        'msgstr ""'
    )


def test_a_translation_approved_in_one_article_fills_another(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", {"dushanbe.md": DUSHANBE})
    sync(root)
    approve(root, "ru", "dushanbe", "Delegations arrived on Thursday.",
            "Делегации прибыли в четверг.")
    (root / "content" / "later.md").write_text(
        "---\ntitle: Later\ndate: 2021-09-18\n---\n\nDelegations arrived on Thursday.\n", "utf-8"
    )
    sync(root)
    assert entry(catalog(root, "ru", "later"), "Delegations arrived on Thursday.") == (
        "#. route: tm (exact match in locales/ru/LC_MESSAGES/articles/dushanbe.po)\n"
        "#: content/later.md\n"
        'msgid "Delegations arrived on Thursday."\n'
        'msgstr "Делегации прибыли в четверг."'
    )


def test_the_memory_knows_the_catalogs_a_sync_wrote_without_parsing_them(
    tmp_path: Path,
) -> None:
    # The next run's update reads none of them again, and what the memory holds for each
    # is exactly what parsing the written file gives.
    root = make_project(tmp_path / "news", {"routes.md": ROUTES, "dushanbe.md": DUSHANBE},
                        locales=("en", "ru", "zh"), tmx=TMX)
    sync(root)
    config = load_config(root / "i18n-kit.toml")
    refs = catalog_refs(config, load_state(config.state_dir), {})
    assert len(refs) == 4
    memory = open_memory(url=None, state_dir=config.state_dir)
    try:
        assert memory.update_from_catalogs(
            (ref.origin, ref.path, ref.source_lang, ref.target_lang) for ref in refs
        ) == UpdateReport(files_checked=4)
        held = sorted(memory.export_units(), key=lambda u: (u.origin, u.source_text))
    finally:
        memory.close()
    parsed = sorted(
        (unit for ref in refs for unit in catalog_units(
            ref.path, origin=ref.origin, source_lang=ref.source_lang,
            target_lang=ref.target_lang)),
        key=lambda u: (u.origin, u.source_text))
    assert [u for u in held if u.origin.endswith(".po")] == parsed
    assert parsed  # the entries the TMX filled as exact matches


# --- machine translation -------------------------------------------------------------------


def test_mt_output_is_fuzzy_stamped_and_keeps_glossary_terms(
    tmp_path: Path, server: Server
) -> None:
    root = make_project(tmp_path / "news", {"dushanbe.md": DUSHANBE},
                        locales=("en", "ru", "zh"), tables=mt_table(server))
    sync(root)
    # terms went out as placeholders (the server echoes them) ...
    assert sorted(server.texts) == sorted([
        "Leaders meet in Dushanbe", "The leaders of [1] and [2] met in Dushanbe.",
        "Delegations arrived on Thursday.",
    ] * 2)
    # ... and came back as the glossary's approved forms
    assert catalog(root, "ru", "dushanbe") == HEADER_RU + f"""
#. route: mt (no TM match >= 75%)
#. mt: libre {TODAY}
#: content/dushanbe.md
#, fuzzy
msgid "Leaders meet in Dushanbe"
msgstr "[ru] Leaders meet in Dushanbe"

#. terms: Kazakhstan = Казахстан
#. terms: Kyrgyzstan = Кыргызстан
#. route: mt (no TM match >= 75%)
#. mt: libre {TODAY}
#: content/dushanbe.md
#, fuzzy
msgid "The leaders of Kazakhstan and Kyrgyzstan met in Dushanbe."
msgstr "[ru] The leaders of Казахстан and Кыргызстан met in Dushanbe."

#. route: mt (no TM match >= 75%)
#. mt: libre {TODAY}
#: content/dushanbe.md
#, fuzzy
msgid "Delegations arrived on Thursday."
msgstr "[ru] Delegations arrived on Thursday."
"""
    assert entry(catalog(root, "zh", "dushanbe"), "The leaders of Kazakhstan and Kyrgyzstan "
                 "met in Dushanbe.").endswith(
        'msgstr "[zh] The leaders of 哈萨克斯坦 and 吉尔吉斯斯坦 met in Dushanbe."'
    )
    # machine output is fuzzy: the pages still show the source
    assert "[ru]" not in (root / "site/ru/dushanbe.html").read_text("utf-8")
    check_catalogs(root)


def test_a_term_the_engine_loses_is_reported(tmp_path: Path) -> None:
    with run_server(Mode(reply="Лидеры встретились.")) as server:
        root = make_project(tmp_path / "news", {"dushanbe.md": DUSHANBE},
                            tables=mt_table(server))
        sync(root)
    assert entry(catalog(root, "ru", "dushanbe"),
                 "The leaders of Kazakhstan and Kyrgyzstan met in Dushanbe.") == (
        "#. terms: Kazakhstan = Казахстан\n"
        "#. terms: Kyrgyzstan = Кыргызстан\n"
        "#. route: mt (no TM match >= 75%)\n"
        f"#. mt: libre {TODAY}\n"
        "#. mt: glossary terms lost by the engine, check them: Kazakhstan, Kyrgyzstan\n"
        "#: content/dushanbe.md\n"
        "#, fuzzy\n"
        'msgid "The leaders of Kazakhstan and Kyrgyzstan met in Dushanbe."\n'
        'msgstr "Лидеры встретились."'
    )


def test_mt_never_writes_over_a_translation_approved_or_fuzzy(
    tmp_path: Path, server: Server
) -> None:
    root = make_project(tmp_path / "news", {"dushanbe.md": DUSHANBE}, tables=mt_table(server))
    sync(root, "--no-mt")
    approved = approve(root, "ru", "dushanbe", "Leaders meet in Dushanbe",
                       "Лидеры встретились в Душанбе")
    fuzzy = approve(root, "ru", "dushanbe", "Delegations arrived on Thursday.",
                    "Делегации прибыли в четверг.", fuzzy=True)
    sync(root)
    assert server.texts == ["The leaders of [1] and [2] met in Dushanbe."]
    po = catalog(root, "ru", "dushanbe")
    assert entry(po, "Leaders meet in Dushanbe") == approved
    assert entry(po, "Delegations arrived on Thursday.") == fuzzy
    assert routes_of(po) == [PENDING, "mt (no TM match >= 75%)", PENDING]


def test_the_provider_is_not_asked_twice(tmp_path: Path, server: Server) -> None:
    root = make_project(tmp_path / "news", {"dushanbe.md": DUSHANBE},
                        locales=("en", "ru", "zh"), tables=mt_table(server))
    sync(root)
    assert len(server.requests) == 6
    # nothing changed: nothing read, nothing asked
    assert sync(root).endswith("1 articles (0 read, 0 segments); 0 files written\n")
    # the article changed: only its new sentence is asked for, once a language
    article = root / "content" / "dushanbe.md"
    article.write_text(DUSHANBE + "\nTalks continued on Friday.\n", "utf-8")
    sync(root)
    assert server.texts[6:] == ["Talks continued on Friday.", "Talks continued on Friday."]
    assert [r["target"] for r in server.requests[6:]] == ["ru", "zh"]
    # translate re-reads every article: everything is filled, nothing to ask
    result = run("translate", "--project", str(root))
    assert result.exit_code == 0, result.output
    assert len(server.requests) == 8


def test_one_text_in_several_articles_is_asked_once(tmp_path: Path, server: Server) -> None:
    again = DUSHANBE.replace("slug: dushanbe", "slug: again")
    root = make_project(tmp_path / "news", {"dushanbe.md": DUSHANBE, "again.md": again},
                        tables=mt_table(server))
    sync(root)
    assert len(server.requests) == 3
    assert catalog(root, "ru", "again").replace("again.md", "dushanbe.md") == (
        catalog(root, "ru", "dushanbe")
    )


def test_max_chars_is_one_budget_for_the_whole_run(tmp_path: Path, server: Server) -> None:
    # 24 + 44 + 32 characters a language: the ru texts fit in 100, no zh one does
    root = make_project(tmp_path / "news", {"dushanbe.md": DUSHANBE},
                        locales=("en", "ru", "zh"), tables=mt_table(server, max_chars=100))
    sync(root)
    assert [r["target"] for r in server.requests] == ["ru"] * 3
    assert routes_of(catalog(root, "zh", "dushanbe")) == [
        "human (machine translation failed: budget exhausted (max_chars = 100))"
    ] * 3


def test_a_hung_provider_ends_in_bounded_time_and_touches_nothing_approved(
    tmp_path: Path,
) -> None:
    with run_server(Mode(hang=True)) as server:
        root = make_project(
            tmp_path / "news", {"dushanbe.md": DUSHANBE, "forum.md": FORUM},
            locales=("en", "ru", "zh"), tables=mt_table(server, timeout=1),
        )
        sync(root, "--no-mt")
        approved = approve(root, "ru", "dushanbe", "Leaders meet in Dushanbe",
                           "Лидеры встретились в Душанбе")
        fuzzy = approve(root, "zh", "forum", "Форум прошёл в Ташкенте.", "论坛在塔什干举行。",
                        fuzzy=True)
        started = time.monotonic()
        result = run("sync", "--project", str(root))
        took = time.monotonic() - started
        asked = list(server.requests)
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: machine translation failed for 10 segments: provider gave up after 3 "
        "consecutive failures (last: timeout (no answer within 1 s)); routed to translators\n"
    )
    # four language pairs: the provider is given up on during the first, not asked again
    assert took < 15
    assert 3 <= len(asked) <= 4
    assert len({r["target"] for r in asked}) == 1
    failed = 0
    for locale_code, slug in [("ru", "dushanbe"), ("zh", "dushanbe"), ("en", "forum"),
                              ("zh", "forum")]:
        po = catalog(root, locale_code, slug)
        for line in routes_of(po):
            if line != PENDING:  # the approved entries keep the route they had
                assert TIMED_OUT.fullmatch(line), line
                failed += 1
        assert 'msgstr "["' not in po
    assert failed == 4 * 3 - 2  # four catalogs of three entries, two approved
    assert entry(catalog(root, "ru", "dushanbe"), "Leaders meet in Dushanbe") == approved
    assert entry(catalog(root, "zh", "forum"), "Форум прошёл в Ташкенте.") == fuzzy
    check_catalogs(root)


def test_429_is_retried_and_then_translated(tmp_path: Path) -> None:
    with run_server(Mode(fail_status=429, fail_first=1)) as server:
        root = make_project(tmp_path / "news", {"t.md": TALKS},
                            tables=mt_table(server))
        sync(root)
        assert len(server.requests) == 2
    assert entry(catalog(root, "ru", "t"), "Talks") == (
        f"#. route: mt (no TM match >= 75%)\n#. mt: libre {TODAY}\n#: content/t.md\n#, fuzzy\n"
        'msgid "Talks"\nmsgstr "[ru] Talks"'
    )


@pytest.mark.parametrize(
    ("mode", "requests", "reason"),
    [
        (Mode(fail_status=500), 3, "provider gave up after 3 consecutive failures"
                                   " (last: server error (HTTP 500))"),
        (Mode(malformed=True), 1, "malformed response (JSONDecodeError)"),
        (Mode(api_key="right"), 1, "provider gave up: API key rejected (HTTP 403)"),
    ],
    ids=["500", "malformed-json", "wrong-key"],
)
def test_a_failing_provider_leaves_the_entry_to_people(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: Mode, requests: int, reason: str
) -> None:
    monkeypatch.setenv(KEY_ENV, "wrong")
    with run_server(mode) as server:
        root = make_project(tmp_path / "news", {"t.md": TALKS},
                            tables=mt_table(server, api_key_env=KEY_ENV))
        sync(root)
        assert len(server.requests) == requests
    assert entry(catalog(root, "ru", "t"), "Talks") == (
        f"#. route: human (machine translation failed: {reason})\n#: content/t.md\n"
        'msgid "Talks"\nmsgstr ""'
    )
    check_catalogs(root)


def test_the_api_key_is_sent_and_written_nowhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, "s3cret-Key-42")
    with run_server(Mode(api_key="s3cret-Key-42")) as server:
        root = make_project(tmp_path / "news", {"dushanbe.md": DUSHANBE},
                            tables=mt_table(server, api_key_env=KEY_ENV))
        output = sync(root)
    assert "s3cret" not in output
    assert "[ru] Delegations arrived on Thursday." in catalog(root, "ru", "dushanbe")
    for path in root.rglob("*"):
        assert not path.is_file() or b"s3cret" not in path.read_bytes(), path


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"api_key_env": KEY_ENV},
         f"mt.api_key_env: the environment variable {KEY_ENV} is not set;"
         f" export {KEY_ENV} with the libre API key"),
        ({"provider": "babelfish"},
         "mt.provider: unknown machine-translation provider 'babelfish';"
         " use one of deepl, google, libre, microsoft, mymemory, yandex"),
    ],
    ids=["missing-api-key", "unknown-provider"],
)
def test_bad_mt_settings_exit_2_with_one_line_and_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: Server,
    settings: dict[str, object], message: str,
) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    root = make_project(tmp_path / "news", {"dushanbe.md": DUSHANBE},
                        tables=mt_table(server, **settings))
    for first_run in (True, False):
        before = snapshot(root)
        for command in ("sync", "translate"):
            result = run(command, "--project", str(root))
            assert result.exit_code == 2
            assert result.stdout == ""
            assert result.stderr == f"error: i18n-kit.toml: {message}\n"
            assert snapshot(root) == before
        if first_run:
            # a project synced offline, then an article changed
            sync(root, "--no-mt")
            (root / "content" / "dushanbe.md").write_text(DUSHANBE + "\nMore.\n", "utf-8")
    assert server.requests == []


def test_no_mt_asks_nothing_and_translate_fills_in_later(tmp_path: Path, server: Server) -> None:
    root = make_project(tmp_path / "news", {"dushanbe.md": DUSHANBE}, tables=mt_table(server))
    sync(root, "--no-mt")
    assert server.requests == []
    assert entry(catalog(root, "ru", "dushanbe"), "Leaders meet in Dushanbe") == (
        f"#. route: {PENDING}\n#: content/dushanbe.md\n"
        'msgid "Leaders meet in Dushanbe"\nmsgstr ""'
    )
    result = run("translate", "--project", str(root))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "update locales/ru/LC_MESSAGES/articles/dushanbe.po\n"
        "1 articles (1 read, 3 segments); 1 file written\n"
    )
    assert len(server.requests) == 3
    assert routes_of(catalog(root, "ru", "dushanbe")) == ["mt (no TM match >= 75%)"] * 3


def test_translate_without_a_provider(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", {"dushanbe.md": DUSHANBE})
    result = run("translate", "--project", str(root))
    assert result.exit_code == 2
    assert result.stderr == (
        'error: i18n-kit.toml: no [mt] table: add one with provider = "libre"'
        " (see docs/machine-translation.md)\n"
    )


def test_sync_check_asks_nothing(tmp_path: Path, server: Server) -> None:
    root = make_project(tmp_path / "news", {"dushanbe.md": DUSHANBE}, tables=mt_table(server))
    sync(root, "--check", code=1)
    assert not (root / "locales").exists()
    sync(root, "--no-mt")
    (root / "content" / "dushanbe.md").write_text(DUSHANBE + "\nMore talks.\n", "utf-8")
    before = snapshot(root)
    sync(root, "--check", code=1)
    assert snapshot(root) == before
    assert server.requests == []
