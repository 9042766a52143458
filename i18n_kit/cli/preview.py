"""i18n-kit preview: the editors' web preview, served by uvicorn on this machine."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from i18n_kit.cli.common import ProjectOption, error_boundary, open_project

HostOption = Annotated[
    str,
    typer.Option(
        "--host",
        help="Address to listen on. Anything but 127.0.0.1/localhost/::1 lets other "
        "machines read and edit the catalogs.",
    ),
]
PortOption = Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)]


def is_loopback(host: str) -> bool:
    """True when ``host`` is reachable from this machine only.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def preview_command(
    project: ProjectOption = Path("."),
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
) -> None:
    """Serve every article in every locale with its translation status, for reading and
    correcting in place. Stop it with Ctrl+C.

    Exit codes: 0 when stopped, 2 on a bad project.
    """
    # Imported here: the other commands must not pay for (or need) the web stack.
    import uvicorn

    from i18n_kit.preview import create_app

    with error_boundary():
        config = open_project(project)
        app = create_app(config, host=host)
    if not is_loopback(host):
        typer.echo(
            f"warning: listening on {host}: anyone who can reach this address can read the "
            "project and, from the preview page, edit its catalogs; use 127.0.0.1 unless "
            "you trust that network",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"Preview of {config.name}: http://{shown}:{port}/  (Ctrl+C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
