"""``check_pack`` and ``redline pack check``: every problem reported with its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redline.cli import app
from redline.errors import PackError
from redline.packs.checker import check_pack
from redline.packs.loader import BUILTIN_DIR, load_pack

PACK_YAML = """\
meta: {name: tiny}
parties:
  - {id: north, name: Northland, adjectives: [Northern]}
  - {id: other, name: Other}
"""
ACTORS_YAML = """\
actors:
  - name: Northland
    party: north
    kind: state
  - name: Ivan Brodsky
    party: north
    gender: male
    titles:
      - {title: Northern president, from: 2020-01-01}
"""
ISSUES_YAML = """\
issues:
  - {id: ceasefire, label: Ceasefire, definition: A truce.}
"""
PLANS_YAML = """\
plans:
  - {id: north-plan, name: Northern plan, proposer: Ivan Brodsky, issues: [ceasefire]}
"""


def write_pack(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    contents = {
        "pack.yaml": PACK_YAML,
        "actors.yaml": ACTORS_YAML,
        "issues.yaml": ISSUES_YAML,
        "plans.yaml": PLANS_YAML,
    }
    contents.update({f"{name}.yaml": text for name, text in files.items()})
    for name, text in contents.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def messages(folder: Path) -> list[str]:
    return [str(p) for p in check_pack(str(folder))]


@pytest.mark.parametrize("name", sorted(p.name for p in BUILTIN_DIR.iterdir()))
def test_builtin_packs_check_clean(name: str) -> None:
    assert check_pack(name) == []


def test_a_sound_pack_has_no_problems(tmp_path: Path) -> None:
    assert messages(write_pack(tmp_path / "tiny")) == []


def test_unknown_party_is_located(tmp_path: Path) -> None:
    actors = ACTORS_YAML.replace("    party: north\n    gender", "    party: south\n    gender")
    folder = write_pack(tmp_path / "p", actors=actors)
    [problem] = check_pack(str(folder))
    assert problem.file.endswith("actors.yaml") and problem.line == 6
    assert "unknown party 'south'" in problem.message


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "p", issues="issues:\n  - {id: x, label: [unclosed\n")
    [problem] = check_pack(str(folder))
    assert problem.file.endswith("issues.yaml") and problem.line is not None
    assert "invalid YAML" in problem.message


def test_schema_error_points_at_the_field(tmp_path: Path) -> None:
    actors = ACTORS_YAML.replace("from: 2020-01-01", "from: someday")
    folder = write_pack(tmp_path / "p", actors=actors)
    [problem] = check_pack(str(folder))
    assert problem.file.endswith("actors.yaml") and problem.line == 9
    assert "actors.1.titles.0.from" in problem.message
    with pytest.raises(PackError) as raised:
        load_pack(str(folder))
    assert "actors.yaml:9" in str(raised.value)


def test_alias_claimed_by_two_actors(tmp_path: Path) -> None:
    actors = ACTORS_YAML + "  - name: Olga Brodsky\n    party: north\n    aliases: [Ivan Brodsky]\n"
    [problem] = check_pack(str(write_pack(tmp_path / "p", actors=actors)))
    assert problem.line == 12 and "already names 'Ivan Brodsky'" in problem.message


def test_title_shared_without_a_date_split(tmp_path: Path) -> None:
    actors = ACTORS_YAML + (
        "  - name: Olga Marin\n    party: north\n    titles:\n"
        "      - {title: Northern president, from: 2024-01-01}\n"
    )
    [problem] = check_pack(str(write_pack(tmp_path / "p", actors=actors)))
    assert problem.line == 13 and "at the same time" in problem.message
    split = actors.replace(
        "{title: Northern president, from: 2020-01-01}",
        "{title: Northern president, from: 2020-01-01, to: 2024-01-01}",
    )
    assert messages(write_pack(tmp_path / "q", actors=split)) == []


def test_plan_cross_references(tmp_path: Path) -> None:
    plans = (
        "plans:\n"
        "  - {id: p1, name: P, proposer: Nobody, issues: [ceasefire, nope], revision_of: p0,\n"
        "     co_proposers: [Somebody]}\n"
    )
    found = messages(write_pack(tmp_path / "p", plans=plans))
    assert len(found) == 4
    assert any("co-proposer 'Somebody'" in m and "plans.yaml:3" in m for m in found)
    assert all("plans.yaml:2" in m for m in found if "co-proposer" not in m)
    assert any("proposer 'Nobody'" in m for m in found)
    assert any("unknown issue 'nope'" in m for m in found)
    assert any("revision_of 'p0'" in m for m in found)


def test_missing_pack_and_missing_pack_yaml(tmp_path: Path) -> None:
    assert "no such pack" in messages(tmp_path / "absent")[0]
    (tmp_path / "empty").mkdir()
    assert "no pack.yaml" in messages(tmp_path / "empty")[0]


def test_cli_pack_check_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    good = write_pack(tmp_path / "good")
    result = runner.invoke(app, ["pack", "check", str(good)])
    assert result.exit_code == 0 and "ok" in result.output
    bad = write_pack(
        tmp_path / "bad", actors=ACTORS_YAML.replace("party: north\n    kind", "party: x\n    kind")
    )
    result = runner.invoke(app, ["pack", "check", str(bad)])
    assert result.exit_code == 1
    assert "actors.yaml:3" in result.output and "unknown party 'x'" in result.output


def test_cli_pack_list_and_show() -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["pack", "list"])
    assert listed.exit_code == 0 and "russia-ukraine" in listed.output
    shown = runner.invoke(app, ["pack", "show", "russia-ukraine"])
    assert shown.exit_code == 0 and "actors:" in shown.output and "ukraine" in shown.output
    missing = runner.invoke(app, ["pack", "show", "no-such-pack"])
    assert missing.exit_code == 2


def test_copy_of_builtin_pack_checks_clean(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(BUILTIN_DIR / "russia-ukraine", copy)
    assert check_pack(str(copy)) == []


def test_title_holding_a_name(tmp_path: Path) -> None:
    actors = ACTORS_YAML.replace(
        "{title: Northern president,", "{title: Northern president Ivan Brodsky,"
    )
    [problem] = check_pack(str(write_pack(tmp_path / "p", actors=actors)))
    assert problem.line == 9 and "names go in aliases" in problem.message


def test_an_issue_refines_only_known_issues(tmp_path: Path) -> None:
    issues = ISSUES_YAML + (
        "  - {id: freeze, label: Freeze, definition: A frozen line., refines: [ceasefire]}\n"
        "  - {id: zone, label: Zone, definition: A zone., refines: [truce]}\n"
    )
    found = messages(write_pack(tmp_path / "p", issues=issues))
    assert len(found) == 1 and "refines unknown issue 'truce'" in found[0]
    assert "issues.yaml:4" in found[0]
