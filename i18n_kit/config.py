"""load_config(path) -> ProjectConfig: the only reader of i18n-kit.toml."""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from babel.core import Locale, UnknownLocaleError

from i18n_kit.errors import ConfigError
from i18n_kit.model import SOURCE_LANGUAGES, Severity

CONFIG_NAME = "i18n-kit.toml"
DEFAULT_THRESHOLD = 80.0
DEFAULT_PAGE_SIZE = 50  # articles per news index page

_LOCALE_CODE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2}|_[A-Z][a-z]{3})?")

DEFAULT_TM_THRESHOLD = 75.0

_KEYS: Mapping[str, frozenset[str]] = {
    "": frozenset({"project", "paths", "build", "checks", "tm", "mt", "routing"}),
    "project": frozenset({"name", "source_language", "locales"}),
    "paths": frozenset({"content", "locales", "site", "glossary", "tm"}),
    "build": frozenset({"threshold", "thresholds", "page_size"}),
    "checks": frozenset({"disable", "fail_on", "severity"}),
    "tm": frozenset({"url", "threshold"}),
    "mt": frozenset(
        {"provider", "url", "api_key_env", "timeout", "max_chars", "batch_size",
         "concurrency", "retries"}
    ),
    "routing": frozenset({"human_kinds", "human_patterns", "quotations"}),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class MtConfig:
    """The [mt] table: a machine-translation provider (absent: no MT)."""

    provider: str
    url: str | None = None
    api_key_env: str | None = None  # the key itself is read from this environment variable
    timeout: float = 10.0  # seconds per request
    max_chars: int | None = None  # characters sent per run, at most
    batch_size: int = 25
    concurrency: int = 2
    retries: int = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class RoutingConfig:
    """The [routing] table: what people must translate themselves."""

    human_kinds: tuple[str, ...] = ()  # block kinds: title, summary, heading, quote, ...
    human_patterns: tuple[str, ...] = ()  # regular expressions searched in the source text
    quotations: bool = True  # quotations (of heads of state) go to translators


@dataclass(frozen=True, slots=True, kw_only=True)
class ProjectConfig:
    """A content project's settings, validated; every path is absolute."""

    root: Path
    name: str
    source_language: str
    locales: tuple[str, ...]
    content_dir: Path
    locales_dir: Path
    site_dir: Path
    threshold: float = DEFAULT_THRESHOLD
    thresholds: Mapping[str, float] = field(default_factory=dict)
    page_size: int = DEFAULT_PAGE_SIZE  # articles per news index page
    glossary_dir: Path | None = None
    tm_dir: Path | None = None
    checks_disabled: tuple[str, ...] = ()
    checks_fail_on: Severity = Severity.ERROR  # `check` exits 1 on a finding this bad or worse
    checks_severity: Mapping[str, Severity] = field(default_factory=dict)  # id -> override
    tm_url: str | None = None  # None: SQLite in .i18n-kit/
    tm_threshold: float = DEFAULT_TM_THRESHOLD
    mt: MtConfig | None = None
    routing: RoutingConfig = field(default_factory=RoutingConfig)

    @property
    def state_dir(self) -> Path:
        """Caches and indexes: generated, safe to delete."""
        return self.root / ".i18n-kit"

    def threshold_for(self, locale_code: str) -> float:
        """Percent of segments that must be translated before a page stops saying
        "translation in progress".

        >>> ProjectConfig(root=Path("/p"), name="n", source_language="en", locales=("en", "ru"),
        ...     content_dir=Path("/p/c"), locales_dir=Path("/p/l"), site_dir=Path("/p/s"),
        ...     thresholds={"ru": 90.0}).threshold_for("ru")
        90.0
        """
        return self.thresholds.get(locale_code, self.threshold)

    def relative(self, path: Path) -> str:
        """Project-relative POSIX path for messages and PO references."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def find_config(project_dir: Path) -> Path:
    """Path of the project's i18n-kit.toml, or ConfigError saying how to make one."""
    path = project_dir / CONFIG_NAME
    if not path.is_file():
        raise ConfigError(
            f"no {CONFIG_NAME} in {project_dir}; run 'i18n-kit init' to make a project "
            "or pass --project DIR",
            path=CONFIG_NAME,
        )
    return path


def load_config(path: Path) -> ProjectConfig:
    """Read and validate ``i18n-kit.toml``.

    >>> load_config(Path("examples/sco-newsroom/i18n-kit.toml")).locales
    ('en', 'ru', 'zh')
    """
    name = CONFIG_NAME
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not valid UTF-8 ({exc.reason}); save it as UTF-8", path=name) from exc
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11 has no TOMLDecodeError.lineno: the position is in the message.
        found = re.search(r" \(at line (\d+), column \d+\)$", str(exc))
        line = int(found.group(1)) if found else None
        reason = str(exc)[: found.start()] if found else str(exc)
        raise ConfigError(f"not valid TOML: {reason}", path=name, line=line) from exc
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", path=name) from exc
    return parse_config(data, root=path.parent.resolve())


def parse_config(data: Mapping[str, object], *, root: Path) -> ProjectConfig:
    """Validate a parsed TOML document; every message names the key and the value."""
    _check_keys(data, "")
    project = _table(data, "project")
    paths = _table(data, "paths")
    build = _table(data, "build")

    name = _string(project, "project.name", default=root.name)
    locales_value = project.get("locales", ["en", "ru", "zh"])
    if not isinstance(locales_value, list) or not locales_value:
        raise ConfigError(
            f"project.locales: expected a non-empty list of locale codes, got {locales_value!r}",
            path=CONFIG_NAME,
        )
    locales: list[str] = []
    for index, code in enumerate(locales_value):
        code = _locale_code(code, f"project.locales[{index}]")
        if code in locales:
            raise ConfigError(
                f"project.locales[{index}]: {code!r} is listed twice", path=CONFIG_NAME
            )
        locales.append(code)
    source = _string(project, "project.source_language", default=locales[0])
    if source not in SOURCE_LANGUAGES:
        raise ConfigError(
            f"project.source_language: {source!r} is not a language articles can be written in; "
            f"expected one of {', '.join(SOURCE_LANGUAGES)}",
            path=CONFIG_NAME,
        )
    if source not in locales:
        raise ConfigError(
            f"project.source_language: {source!r} is not in project.locales {locales!r}",
            path=CONFIG_NAME,
        )

    threshold = _percent(build, "threshold", "build.threshold", DEFAULT_THRESHOLD)
    thresholds_table = build.get("thresholds", {})
    if not isinstance(thresholds_table, dict):
        raise ConfigError(
            f"build.thresholds: expected a table of locale = percent, got {thresholds_table!r}",
            path=CONFIG_NAME,
        )
    thresholds: dict[str, float] = {}
    for code in thresholds_table:
        key = f"build.thresholds.{code}"
        if code not in locales:
            raise ConfigError(f"{key}: {code!r} is not in project.locales", path=CONFIG_NAME)
        thresholds[code] = _percent(thresholds_table, code, key, threshold)

    checks = _table(data, "checks")
    tm = _table(data, "tm")
    tm_url = tm.get("url")
    if tm_url is not None and (not isinstance(tm_url, str) or not tm_url.strip()):
        raise ConfigError(f"tm.url: expected a URL string, got {tm_url!r}", path=CONFIG_NAME)

    folders = {name: _directory(paths, name, root) for name in ("content", "locales", "site")}
    _check_overlaps(folders, root)
    return ProjectConfig(
        root=root,
        name=name,
        source_language=source,
        locales=tuple(locales),
        content_dir=folders["content"],
        locales_dir=folders["locales"],
        site_dir=folders["site"],
        threshold=threshold,
        thresholds=thresholds,
        page_size=int(_number(build, "page_size", "build.page_size", DEFAULT_PAGE_SIZE,
                              integer=True)),
        glossary_dir=_directory(paths, "glossary", root),
        tm_dir=_directory(paths, "tm", root),
        checks_disabled=_check_ids(checks),
        checks_fail_on=_fail_on(checks),
        checks_severity=_checks_severity(checks),
        tm_url=tm_url,
        tm_threshold=_percent(tm, "threshold", "tm.threshold", DEFAULT_TM_THRESHOLD),
        mt=_mt(data),
        routing=_routing(data),
    )


def _strings(table: Mapping[str, object], name: str, key: str) -> tuple[str, ...]:
    value = table.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{key}: expected a list of strings, got {value!r}", path=CONFIG_NAME)
    return tuple(value)


#: What a CI run can fail on (info is for the record and never fails one).
FAIL_ON_SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING)


