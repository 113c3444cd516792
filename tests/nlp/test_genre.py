"""Genre detection: news, opinion, analysis, readout."""

from __future__ import annotations

from redline.nlp.genre import detect_genre


def test_plain_news_is_news() -> None:
    text = "Russia rejected the ceasefire on Tuesday, the Kremlin said.\nTalks continue."
    assert detect_genre(text) == "news"


def test_opinion_title_marks_opinion() -> None:
    assert detect_genre("Opinion: The Kremlin challenges the US\nBody text.") == "opinion"


def test_disclaimer_marks_opinion() -> None:
    text = "The war goes on.\nThe views expressed are the author’s and not necessarily ours."
    assert detect_genre(text) == "opinion"


def test_author_voice_outside_quotes_marks_opinion() -> None:
    text = "I think the West is wrong. We must arm Ukraine now. I believe Putin is bluffing."
    assert detect_genre(text) == "opinion"


def test_first_person_inside_quotes_is_still_news() -> None:
    text = '"I think we must end this war," Trump said. "I believe Putin wants peace," he added.'
    assert detect_genre(text) == "news"


def test_analysis_and_readout() -> None:
    assert detect_genre("Analysis: Why Putin will not stop\nText.") == "analysis"
    assert detect_genre("Readout of the President's call with President Zelensky\n.") == "readout"
