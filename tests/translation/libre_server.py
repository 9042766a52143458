"""A LibreTranslate-compatible test server on 127.0.0.1, with the other providers' endpoints.

Fake translation: ``"[<target>] <text>"`` (placeholders such as ``[1]`` come back as they
went), so every answer is predictable. Endpoints, each as deep-translator calls it:

    POST /translate                     LibreTranslate: q (text or list), source, target,
                                        format, api_key; in the query, a form or JSON body
    GET  /deepl/v2/translate            DeepL: auth_key, source_lang, target_lang, text
    GET  /google/m                      Google's mobile page: sl, tl, q -> <div class="t0">
    GET  /mymemory/get                  MyMemory: q, langpair=en-GB|ru-RU
    POST /yandex/v1.5/tr.json/translate Yandex: form text, lang=en-ru, key

`Mode` makes the server misbehave: slow, hung (never answers until the server stops),
``fail_first`` answers with an error status before the normal ones, malformed JSON,
a different API key.
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass(kw_only=True)
class Mode:
    """How the server answers; change it between requests."""

    delay: float = 0.0  # seconds before each answer
    hang: bool = False  # never answer (until the server stops)
    fail_status: int | None = None  # answer this status ...
    fail_first: int | None = None  # ... for the first n requests (None: always)
    malformed: bool = False  # 200 with a body that is not JSON
    api_key: str | None = None  # the key every request must carry
    reply: str | None = None  # answer this text instead of the fake translation


@dataclass
class Server:
    """A running server: its base URL, its mode and what it was asked."""

    url: str
    mode: Mode
    requests: list[dict[str, object]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    release: threading.Event = field(default_factory=threading.Event)

    @property
    def texts(self) -> list[str]:
        """Every text sent, in arrival order (a q list counts each text)."""
        out: list[str] = []
        with self.lock:
            for request in self.requests:
                q = request.get("q")
                out.extend(q if isinstance(q, list) else [str(q)])
        return out


def fake_translation(text: str, target: str) -> str:
    """What the server answers for ``text``."""
    return f"[{target}] {text}"


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # quiet test output

    def do_GET(self) -> None:  # noqa: N802
        self._answer(self._params(b""))

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        self._answer(self._params(self.rfile.read(length)))

    def _params(self, body: bytes) -> dict[str, object]:
        params: dict[str, object] = {
            k: v if len(v) > 1 else v[0] for k, v in parse_qs(urlsplit(self.path).query).items()
        }
        if body:
            if "json" in (self.headers.get("Content-Type") or ""):
                params.update(json.loads(body))
            else:
                params.update(
                    {k: v if len(v) > 1 else v[0] for k, v in parse_qs(body.decode()).items()}
                )
        return params

    def _answer(self, params: dict[str, object]) -> None:
        state = self.server.state
        mode = state.mode
        route = urlsplit(self.path).path
        q, target, key = _read(route, params)
        with state.lock:
            state.requests.append({"path": route, "q": q, "target": target})
            number = len(state.requests)
        if mode.hang:
            state.release.wait()
            return
        if mode.delay:
            time.sleep(mode.delay)
        if mode.api_key is not None and key != mode.api_key:
            self._send(403, json.dumps({"error": "Invalid API key"}).encode())
            return
        if mode.fail_status is not None and (mode.fail_first is None or number <= mode.fail_first):
            self._send(mode.fail_status, json.dumps({"error": "fail"}).encode())
            return
        if mode.malformed:
            self._send(200, b'{"translatedText": "unterminated')
            return
        texts = q if isinstance(q, list) else [q]
        out = [mode.reply if mode.reply is not None else fake_translation(t, target) for t in texts]
        self._send(200, _format(route, out, isinstance(q, list)))

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        is_html = body.startswith(b"<")
        self.send_header("Content-Type", "text/html" if is_html else "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _read(route: str, params: dict[str, object]) -> tuple[str | list[str], str, object]:
    """(text or texts, target language, API key) from each provider's parameters."""
    if route.startswith("/deepl/"):
        return str(params["text"]), str(params["target_lang"]).lower(), params.get("auth_key")
    if route.startswith("/google/"):
        return str(params["q"]), str(params["tl"]).split("-")[0], None
    if route.startswith("/mymemory/"):
        target = str(params["langpair"]).split("|")[1].split("-")[0]
        return str(params["q"]), target, None
    if route.startswith("/yandex/"):
        return str(params["text"]), str(params["lang"]).split("-")[-1], params.get("key")
    q = params["q"]
    texts = [str(t) for t in q] if isinstance(q, list) else str(q)
    return texts, str(params["target"]), params.get("api_key")


def _format(route: str, out: list[str], as_list: bool) -> bytes:
    if route.startswith("/deepl/"):
        data: object = {"translations": [{"text": t} for t in out]}
    elif route.startswith("/google/"):
        return f'<html><body><div class="t0">{html.escape(out[0])}</div></body></html>'.encode()
    elif route.startswith("/mymemory/"):
        data = {"responseData": {"translatedText": out[0]}, "matches": []}
    elif route.startswith("/yandex/"):
        data = {"code": 200, "lang": "en-ru", "text": out}
    else:
        data = {"translatedText": out if as_list else out[0]}
    return json.dumps(data, ensure_ascii=False).encode()


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    state: Server


@contextmanager
def run_server(mode: Mode | None = None) -> Iterator[Server]:
    """Start the server on a free loopback port; stop it (and release hung requests) after."""
    httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
    host, port = httpd.server_address[:2]
    state = Server(url=f"http://{host!s}:{port}", mode=mode or Mode())
    httpd.state = state
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True,
        name="libre-test-server",
    )
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
