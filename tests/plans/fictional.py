"""A small pack for a fictional negotiation (Northland, Southland, Westland mediating), so
the plan tests show the code knows nothing of any one war."""

from __future__ import annotations

from redline.packs.schema import Pack

PACK = Pack.model_validate(
    {
        "meta": {"name": "fictional"},
        "parties": [
            {"id": "north", "name": "Northland", "adjectives": ["Northern"]},
            {"id": "south", "name": "Southland", "adjectives": ["Southern"]},
            {"id": "west", "name": "Westland", "adjectives": ["Western"]},
            {"id": "other", "name": "Other"},
        ],
        "actors": [
            {"name": "Northland", "party": "north", "kind": "state", "metonyms": ["Nordgrad"]},
            {"name": "Southland", "party": "south", "kind": "state", "metonyms": ["Sudberg"]},
            {"name": "Westland", "party": "west", "kind": "state", "metonyms": ["Westport"]},
            {"name": "Anna Weiss", "party": "west", "gender": "female"},
            {"name": "Ivan Brodsky", "party": "north", "gender": "male"},
        ],
        "issues": [
            {"id": "ceasefire", "label": "Ceasefire", "definition": "a truce",
             "cues": ["ceasefire", "truce", "halt to the fighting"]},
            {"id": "border", "label": "Border", "definition": "the line of control",
             "cues": ["border", "line of control", "front line"],
             "lemma_cues": ["freeze the front"]},
            {"id": "alliance", "label": "Alliance", "definition": "joining the Eastern Pact",
             "cues": ["Eastern Pact", "alliance"]},
            {"id": "prisoners", "label": "Prisoners", "definition": "prisoner exchanges",
             "cues": ["prisoners", "prisoner exchange"]},
            {"id": "sanctions", "label": "Sanctions", "definition": "sanctions",
             "cues": ["sanctions"]},
            {"id": "peace_plan", "label": "Peace plan", "definition": "a plan as a whole",
             "cues": ["peace plan"]},
        ],
        "plans": [
            {"id": "weiss-plan", "name": "Weiss plan", "proposer": "Anna Weiss",
             "aliases": ["Weiss plan", "Weiss's plan"], "announced": "2030-01-10",
             "issues": ["border", "ceasefire"]},
            {"id": "ten-point-plan", "name": "10-point plan", "proposer": "Westland",
             "aliases": ["10-point plan", "ten-point plan"], "points": 10,
             "announced": "2030-05-01", "issues": ["ceasefire", "border", "prisoners", "sanctions"]},
            {"id": "six-point-plan", "name": "6-point plan", "proposer": "Westland",
             "aliases": ["6-point plan", "six-point plan"], "points": 6,
             "announced": "2030-06-01", "revision_of": "ten-point-plan",
             "issues": ["ceasefire", "border"]},
            {"id": "northern-memorandum", "name": "Northern memorandum", "proposer": "Northland",
             "aliases": ["Northern memorandum", "Nordgrad memorandum"],
             "announced": "2030-03-01", "issues": ["alliance", "border"]},
        ],
    }
)
