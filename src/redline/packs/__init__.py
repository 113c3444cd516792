"""Domain packs: the knowledge of one negotiation (parties, actors, issues, plans) as data."""

from redline.packs.loader import available_packs, load_pack
from redline.packs.schema import Actor, Issue, Pack, PackPlan, Party, Title

__all__ = ["Actor", "Issue", "Pack", "PackPlan", "Party", "Title", "available_packs", "load_pack"]