def _check_ids(checks: Mapping[str, object]) -> tuple[str, ...]:
    disabled = _strings(checks, "disable", "checks.disable")
    for index, check_id in enumerate(disabled):
        _known_check(check_id, f"checks.disable[{index}]")
    return disabled


def _fail_on(checks: Mapping[str, object]) -> Severity:
    return _severity(checks.get("fail_on", "error"), "checks.fail_on", FAIL_ON_SEVERITIES)


def _checks_severity(checks: Mapping[str, object]) -> dict[str, Severity]:
    table = checks.get("severity", {})
    if not isinstance(table, dict):
        raise ConfigError(
            f"checks.severity: expected a table of check id = severity, got {table!r}",
            path=CONFIG_NAME,
        )
    severities: dict[str, Severity] = {}
    for check_id, value in table.items():
        _known_check(check_id, "checks.severity")
        severities[check_id] = _severity(value, f"checks.severity.{check_id}", tuple(Severity))
    return severities


def _known_check(check_id: str, key: str) -> None:
    # Imported here: the checks package reads this module (run.py takes a ProjectConfig).
    from i18n_kit.checks.registry import CHECKS_BY_ID

    if check_id not in CHECKS_BY_ID:
        close = difflib.get_close_matches(check_id, list(CHECKS_BY_ID), n=1) or [
            # another tool's name for one of ours: punctuation-ascii-in-zh, zh-punctuation
            known for known in CHECKS_BY_ID
            if set(known.split("-")) <= set(check_id.lower().replace("_", "-").split("-"))
        ][:1]
        hint = f"; did you mean {close[0]!r}?" if close else "; see docs/checks.md"
        raise ConfigError(f"{key}: {check_id!r} is not a check{hint}", path=CONFIG_NAME)


