"""The editors' preview as a Starlette ASGI app: pages, the index, and the save endpoint.

Safety, for a server that can write translators' files:

- the Host header must name this machine (127.0.0.1, localhost, ::1, or the host the
  server was started on), so a DNS-rebinding page cannot talk to it;
- a write needs the per-session token that only the preview's own pages carry, an
  ``Origin`` equal to the preview's, a JSON body, and at most ``MAX_BODY_BYTES``;
- slugs and locale codes are looked up in the project's own lists and files under
  ``content/`` are resolved and kept inside it: no request reaches outside the project;
- pages are rendered with autoescaping; every response carries a Content-Security-Policy
  that allows only the preview's own script file (``page_csp``), and content assets
  (images, SVG) are served as sandboxed documents with ``default-src 'none'``
  (``ASSET_CSP``): a script in an SVG under ``content/`` runs nothing and has no origin
  to reach the save endpoint from;
- a bad URL (a NUL, a name too long for the file system, encoded traversal) is answered
  400 or 404 with one line, never a traceback.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
from collections.abc import Awaitable, Callable, Collection, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    Response,
)
from starlette.routing import Route

from i18n_kit.config import ProjectConfig
from i18n_kit.errors import BusyError, I18nKitError
from i18n_kit.files import read_bytes_if_exists
from i18n_kit.output.assemble import assemble_index, assemble_page, assemble_ui_page
from i18n_kit.output.page import SegmentStatus
from i18n_kit.output.ui import html_lang, language_name, load_ui
from i18n_kit.preview.edits import Edit, EditConflict, EditRefused, apply_edit, catalog_digest
from i18n_kit.preview.pages import (
    Counts,
    Snapshot,
    build_preview_page,
    summarize_project,
    take_snapshot,
)
from i18n_kit.project import Project
from i18n_kit.sources import SOURCE_SUFFIXES

MAX_BODY_BYTES = 64 * 1024
TOKEN_HEADER = "X-Preview-Token"
STATIC_URL = "/_preview/static/"
SAVE_URL = "/_preview/api/save"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})
_STATIC_DIR = Path(__file__).parent / "static"
_STATIC_FILES = {"preview.js": "text/javascript", "preview.css": "text/css"}
# The built page's print button is the only inline script; allow exactly that one.
_PRINT_HASH = base64.b64encode(hashlib.sha256(b"window.print()").digest()).decode("ascii")
# Pages may run the preview's own script file and nothing else: not a script that sits
# among the content assets (raw HTML in an article could name one, and 'self' would let it
# run with the page's token). The script's URL is written in full when the Host is known.
_PAGE_CSP = (
    "default-src 'self'; "
    "script-src {script} 'unsafe-hashes' 'sha256-" + _PRINT_HASH + "'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: https: http:; "
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# Content assets (images, SVG, anything under content/) are sandboxed documents with no
# script, no fetch and an opaque origin: an SVG with a script, opened in the preview,
# runs nothing, and could not read a page's token or pass the save's Origin check if it
# did. They may be shown inside the preview's own pages only.
ASSET_CSP = (
    "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:;"
    " frame-ancestors 'self'"
)
_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_HOST_SOURCE = re.compile(r"[A-Za-z0-9.\-]+(?::[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](?::[0-9]{1,5})?")
# Longest request path the asset route looks up (a file name is at most 255 bytes).
MAX_ASSET_PATH = 1024
_EDIT_FIELDS = {
    "slug": str, "locale": str, "key": str, "base_text": str, "base_status": str,
    "target_text": str, "approve": bool,
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
AsgiApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Language:
    hreflang: str
    href: str
    name: str
    current: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class _PagePreview:
    """What preview_page.html and preview_site_index.html need beyond the page."""

    token: str
    slug: str
    locale_code: str
    source_lang: str
    editable: bool
    catalog: str
    digest: str
    counts: Counts | None
    static: str = STATIC_URL
    save_url: str = SAVE_URL
    proofreading: tuple[str, ...] = ()  # the source's spelling and doubled-word findings


class _Refusal(Exception):
    """A request answered with an error status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def new_token() -> str:
    """A fresh per-session token (URL-safe, 256 random bits).

    >>> len(new_token()) >= 43
    True
    """
    return secrets.token_urlsafe(32)


