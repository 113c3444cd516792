"""Reads a pack's YAML files keeping where every value came from (file and line), so that
every problem found in a pack can be reported as ``file:line: message``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PACK_FILES = ("pack.yaml", "actors.yaml", "issues.yaml", "plans.yaml")
# libyaml's loader when installed: the same YAML, several times faster on a large pack.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class PackProblem:
    """One problem of a pack, located in its file and line when known."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass
class RawPack:
    """A pack's merged YAML data, with the file and line of every value in it."""

    folder: Path
    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[Path_, tuple[str, int]] = field(default_factory=dict)
    problems: list[PackProblem] = field(default_factory=list)

    def where(self, path: Path_) -> tuple[str, int | None]:
        """The file and line of a value, or of the nearest enclosing value that is known."""
        for size in range(len(path), 0, -1):
            found = self.lines.get(path[:size])
            if found is not None:
                return found
        return (str(self.folder), None)

    def problem(self, path: Path_, message: str) -> PackProblem:
        file, line = self.where(path)
        return PackProblem(file, line, message)


def _index_lines(
    node: yaml.Node, path: Path_, file: str, lines: dict[Path_, tuple[str, int]]
) -> None:
    lines[path] = (file, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            lines[(*path, name)] = (file, key.start_mark.line + 1)
            _index_lines(value, (*path, name), file, lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, (*path, i), file, lines)


def read_pack(folder: Path) -> RawPack:
    """Read and merge the pack files of a folder; YAML errors become problems, not raises."""
    raw = RawPack(folder)
    if not (folder / "pack.yaml").exists():
        raw.problems.append(PackProblem(str(folder), None, "no pack.yaml in this folder"))
    for filename in PACK_FILES:
        path = folder / filename
        if not path.exists():
            continue
        file = str(path)
        try:
            text = path.read_text(encoding="utf-8")
            node = yaml.compose(text, Loader=Loader)
            data = yaml.load(text, Loader=Loader)
        except UnicodeDecodeError as exc:
            raw.problems.append(PackProblem(file, None, f"not UTF-8 text ({exc.reason})"))
            continue
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            reason = getattr(exc, "problem", None) or str(exc)
            raw.problems.append(PackProblem(file, line, f"invalid YAML: {reason}"))
            continue
        if data is None:
            continue
        if not isinstance(data, dict) or node is None:
            raw.problems.append(PackProblem(file, 1, "top level must be a mapping"))
            continue
        lines: dict[Path_, tuple[str, int]] = {}
        _index_lines(node, (), file, lines)
        for key, value in data.items():
            if key in raw.data:
                first, line = raw.where((key,))
                here = lines.get((key,), (file, 1))[1]
                raw.problems.append(
                    PackProblem(file, here, f"{key!r} is already defined in {first}:{line}")
                )
                continue
            raw.data[key] = value
            raw.lines.update((p, v) for p, v in lines.items() if p and p[0] == key)
    return raw
