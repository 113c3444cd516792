"""Loads a pack by built-in name or by path, and validates it against the schema; every
problem names its file and line."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from redline.errors import PackError
from redline.packs.schema import Pack
from redline.packs.source import PACK_FILES, PackProblem, RawPack, read_pack

BUILTIN_DIR = Path(__file__).parent / "data"

__all__ = [
    "BUILTIN_DIR",
    "PACK_FILES",
    "available_packs",
    "load_pack",
    "resolve_pack_dir",
    "validate_raw",
]


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


def validate_raw(raw: RawPack) -> tuple[Pack | None, list[PackProblem]]:
    """The validated pack, or None with every schema problem located in its file and line."""
    try:
        return Pack.model_validate(raw.data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            field = ".".join(map(str, loc)) or "pack"
            problems.append(raw.problem(loc, f"{field}: {error['msg']}"))
        return None, problems


@lru_cache(maxsize=8)
def load_pack(name_or_path: str = "russia-ukraine") -> Pack:
    """Load and validate a pack; raises PackError listing every problem with file and line."""
    folder = resolve_pack_dir(name_or_path)
    raw = read_pack(folder)
    if raw.problems:
        raise PackError(str(folder), [str(p) for p in raw.problems])
    pack, problems = validate_raw(raw)
    if pack is None:
        raise PackError(str(folder), [str(p) for p in problems])
    return pack
