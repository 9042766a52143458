"""Which way of telling a Chinese compound from a forbidden short form is right most often.

``python benchmarks/zh_compounds.py`` runs the glossary matcher over the sentences of
tests/data/glossary/zh_compounds.yaml (a state's short form inside 内蒙古, 塔吉克族, 乌兹别克语
... to keep; the same form used for the state to flag) three ways:

- glossary: the matcher alone; a form inside a longer word is spared only when the glossary
  lists the longer word itself (内蒙古 as Inner Mongolia);
- rjieba: a form is spared when jieba's segmentation puts it inside a longer word;
- rjieba + name makers (what i18n-kit does, glossary/chinese.py): also when the next word is
  族, 人, 语 or 文, which jieba's dictionary splits off (乌兹别克|语).
"""

from __future__ import annotations

import sys
from pathlib import Path
from unittest import mock

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from i18n_kit.glossary import chinese, match  # noqa: E402
from i18n_kit.glossary.load import load_glossary  # noqa: E402
from i18n_kit.glossary.match import TermIndex  # noqa: E402
from i18n_kit.glossary.model import HitKind  # noqa: E402

CASES = ROOT / "tests" / "data" / "glossary" / "zh_compounds.yaml"


def _jieba_only(text: str, start: int, end: int) -> bool:
    with mock.patch.object(chinese, "NAME_MAKERS", frozenset()):
        return chinese.inside_longer_word(text, start, end)


STRATEGIES = {
    "glossary": lambda text, start, end: False,
    "rjieba": _jieba_only,
    "rjieba + name makers": chinese.inside_longer_word,
}


def main() -> None:
    cases = yaml.safe_load(CASES.read_text("utf-8"))
    index = TermIndex(load_glossary(project_dir=None))
    print(f"{len(cases)} sentences: "
          f"{sum(c['expect'] == 'keep' for c in cases)} compounds to keep, "
          f"{sum(c['expect'] == 'flag' for c in cases)} short forms to flag\n")
    print(f"{'strategy':<22} {'right':>6} {'false alarms':>13} {'missed':>7}")
    for name, rule in STRATEGIES.items():
        right = false_alarms = missed = 0
        with mock.patch.object(match, "inside_longer_word", rule):
            for case in cases:
                flagged = {hit.text for hit in index.match_terms(case["text"], "zh")
                           if hit.kind is HitKind.FLAGGED}
                got = "flag" if case["form"] in flagged else "keep"
                right += got == case["expect"]
                false_alarms += (got, case["expect"]) == ("flag", "keep")
                missed += (got, case["expect"]) == ("keep", "flag")
        print(f"{name:<22} {right:>3}/{len(cases):<2} {false_alarms:>13} {missed:>7}")


if __name__ == "__main__":
    main()
