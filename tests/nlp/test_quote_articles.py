"""Short articles of our own in the styles of different outlets (wire, broadsheet, tabloid,
analysis, broadcaster), each mixing the attribution patterns that plain "X said" rules miss:
colon frames, labelling verbs, role descriptions, pronoun chains and bare titles."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pytest
from spacy.language import Language

from redline.model import Article
from redline.nlp.pipeline import build_pipeline, make_doc


@lru_cache(maxsize=1)
def _nlp() -> Language:
    return build_pipeline("russia-ukraine")


WIRE = """MOSCOW, May 14 (Wire) - Russia on Wednesday rejected a European call for a 30-day \
ceasefire, with Foreign Ministry spokeswoman Maria Zakharova describing the demand as “an \
ultimatum that nobody in Moscow will take seriously.”

Kyiv had not responded to Russia's proposals for direct talks, the diplomat said at her weekly \
briefing. “The Europeans talk about peace while they send more weapons every single week,” \
Zakharova added.

Asked about new sanctions, the spokeswoman was dismissive: “We have lived under sanctions for \
ten years and our economy keeps growing.”
"""

BROADSHEET = """Keir Starmer has told European leaders that the coalition of the willing is \
ready to police any ceasefire in Ukraine.

Speaking after a call with Volodymyr Zelensky, the prime minister said allies were drawing up \
plans for air patrols. His message to Moscow was clear: “Sign the ceasefire now, or face the \
toughest sanctions this continent has ever imposed.”

“We will not let Ukraine be carved up behind its back, and we will not blink,” the PM said.
"""

TABLOID = """Senator Lindsey Graham last night branded the Kremlin's latest offer “a con job \
designed to buy time for Putin's army to regroup”.

The Republican, who has pushed a bill with sweeping new sanctions on Russian oil buyers, did not \
hold back: “Putin is playing everybody for fools and the world is running out of patience.”

Kremlin mouthpiece Dmitry Peskov hit back within hours. The Kremlin spokesman dismissed the \
sanctions bill as “noise from people who have never understood Russia at all.”
"""

ANALYSIS = """Donald Trump wants a deal by the summer, and his envoys have spent weeks shuttling \
between capitals.

Volodymyr Zelensky has ruled out surrendering any territory, and most of his rivals in Kyiv agree \
with him. On Sunday he went further. “We will never recognise the occupied land as Russian, not \
in this generation and not in the next,” he told a press conference in Kyiv.

Emmanuel Macron sees things the same way. France's president was blunter still: “There is an \
aggressor and there is a victim, and no one should confuse the two.”
"""

BROADCAST = """The Prime Minister, Keir Starmer, said that Britain would not be intimidated by \
President Putin's threats. He said: “We will keep up the pressure until Russia comes to the \
table in good faith.”

Donald Trump struck a different tone in Washington. The President spent the morning on the \
phone to allies, warning he might tell the Russian leader: “If you do not stop the bombing, the \
sanctions will be crushing.”

Ukraine's foreign minister Andrii Sybiha welcomed the pressure. “Only strength will bring Russia \
to real negotiations,” the official told reporters.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            WIRE,
            [
                ("an ultimatum that nobody in Moscow", "Maria Zakharova"),
                ("The Europeans talk about peace", "Maria Zakharova"),
                ("We have lived under sanctions", "Maria Zakharova"),
            ],
        ),
        (
            BROADSHEET,
            [
                ("Sign the ceasefire now", "Keir Starmer"),
                ("We will not let Ukraine be carved up", "Keir Starmer"),
            ],
        ),
        (
            TABLOID,
            [
                ("a con job designed", "Lindsey Graham"),
                ("Putin is playing everybody", "Lindsey Graham"),
                ("noise from people", "Dmitry Peskov"),
            ],
        ),
        (
            ANALYSIS,
            [
                ("We will never recognise", "Volodymyr Zelensky"),
                ("There is an aggressor", "Emmanuel Macron"),
            ],
        ),
        (
            BROADCAST,
            [
                ("We will keep up the pressure", "Keir Starmer"),
                ("If you do not stop the bombing", "Donald Trump"),
                ("Only strength will bring Russia", "Andrii Sybiha"),
            ],
        ),
    ],
    ids=["wire", "broadsheet", "tabloid", "analysis", "broadcast"],
)
def test_speakers_of_outlet_style_articles(text: str, expected: list[tuple[str, str]]) -> None:
    article = Article(id="a", text=text, published=date(2025, 5, 14), source="test")
    doc = _nlp()(make_doc(_nlp(), article))
    direct = [q for q in doc._.quotes if q.kind in ("direct", "fragment")]
    found = [(q.text, q.speaker) for q in direct if q.kind == "direct"]
    assert len(found) == len(expected), found
    for (text_start, speaker), (quote_text, quote_speaker) in zip(expected, found, strict=True):
        assert quote_text.startswith(text_start)
        assert quote_speaker == speaker, quote_text
