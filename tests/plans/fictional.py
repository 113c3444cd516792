"""The fictional pack of the plan tests (``fixtures/fictional``: Northland, Southland and
Westland mediating), loaded by path, so the tests show the code knows no particular war."""

from __future__ import annotations

from pathlib import Path

from redline.packs.loader import load_pack
from redline.packs.schema import Pack

FICTIONAL_PACK_DIR = Path(__file__).parent / "fixtures" / "fictional"


def fictional_pack() -> Pack:
    return load_pack(str(FICTIONAL_PACK_DIR))


PACK = fictional_pack()
