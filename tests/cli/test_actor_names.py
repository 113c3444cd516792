"""``canonical_actor_name``: what a user types on the command line, read as a pack actor."""

from __future__ import annotations

import pytest

from redline.cli.actor_names import canonical_actor_name
from redline.packs.loader import load_pack
from redline.packs.schema import Pack


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack("russia-ukraine")


def test_names_aliases_and_surnames_are_read_case_insensitively(pack: Pack) -> None:
    assert canonical_actor_name("vladimir putin", pack) == "Vladimir Putin"
    assert canonical_actor_name(" Putin ", pack) == "Vladimir Putin"


def test_unknown_names_give_none(pack: Pack) -> None:
    assert canonical_actor_name("Nobody In Particular", pack) is None


def test_metonyms_are_read_unless_turned_off(pack: Pack) -> None:
    metonym_of = {m: a.name for a in pack.actors for m in a.metonyms}
    metonym, actor = sorted(metonym_of.items())[0]
    assert canonical_actor_name(metonym, pack) == actor
    assert canonical_actor_name(metonym, pack, metonyms=False) is None


def test_surnames_of_persons_only_unless_turned_off(pack: Pack) -> None:
    last_words = [a.name.split()[-1] for a in pack.actors]
    unique_non_person = next(
        a for a in pack.actors
        if a.kind != "person" and last_words.count(a.name.split()[-1]) == 1
        and canonical_actor_name(a.name.split()[-1], pack) is None
    )
    last = unique_non_person.name.split()[-1]
    assert canonical_actor_name(last, pack, surnames_of_persons_only=False) == (
        unique_non_person.name
    )
