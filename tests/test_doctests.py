"""The examples in the docstrings are run, so that none of them can drift from the code."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import i18n_kit

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["i18n_kit"] + sorted(
    info.name for info in pkgutil.walk_packages(i18n_kit.__path__, prefix="i18n_kit.")
)
#: documents whose ``>>>`` examples show the public API
DOCUMENTS = ["README.md", "docs/architecture.md"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples name files of the repository from its root
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=True)
    assert result.failed == 0, f"{result.failed} docstring example(s) of {name} failed"


def test_modules_are_found() -> None:
    assert len(MODULES) > 90 and "i18n_kit.glossary.match" in MODULES


@pytest.mark.parametrize("name", DOCUMENTS)
def test_document_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / name), module_relative=False,
                              optionflags=doctest.ELLIPSIS, report=True)
    assert result.attempted > 0, f"{name} shows no example of the API"
    assert result.failed == 0, f"{result.failed} example(s) in {name} failed"
