"""Loads a pack by built-in name or by path, and validates it against the schema."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from redline.errors import PackError
from redline.packs.schema import Pack

BUILTIN_DIR = Path(__file__).parent / "data"
PACK_FILES = ("pack.yaml", "actors.yaml", "issues.yaml", "plans.yaml")


def available_packs() -> list[str]:
    return sorted(p.name for p in BUILTIN_DIR.iterdir() if (p / "pack.yaml").exists())


def resolve_pack_dir(name_or_path: str) -> Path:
    path = Path(name_or_path)
    if path.is_dir():
        return path
    builtin = BUILTIN_DIR / name_or_path
    if builtin.is_dir():
        return builtin
    builtins = ", ".join(available_packs())
    raise PackError(name_or_path, [f"no such pack (built-in packs: {builtins})"])


def _read_yaml(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise PackError(str(path), ["top level must be a mapping"])
    return data


@lru_cache(maxsize=8)
def load_pack(name_or_path: str = "russia-ukraine") -> Pack:
    """Load and validate a pack; raises PackError listing every problem."""
    folder = resolve_pack_dir(name_or_path)
    raw: dict[str, Any] = {}
    for filename in PACK_FILES:
        raw.update(_read_yaml(folder / filename))
    try:
        return Pack.model_validate(raw)
    except ValidationError as exc:
        problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise PackError(str(folder), problems) from exc
