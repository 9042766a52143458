"""QA checks over catalogs and built pages -> findings (see docs/checks.md).

One module per family: numbers (with numerals.py, the Roman numerals, multiplicatives,
weekdays and relative dates it reads, and dates.py, the dates it reconciles), markup
(and placeholders, URLs), punctuation,
typography, untranslated, whitespace (and doubled words, length), glossary (adapter),
lookalike (mixed-script words in the sources), proofread (spelling and doubled words in
the sources; hunspell.py is the spell checker's adapter), consistency (across every
catalog), pages; registry.py holds every check's id, severity and rationale; run.py walks
a project, and project.py lists the checks that see the whole project at once.
"""

from __future__ import annotations

from i18n_kit.checks.registry import CHECKS, Check, Issue, Severity, TextPair, get_check
from i18n_kit.checks.run import (
    CheckReport,
    Finding,
    check_pair,
    enabled_checks,
    ignored_checks,
    run_checks,
)

__all__ = [
    "CHECKS",
    "Check",
    "CheckReport",
    "Finding",
    "Issue",
    "Severity",
    "TextPair",
    "check_pair",
    "enabled_checks",
    "get_check",
    "ignored_checks",
    "run_checks",
]
