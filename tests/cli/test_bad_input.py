"""Bad input through the CLI: one exact line on stderr, exit 2, no file written or changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import run, snapshot

GOOD_PO_LINE = 'msgid "SCO summit held online"\nmsgstr ""'


def break_utf8(project: Path) -> None:
    (project / "content" / "summit.md").write_bytes(
        "---\ntitle: SCO summit\n---\n\nThe summit \xff.\n".encode("latin-1")
    )


def break_front_matter(project: Path) -> None:
    (project / "content" / "summit.md").write_text("---\ntitle: SCO summit\n\nText.\n", "utf-8")


def unknown_lang(project: Path) -> None:
    (project / "content" / "summit.md").write_text(
        "---\ntitle: Sommet\nlang: fr\n---\n\nTexte.\n", "utf-8"
    )


def lang_not_in_project(project: Path) -> None:
    (project / "i18n-kit.toml").write_text('[project]\nlocales = ["en", "zh"]\n', "utf-8")


def bad_slug(project: Path) -> None:
    (project / "content" / "summit.md").write_text(
        "---\ntitle: Summit\nslug: ../../etc/passwd\n---\n\nText.\n", "utf-8"
    )


def empty_article(project: Path) -> None:
    (project / "content" / "summit.md").write_text("", "utf-8")


def unterminated_po(project: Path) -> None:
    po = project / "locales/ru/LC_MESSAGES/articles/summit.po"
    po.write_text(
        po.read_text("utf-8").replace(
            GOOD_PO_LINE, 'msgid "SCO summit held online"\nmsgstr "Саммит'
        ),
        "utf-8",
    )
    (project / "content" / "summit.md").write_text(
        (project / "content" / "summit.md").read_text("utf-8") + "\nOne more sentence.\n", "utf-8"
    )


def duplicate_slug(project: Path) -> None:
    (project / "content" / "again.md").write_text(
        "---\ntitle: Again\nslug: summit\n---\n\nText.\n", "utf-8"
    )


CASES = {
    break_utf8: "error: content/summit.md:5: not valid UTF-8 (byte 0xff at column 12); "
    "save the file as UTF-8",
    break_front_matter: "error: content/summit.md:1: front matter opened by '---' is not closed; "
    "add a line '---' after its last key",
    unknown_lang: "error: content/summit.md:3: unknown lang 'fr'; expected one of en, ru, zh",
    lang_not_in_project: "error: content/forum.md: lang 'ru' is not in project.locales (en, zh); "
    "add it to i18n-kit.toml or change the lang",
    bad_slug: "error: content/summit.md:3: slug '../../etc/passwd' may contain only letters, "
    "digits, '.', '_' and '-'",
    empty_article: "error: content/summit.md:1: article has no title; add 'title: ...' to the "
    "front matter between '---' lines at the top of the file",
    unterminated_po: "error: locales/ru/LC_MESSAGES/articles/summit.po:15: unterminated string; "
    'end it with a double quote: "Саммит',
    duplicate_slug: "error: content/summit.md: slug 'summit' is already used by "
    "content/again.md; give one of them another slug",
}


@pytest.mark.parametrize("breaker", list(CASES), ids=lambda f: f.__name__)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(project: Path, breaker: object) -> None:
    assert run("sync", "--project", str(project)).exit_code == 0
    assert callable(breaker)
    breaker(project)
    before = snapshot(project)
    result = run("sync", "--project", str(project))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [CASES[breaker]]  # type: ignore[index]
    assert snapshot(project) == before


def test_an_error_after_outputs_are_staged_leaves_no_file_or_folder(project: Path) -> None:
    # Catalogs are staged (in new folders) as articles are routed; the duplicate slug is
    # found only after that, and the run must take all of it back.
    duplicate_slug(project)
    before = snapshot(project)
    assert before and not (project / "locales").exists()
    result = run("sync", "--project", str(project))
    assert (result.exit_code, result.stderr.splitlines()) == (2, [CASES[duplicate_slug]])
    assert snapshot(project) == before
    assert not (project / "locales").exists()
