"""The analysis package exports what it says it exports, and nothing in it imports the CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import redline.analysis as analysis


def test_all_names_exist() -> None:
    assert sorted(analysis.__all__) == analysis.__all__
    for name in analysis.__all__:
        assert hasattr(analysis, name), name


def test_analysis_modules_do_not_import_typer_or_the_cli() -> None:
    folder = Path(analysis.__file__).parent
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert not name.startswith(("typer", "redline.cli")), f"{path.name}: {name}"