def allowed_hosts_for(host: str) -> frozenset[str] | None:
    """Host names the preview answers to when bound to ``host``; None means any (the
    server was bound to every interface on purpose).

    >>> sorted(allowed_hosts_for("127.0.0.1") or ())
    ['127.0.0.1', '::1', 'localhost']
    """
    if host in _WILDCARD_HOSTS:
        return None
    return LOOPBACK_HOSTS | {host.strip("[]").lower()}


def create_app(
    config: ProjectConfig,
    *,
    host: str = "127.0.0.1",
    token: str | None = None,
    allowed_hosts: Collection[str] | None = None,
) -> Starlette:
    """The preview of ``config``'s project as an ASGI app (serve it with uvicorn).

    ``allowed_hosts`` overrides the Host names accepted (tests add ``testserver``).

    >>> from i18n_kit.config import load_config
    >>> app = create_app(load_config(Path("examples/sco-newsroom/i18n-kit.toml")))
    >>> callable(app)
    True
    """
    preview = _Preview(config, token=token or new_token())
    app = Starlette(
        routes=[
            Route("/", preview.index, methods=["GET"]),
            Route(STATIC_URL + "{name}", preview.static, methods=["GET"]),
            Route(SAVE_URL, preview.save, methods=["POST"]),
            Route("/{locale}/index.html", preview.site_index, methods=["GET"]),
            Route("/{locale}/{slug}.html", preview.page, methods=["GET"]),
            Route("/{locale}/{path:path}", preview.asset, methods=["GET"]),
        ]
    )
    hosts = allowed_hosts if allowed_hosts is not None else allowed_hosts_for(host)
    app.add_middleware(_HostGuard, allowed=None if hosts is None else frozenset(hosts))
    app.add_middleware(_SecurityHeaders)
    return app


def page_csp(scheme: str, host: str) -> str:
    """The Content-Security-Policy of every response but content assets.

    >>> "script-src http://127.0.0.1:8000/_preview/static/preview.js " in page_csp(
    ...     "http", "127.0.0.1:8000")
    True
    """
    if scheme in ("http", "https") and _HOST_SOURCE.fullmatch(host):
        script = f"{scheme}://{host}{STATIC_URL}preview.js"
    else:  # a Host no CSP can name: the page gets no script at all
        script = "'none'"
    return _PAGE_CSP.format(script=script)


