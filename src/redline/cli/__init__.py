"""The ``redline`` command line. Nothing below this package imports Typer."""

from __future__ import annotations

from redline.cli import (  # noqa: F401  (importing registers the commands)
    actor_commands,
    analysis_commands,
    claim_commands,
    extract_commands,
    ingest_commands,
    pack_commands,
    plan_commands,
    quote_commands,
    scorer_commands,
)
from redline.cli.app import app

# `redline demo` ends with where each side stands and what moved (issue 7).
ingest_commands.DEMO_SECTIONS.append(analysis_commands.render_demo_summary)


def main() -> None:
    app()


__all__ = ["app", "main"]