def _severity(value: object, key: str, allowed: tuple[Severity, ...]) -> Severity:
    names = [str(severity) for severity in allowed]
    if isinstance(value, str) and value in names:
        return Severity(value)
    expected = f"{', '.join(names[:-1])} or {names[-1]}"
    close = difflib.get_close_matches(value.lower(), names, n=1) if isinstance(value, str) else []
    if close:
        raise ConfigError(
            f"{key}: {value!r} is not {expected}; did you mean {close[0]!r}?", path=CONFIG_NAME
        )
    raise ConfigError(f"{key}: expected {expected}, got {value!r}", path=CONFIG_NAME)


def _number(
    table: Mapping[str, object], name: str, key: str, default: float, *, integer: bool
) -> float:
    value = table.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0 or (
        integer and not isinstance(value, int)
    ):
        what = "a positive whole number" if integer else "a positive number"
        raise ConfigError(f"{key}: expected {what}, got {value!r}", path=CONFIG_NAME)
    return float(value)


def _mt(data: Mapping[str, object]) -> MtConfig | None:
    if "mt" not in data:
        return None
    mt = _table(data, "mt")
    provider = _string(mt, "mt.provider", default="")
    url = mt.get("url")
    if url is not None and not (isinstance(url, str) and url.startswith(("http://", "https://"))):
        raise ConfigError(f"mt.url: expected an http(s) URL, got {url!r}", path=CONFIG_NAME)
    key_env = mt.get("api_key_env")
    if key_env is not None and not (
        isinstance(key_env, str) and re.fullmatch(r"[A-Za-z_]\w*", key_env)
    ):
        raise ConfigError(
            f"mt.api_key_env: expected the name of an environment variable, got {key_env!r}",
            path=CONFIG_NAME,
        )
    max_chars = mt.get("max_chars")
    return MtConfig(
        provider=provider.strip().lower(),
        url=url,
        api_key_env=key_env,
        timeout=_number(mt, "timeout", "mt.timeout", 10.0, integer=False),
        max_chars=None if max_chars is None
        else int(_number(mt, "max_chars", "mt.max_chars", 1, integer=True)),
        batch_size=int(_number(mt, "batch_size", "mt.batch_size", 25, integer=True)),
        concurrency=int(_number(mt, "concurrency", "mt.concurrency", 2, integer=True)),
        retries=int(_number(mt, "retries", "mt.retries", 3, integer=True)),
    )


