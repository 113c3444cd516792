"""The built-in russia-ukraine pack: coverage, dated titles on both sides of each change of
office, and name lookup through aliases and spelling variants."""

from __future__ import annotations

from datetime import date

import pytest

from redline.packs.loader import available_packs, load_pack
from redline.packs.lookup import find_actor
from redline.packs.schema import Pack

PACK = "russia-ukraine"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PACK)


def holders(pack: Pack, title: str, day: date | None) -> list[str]:
    return [a.name for a in pack.actors if title in a.titles_on(day)]


def test_builtin_packs_are_listed() -> None:
    assert {"russia-ukraine", "gaza-ceasefire"} <= set(available_packs())


def test_pack_is_broad(pack: Pack) -> None:
    assert len(pack.actors) >= 120
    parties = {a.party for a in pack.actors}
    assert parties == pack.party_ids()
    for name in ("Russia", "Ukraine", "United States", "European Union", "NATO", "China"):
        assert pack.actor(name) is not None, name


@pytest.mark.parametrize(
    ("title", "before", "after", "change"),
    [
        ("NATO secretary general", "Jens Stoltenberg", "Mark Rutte", date(2024, 10, 1)),
        ("US president", "Joe Biden", "Donald Trump", date(2025, 1, 20)),
        ("US national security adviser", "Jake Sullivan", "Mike Waltz", date(2025, 1, 20)),
        ("US national security adviser", "Mike Waltz", "Marco Rubio", date(2025, 5, 1)),
        ("Polish president", "Andrzej Duda", "Karol Nawrocki", date(2025, 8, 6)),
        ("German chancellor", "Olaf Scholz", "Friedrich Merz", date(2025, 5, 6)),
        ("Ukrainian foreign minister", "Dmytro Kuleba", "Andrii Sybiha", date(2024, 9, 5)),
        ("Ukrainian defence minister", "Rustem Umerov", "Denys Shmyhal", date(2025, 7, 17)),
        ("UK prime minister", "Rishi Sunak", "Keir Starmer", date(2024, 7, 5)),
        ("British foreign secretary", "David Lammy", "Yvette Cooper", date(2025, 9, 5)),
        ("Russian defence minister", "Sergei Shoigu", "Andrei Belousov", date(2024, 5, 14)),
        ("EU foreign policy chief", "Josep Borrell", "Kaja Kallas", date(2024, 12, 1)),
        ("European Council president", "Charles Michel", "António Costa", date(2024, 12, 1)),
    ],
)
def test_dated_titles_change_hands(
    pack: Pack, title: str, before: str, after: str, change: date
) -> None:
    assert holders(pack, title, date.fromordinal(change.toordinal() - 1)) == [before]
    assert holders(pack, title, change) == [after]


def test_a_gap_between_holders_is_left_empty(pack: Pack) -> None:
    title = "US secretary of state"
    assert holders(pack, title, date(2025, 1, 19)) == ["Antony Blinken"]
    assert holders(pack, title, date(2025, 1, 20)) == []  # an acting secretary, not in the pack
    assert holders(pack, title, date(2025, 1, 21)) == ["Marco Rubio"]


def test_undated_article_gets_the_current_holder(pack: Pack) -> None:
    assert holders(pack, "Polish prime minister", None) == ["Donald Tusk"]
    assert holders(pack, "NATO secretary general", None) == ["Mark Rutte"]


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("zelenskiy", "Volodymyr Zelensky"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Iermak", "Andriy Yermak"),
        ("Kiev", "Ukraine"),
        ("Kremlin", "Russia"),
        ("Mad Vlad", "Vladimir Putin"),
        ("Putin", "Vladimir Putin"),
        ("Orban", "Viktor Orbán"),
        ("ISW", "Institute for the Study of War"),
    ],
)
def test_find_actor_through_aliases(pack: Pack, typed: str, canonical: str) -> None:
    found = find_actor(pack, typed)
    assert found is not None and found.name == canonical


def test_find_actor_refuses_unknown_and_ambiguous(pack: Pack) -> None:
    assert find_actor(pack, "Nobody Atall") is None
    assert find_actor(pack, "") is None


def test_aligned_unofficial_figures_take_their_side(pack: Pack) -> None:
    for name in ("Konstantin Malofeyev", "Alexander Dugin", "Margarita Simonyan"):
        assert pack.actor(name).party == "russia"  # type: ignore[union-attr]
    assert pack.actor("Mark Rutte").party == "nato"  # type: ignore[union-attr]
    assert pack.actor("Recep Tayyip Erdoğan").party == "other"  # type: ignore[union-attr]
