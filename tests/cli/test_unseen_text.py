"""sync warns, naming file:line, about source text readers see that no segment would carry."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import run

PASTED = """\
---
title: Pasted statement
date: 2021-03-04
slug: pasted
---

The Secretariat published a statement.

    The member states reaffirmed their commitment to the Charter. They
    agreed to meet again in Tashkent.

```
i18n-kit sync
```

    exit = main()

<div class="credit">Photo: SCO Secretariat</div>
"""

CHART = """\
<article lang="en">
<h1>Trade grew</h1>
<p>Trade grew by 3.4 billion US dollars.</p>
<svg viewBox="0 0 10 10"><text x="1" y="5">Trade, billion US dollars</text></svg>
</article>
"""

WARNINGS = [
    "warning: content/pasted.md:9: indented block read as text and translated (Markdown"
    " would make it code): 'The member states reaffirmed their comm…'; remove the"
    " indentation, or fence code with ```",
    "warning: content/pasted.md:16: indented block kept as code and not translated:"
    " 'exit = main()'; if it is text, remove the indentation; if it is code, fence it"
    " with ```",
    "warning: content/pasted.md:18: raw HTML with text readers see is copied untranslated"
    " into every language: 'Photo: SCO Secretariat'; write the text in Markdown",
]


def test_sync_warns_with_file_and_line_and_translates_the_indented_paragraph(
    project: Path,
) -> None:
    (project / "content" / "pasted.md").write_text(PASTED, encoding="utf-8")
    result = run("sync", "--project", str(project))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == WARNINGS
    po = (project / "locales/ru/LC_MESSAGES/articles/pasted.po").read_text("utf-8")
    assert 'msgid "The member states reaffirmed their commitment to the Charter."' in po
    assert 'msgid "They agreed to meet again in Tashkent."' in po
    assert "exit = main()" not in po
    assert "Photo: SCO Secretariat" not in po
    page = (project / "site/ru/pasted.html").read_text("utf-8")
    assert "<pre><code>i18n-kit sync" in page
    assert "They agreed to meet again in Tashkent." in page  # untranslated yet, but shown


def test_every_sync_repeats_the_warnings_until_the_source_is_fixed(project: Path) -> None:
    source = project / "content" / "pasted.md"
    source.write_text(PASTED, encoding="utf-8")
    run("sync", "--project", str(project))
    again = run("sync", "--project", str(project))
    assert again.stdout.startswith("3 articles (0 read, 0 segments)")
    assert again.stderr.splitlines() == WARNINGS
    fixed = PASTED.replace("\n    The member", "\nThe member").replace("\n    agreed", "\nagreed")
    fixed = fixed.replace("    exit = main()\n", "").replace(
        '<div class="credit">Photo: SCO Secretariat</div>\n', "Photo: SCO Secretariat\n"
    )
    source.write_text(fixed, encoding="utf-8")
    assert run("sync", "--project", str(project)).stderr == ""
    assert run("sync", "--project", str(project)).stderr == ""


def test_sync_json_report_lists_the_warnings(project: Path) -> None:
    (project / "content" / "chart.html").write_text(CHART, encoding="utf-8")
    result = run("sync", "--project", str(project), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["warnings"] == [
        "content/chart.html:4: text inside <svg> is not translated and not on the built"
        " page: 'Trade, billion US dollars'; give it in a <p> or <figcaption>"
    ]


def test_sync_check_reports_the_warnings_without_writing(project: Path) -> None:
    (project / "content" / "chart.html").write_text(CHART, encoding="utf-8")
    result = run("sync", "--project", str(project), "--check")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "warning: content/chart.html:4: text inside <svg> is not translated and not on the"
        " built page: 'Trade, billion US dollars'; give it in a <p> or <figcaption>"
    ]
    assert not (project / "site").exists()