def _routing(data: Mapping[str, object]) -> RoutingConfig:
    routing = _table(data, "routing")
    patterns = _strings(routing, "human_patterns", "routing.human_patterns")
    for index, pattern in enumerate(patterns):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(
                f"routing.human_patterns[{index}]: {pattern!r} is not a regular expression: {exc}",
                path=CONFIG_NAME,
            ) from exc
    quotations = routing.get("quotations", True)
    if not isinstance(quotations, bool):
        raise ConfigError(
            f"routing.quotations: expected true or false, got {quotations!r}", path=CONFIG_NAME
        )
    return RoutingConfig(
        human_kinds=_strings(routing, "human_kinds", "routing.human_kinds"),
        human_patterns=patterns,
        quotations=quotations,
    )


def _check_keys(table: Mapping[str, object], section: str) -> None:
    allowed = _KEYS[section]
    for key in table:
        if key not in allowed:
            where = f"{section}.{key}" if section else key
            raise ConfigError(
                f"{where}: unknown key; expected one of {', '.join(sorted(allowed))}",
                path=CONFIG_NAME,
            )


def _table(data: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{key}: expected a table ([{key}]), got {value!r}", path=CONFIG_NAME)
    _check_keys(value, key)
    return value


def _string(table: Mapping[str, object], key: str, *, default: str) -> str:
    value = table.get(key.rpartition(".")[2], default)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{key}: expected a non-empty string, got {value!r}", path=CONFIG_NAME)
    return value


def _percent(table: Mapping[str, object], name: str, key: str, default: float) -> float:
    value = table.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        raise ConfigError(
            f"{key}: expected a percentage from 0 to 100, got {value!r}", path=CONFIG_NAME
        )
    return float(value)


def _directory(paths: Mapping[str, object], name: str, root: Path) -> Path:
    key = f"paths.{name}"
    value = paths.get(name, name)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{key}: expected a folder name, got {value!r}", path=CONFIG_NAME)
    relative = Path(value)
    if relative.is_absolute() or ".." in relative.parts:
        raise ConfigError(
            f"{key}: {value!r} must be a folder inside the project (relative, without '..')",
            path=CONFIG_NAME,
        )
    return root / relative


def _check_overlaps(folders: Mapping[str, Path], root: Path) -> None:
    """content/, locales/ and site/ are apart: a sync rewrites locales/ and site/ as a
    whole, and must neither read what it writes nor delete what it reads."""
    names = list(folders)
    for index, name in enumerate(names):
        path = folders[name]
        shown = path.relative_to(root).as_posix()
        if path == root:
            raise ConfigError(
                f"paths.{name}: {shown!r} is the project folder itself; name a folder inside it",
                path=CONFIG_NAME,
            )
        if path.parts[len(root.parts)] == ".i18n-kit":
            raise ConfigError(
                f"paths.{name}: {shown!r} is inside .i18n-kit, the cache i18n-kit may delete;"
                " choose another folder",
                path=CONFIG_NAME,
            )
        for other in names[:index]:
            there = folders[other]
            if path == there or path.is_relative_to(there) or there.is_relative_to(path):
                where = "is also" if path == there else (
                    "is inside" if path.is_relative_to(there) else "holds")
                raise ConfigError(
                    f"paths.{name}: {shown!r} {where} paths.{other}"
                    f" ({there.relative_to(root).as_posix()!r}); content, locales and site"
                    " must be separate folders",
                    path=CONFIG_NAME,
                )


def _locale_code(value: object, key: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(
            f"{key}: expected a locale code like 'ru', got {value!r}", path=CONFIG_NAME
        )
    if _LOCALE_CODE.fullmatch(value):
        try:
            Locale.parse(value)
        except (UnknownLocaleError, ValueError):
            pass
        else:
            return value
    raise ConfigError(
        f"{key}: {value!r} is not a locale code{_suggest_locale(value)}", path=CONFIG_NAME
    )


def _suggest_locale(value: str) -> str:
    cleaned = value.strip().replace("-", "_")
    language = cleaned.split("_")[0].lower()
    if language in SOURCE_LANGUAGES:
        return f"; did you mean {language!r}?"
    try:
        locale = Locale.parse(cleaned)
    except (UnknownLocaleError, ValueError):
        return "; expected a code like 'en', 'ru', 'zh' or 'pt_BR'"
    return f"; did you mean {str(locale)!r}?"
