"""Symbolic links under content/, locales/, glossary/ and tm/: nothing outside the project
is read through one (or published in site/); links inside the project are followed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import run, snapshot

OUTSIDE = "a symbolic link to {target}, outside the project; i18n-kit reads only files " \
          "inside the project folder: copy the file in instead"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "ci-environment"
    path.write_text("DEEPL_API_KEY=do-not-publish\n", encoding="utf-8")
    return path


def refused(project: Path, line: str) -> None:
    before = snapshot(project)
    result = run("sync", "--project", str(project))
    assert (result.exit_code, result.stdout, result.stderr.splitlines()) == (2, "", [line])
    assert snapshot(project) == before
    assert not (project / "site").exists()


@pytest.mark.parametrize("link", ["content/env.png", "content/images/env.svg", "content/env.md"])
def test_a_link_out_of_the_project_under_content_is_refused(
    project: Path, secret: Path, link: str
) -> None:
    (project / link).parent.mkdir(exist_ok=True)
    (project / link).symlink_to(secret)
    refused(project, f"error: {link}: " + OUTSIDE.format(target=secret))


def test_the_ci_environment_is_never_published(project: Path) -> None:
    (project / "content" / "environ.png").symlink_to("/proc/self/environ")
    refused(project, "error: content/environ.png: " + OUTSIDE.format(target="/proc/self/environ"))


def test_a_folder_link_out_of_the_project_is_refused(project: Path, secret: Path) -> None:
    (project / "content" / "shared").symlink_to(secret.parent)
    refused(project, "error: content/shared: " + OUTSIDE.format(target=secret.parent))


@pytest.mark.parametrize("folder", ["locales/ru/LC_MESSAGES/articles", "glossary", "tm"])
def test_links_out_of_the_project_under_locales_glossary_and_tm_are_refused(
    project: Path, secret: Path, folder: str
) -> None:
    if folder.startswith("locales"):
        assert run("sync", "--project", str(project)).exit_code == 0
    name = {"glossary": "terms.csv", "tm": "old.tmx"}.get(folder, "summit.po")
    (project / folder).mkdir(parents=True, exist_ok=True)
    link = project / folder / name
    link.unlink(missing_ok=True)
    link.symlink_to(secret)
    before = snapshot(project)
    result = run("sync", "--project", str(project))
    assert (result.exit_code, result.stderr.splitlines()) == (
        2, [f"error: {folder}/{name}: " + OUTSIDE.format(target=secret)])
    assert snapshot(project) == before


def test_link_loops_and_dangling_links_are_refused(project: Path) -> None:
    (project / "content" / "again").symlink_to(".")
    refused(project, "error: content/again: a symbolic link loop (it leads back to a folder "
                     "that holds it); remove the link")
    (project / "content" / "again").unlink()
    (project / "content" / "self.md").symlink_to("self.md")
    refused(project, "error: content/self.md: a symbolic link loop; remove the link")
    (project / "content" / "self.md").unlink()
    (project / "content" / "photo.png").symlink_to("images/photo.png")
    refused(project, "error: content/photo.png: a symbolic link to images/photo.png, which "
                     "does not exist; remove the link or restore its target")


def test_links_inside_the_project_are_followed(project: Path) -> None:
    media = project / "media"
    media.mkdir()
    (media / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\nphoto")
    (project / "content" / "images").symlink_to("../media")
    drafts = project / "drafts"
    drafts.mkdir()
    (drafts / "council.md").write_text(
        "---\ntitle: SCO council met\ndate: 2021-06-01\n---\n\nThe council met in Dushanbe.\n",
        encoding="utf-8")
    (project / "content" / "council.md").symlink_to("../drafts/council.md")
    result = run("sync", "--project", str(project))
    assert (result.exit_code, result.stderr) == (0, "")
    for code in ("en", "ru", "zh"):
        assert (project / "site" / code / "images" / "photo.png").read_bytes() == (
            b"\x89PNG\r\n\x1a\nphoto")
        assert not (project / "site" / code / "images" / "photo.png").is_symlink()
    assert "The council met in Dushanbe." in (project / "site" / "en" / "council.html").read_text(
        encoding="utf-8")