class _SecurityHeaders:
    """Gives every response (errors, refusals and Starlette's own 404 and 405 included) a
    Content-Security-Policy and the other headers in ``_HEADERS``, unless it set its own."""

    def __init__(self, app: AsgiApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = ""
        for name, value in scope.get("headers", []):
            if name == b"host":
                host = value.decode("latin-1")
        csp = page_csp(str(scope.get("scheme", "http")), host)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                extra = {"Content-Security-Policy": csp, **_HEADERS}
                for name, value in extra.items():
                    if name.lower().encode("latin-1") not in present:
                        headers.append((name.lower().encode("latin-1"), value.encode("latin-1")))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _HostGuard:
    """Refuses requests whose Host header does not name this machine (DNS rebinding)."""

    def __init__(self, app: AsgiApp, *, allowed: frozenset[str] | None) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.allowed is not None:
            host = ""
            for name, value in scope.get("headers", []):
                if name == b"host":
                    host = value.decode("latin-1")
            if _host_name(host) not in self.allowed:
                response = PlainTextResponse(
                    f"refused: Host {host!r} is not this preview; open it at "
                    "http://127.0.0.1:<port>/",
                    status_code=403,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _host_name(host: str) -> str:
    try:
        return (urlsplit("//" + host).hostname or "").lower()
    except ValueError:
        return ""


class _Preview:
    """The request handlers, sharing the project, the token and the write lock."""

    def __init__(self, config: ProjectConfig, *, token: str) -> None:
        self.config = config
        self.token = token

    # ------------------------------------------------------------------ pages

    async def index(self, request: Request) -> Response:
        ui_locale = self._ui_locale(request.query_params.get("lang", ""))
        try:
            snapshot = take_snapshot(self.config)
            rows = summarize_project(snapshot, ui_locale)
            ui = load_ui(self.config.locales, override_dir=self.config.locales_dir)
        except I18nKitError as exc:
            return _error_page(exc)
        languages = [
            _Language(hreflang=html_lang(code), href=f"/?lang={code}", name=language_name(code),
                      current=code == ui_locale)
            for code in self.config.locales
        ]
        html = assemble_ui_page(
            "preview_index.html",
            locale_code=ui_locale,
            ui=ui,
            context={
                "project_name": self.config.name,
                "static": STATIC_URL,
                "languages": languages,
                "locales": languages,
                "rows": rows,
            },
        )
        return HTMLResponse(html, headers=_HEADERS)

    async def site_index(self, request: Request) -> Response:
        locale_code = str(request.path_params["locale"])
        if locale_code not in self.config.locales:
            return _not_found(self._unknown_locale(locale_code))
        try:
            snapshot = take_snapshot(self.config)
            ui = load_ui(self.config.locales, override_dir=self.config.locales_dir)
            html = assemble_index(
                locale_code,
                snapshot.listing(locale_code),
                locales=self.config.locales,
                ui=ui,
                template="preview_site_index.html",
                extra={"preview": _PagePreview(
                    token="", slug="", locale_code=locale_code, source_lang="", editable=False,
                    catalog="", digest="", counts=None,
                )},
            )
        except I18nKitError as exc:
            return _error_page(exc)
        return HTMLResponse(html, headers=_HEADERS)

    async def page(self, request: Request) -> Response:
        locale_code = str(request.path_params["locale"])
        slug = str(request.path_params["slug"])
        if locale_code not in self.config.locales:
            return _not_found(self._unknown_locale(locale_code))
        try:
            snapshot = take_snapshot(self.config)
            if slug not in snapshot.works:
                return _not_found(f"no article {slug[:200]!r} in this project")
            ui = load_ui(self.config.locales, override_dir=self.config.locales_dir)
            built = build_preview_page(snapshot, slug, locale_code)
            html = assemble_page(
                built.page,
                ui=ui,
                template="preview_page.html",
                extra={"preview": self._page_preview(snapshot, slug, locale_code, built.counts)},
            )
        except I18nKitError as exc:
            return _error_page(exc)
        return HTMLResponse(html, headers=_HEADERS)

    async def asset(self, request: Request) -> Response:
        """Files next to the articles (images), as the built site copies them."""
        locale_code = str(request.path_params["locale"])
        if locale_code not in self.config.locales:
            return _not_found(self._unknown_locale(locale_code))
        relative = str(request.path_params["path"])
        if any(ord(char) < 0x20 or char == "\x7f" for char in relative):
            return PlainTextResponse("bad request: a control character in the path",
                                     status_code=400)
        missing = f"no file {relative[:200]!r} in this project's content folder"
        if len(relative.encode("utf-8", "surrogatepass")) > MAX_ASSET_PATH:
            return _not_found(missing)
        content = self.config.content_dir.resolve()
        try:
            path = (content / relative).resolve()
            if (
                not path.is_relative_to(content)
                or any(part.startswith(".") for part in path.relative_to(content).parts)
                or path.suffix.lower() in SOURCE_SUFFIXES
                or not path.is_file()
            ):
                return _not_found(missing)
        except (OSError, ValueError):  # a name too long for the file system, ...
            return _not_found(missing)
        return FileResponse(path, headers={"Content-Security-Policy": ASSET_CSP})

    async def static(self, request: Request) -> Response:
        name = str(request.path_params["name"])
        if name not in _STATIC_FILES:
            return _not_found(f"no preview file {name!r}")
        return FileResponse(_STATIC_DIR / name, media_type=_STATIC_FILES[name])

    # ------------------------------------------------------------------ saving

    async def save(self, request: Request) -> Response:
        try:
            self._check_origin(request)
            self._check_token(request)
            body = await _read_body(request)
            edit = self._parse_edit(body)
            snapshot = take_snapshot(self.config)
            work = snapshot.works.get(edit.slug)
            if work is None:
                raise _Refusal(404, f"no article {edit.slug!r} in this project")
            # in a worker thread: a save may wait for a sync to finish moving its files,
            # and the other pages are served meanwhile
            result = await run_in_threadpool(
                apply_edit, self.config, edit, source_lang=work.article.lang)
        except _Refusal as refusal:
            return JSONResponse({"error": refusal.message}, status_code=refusal.status)
        except EditConflict as conflict:
            theirs = conflict.theirs
            return JSONResponse(
                {
                    "error": str(conflict),
                    "theirs": None if theirs is None else {
                        "target_text": theirs.target_text, "status": str(theirs.status),
                    },
                    "yours": conflict.yours,
                },
                status_code=409,
            )
        except EditRefused as refused:
            return JSONResponse({"error": str(refused)}, status_code=400)
        except BusyError as busy:
            # a sync kept the catalogs for longer than a save waits: nothing was saved
            return JSONResponse({"error": f"{busy}; your text was not saved: save it again"},
                                status_code=503)
        except I18nKitError as exc:
            return JSONResponse({"error": str(exc)}, status_code=500)
        return JSONResponse(
            {
                "status": str(result.entry.status),
                "target_text": result.entry.target_text,
                "catalog": result.catalog,
                "digest": result.digest,
                "changed": result.changed,
                "merged": result.merged,
                "memory": str(result.memory),
            }
        )

    def _check_origin(self, request: Request) -> None:
        origin = request.headers.get("origin")
        expected = f"{request.url.scheme}://{request.headers.get('host', '')}"
        if origin is None:
            raise _Refusal(403, "refused: no Origin header; save from the preview page")
        if origin != expected:
            raise _Refusal(403, f"refused: Origin {origin!r} is not this preview ({expected})")

    def _check_token(self, request: Request) -> None:
        sent = request.headers.get(TOKEN_HEADER, "")
        if not secrets.compare_digest(sent.encode("utf-8"), self.token.encode("utf-8")):
            raise _Refusal(403, "refused: missing or wrong session token; reload the page")

    def _parse_edit(self, body: bytes) -> Edit:
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise _Refusal(400, "bad request: the body is not JSON") from None
        fields = ", ".join(_EDIT_FIELDS)
        if not isinstance(data, dict) or any(
            not isinstance(data.get(name), kind) for name, kind in _EDIT_FIELDS.items()
        ):
            raise _Refusal(400, f"bad request: expected a JSON object with {fields}")
        if data["locale"] not in self.config.locales:
            raise _Refusal(404, self._unknown_locale(str(data["locale"])))
        try:
            status = SegmentStatus(data["base_status"])
        except ValueError:
            raise _Refusal(
                400, f"bad request: unknown base_status {data['base_status']!r}"
            ) from None
        digest = data.get("base_digest", "")
        return Edit(
            slug=data["slug"],
            locale_code=data["locale"],
            key=data["key"],
            base_text=data["base_text"],
            base_status=status,
            target_text=data["target_text"],
            approve=data["approve"],
            base_digest=digest if isinstance(digest, str) else "",
        )

    # ------------------------------------------------------------------ helpers

    def _page_preview(
        self, snapshot: Snapshot, slug: str, locale_code: str, counts: Counts
    ) -> _PagePreview:
        work = snapshot.works[slug]
        editable = locale_code != work.article.lang
        path = Project(self.config).catalog(locale_code, slug)
        data = read_bytes_if_exists(path) if editable else None
        return _PagePreview(
            token=self.token,
            slug=slug,
            locale_code=locale_code,
            source_lang=html_lang(work.article.lang),
            editable=editable,
            catalog=self.config.relative(path) if editable else "",
            digest="" if data is None else catalog_digest(data),
            counts=counts,
            proofreading=Project(self.config).proofread(work.article),
        )

    def _ui_locale(self, requested: str) -> str:
        if requested in self.config.locales:
            return requested
        return self.config.source_language

    def _unknown_locale(self, locale_code: str) -> str:
        return f"no locale {locale_code!r} in this project ({', '.join(self.config.locales)})"


async def _read_body(request: Request) -> bytes:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise _Refusal(415, "send the edit as Content-Type: application/json")
    limit = f"request body over {MAX_BODY_BYTES} bytes; an edit is one sentence"
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise _Refusal(413, limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise _Refusal(413, limit)
    return bytes(body)


def _not_found(message: str) -> Response:
    return PlainTextResponse(message, status_code=404, headers=_HEADERS)


def _error_page(exc: I18nKitError) -> Response:
    # The project is broken (e.g. a PO file with a syntax error): say where, as the CLI does.
    return PlainTextResponse(f"error: {exc}", status_code=500, headers=_HEADERS)
