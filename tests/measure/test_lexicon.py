from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit.errors import InputError
from toolkit.measure import load_lexicon
from toolkit.measure.text import normalize

THEMES = (
    "ai", "satellite", "resilience", "emergency", "cybersecurity", "climate", "gender", "youth",
    "accessibility", "affordability", "digital-skills", "ldc-sids-lldc", "indigenous",
    "open-source", "data-statistics", "iot-smart-cities", "imt-5g", "spectrum",
)


def matches(theme: str, text: str) -> list[str]:
    rule = load_lexicon().theme(theme)
    text = normalize(text)
    return [text[a:b] for a, b in rule.spans(text)]


def test_shipped_lexicon_has_the_themes_of_the_issue() -> None:
    assert load_lexicon().ids == THEMES


@pytest.mark.parametrize(
    ("theme", "text", "expected"),
    [
        # The acronym is case-sensitive and a whole word.
        ("ai", "national AI strategies", ["AI"]),
        ("ai", "AI-enabled services", ["AI"]),
        ("ai", "Ai Weiwei spoke", []),
        ("ai", "HIV/AIDS and Buenos Aires, Ms Aisha Al Marzooqi", []),
        # A phrase with its acronym in parentheses counts once.
        ("ai", "artificial intelligence (AI) and AI", ["artificial intelligence (AI)", "AI"]),
        ("ai", "Artificial Intelligence ( AI )", ["Artificial Intelligence ( AI )"]),
        ("ai", "AI (artificial intelligence)", ["AI (artificial intelligence)"]),
        ("ai", "artificial-intelligence tools", ["artificial-intelligence"]),
        # Variants, plurals, hyphenation and look-alike hyphens.
        ("satellite", "satellites and a Satellite", ["satellites", "Satellite"]),
        ("satellite", "space-based, space based and spacebased", ["space-based", "space based",
                                                                    "spacebased"]),
        ("satellite", "non\u2011terrestrial and nonterrestrial", ["non-terrestrial",
                                                                    "nonterrestrial"]),
        ("satellite", "an open digital space and online spaces", []),
        ("emergency", "emergencies, an emergency", ["emergencies", "emergency"]),
        ("resilience", "resilient and resilience", ["resilient", "resilience"]),
        ("imt-5g", "IMT-2020 (5G)", ["IMT-2020 (5G)"]),
        ("ldc-sids-lldc", "LDCs, SIDS and LLDCs", ["LDCs", "SIDS", "LLDCs"]),
        ("ldc-sids-lldc", "least developed countries1", ["least developed countries"]),
        ("cybersecurity", "cyber-security and cybersecurity", ["cyber-security", "cybersecurity"]),
        # Decisions taken on KWIC listings of the Baku texts (see lexicon.toml), with the
        # strings that must NOT match.
        ("ai", "machine learning and e-learning platforms", ["machine learning"]),
        ("ai", "generative AI and GenAI", ["generative AI", "GenAI"]),
        ("ai", "an UNGA resolution, AIS receivers, MAIN and ai", []),
        ("satellite", "low Earth orbit (LEO), medium Earth orbit (MEO) and geostationary Earth "
         "orbit (GEO)", ["low Earth orbit (LEO)", "medium Earth orbit (MEO)",
                         "geostationary Earth orbit (GEO)"]),
        ("satellite", "radio-frequency and orbital resources", ["orbital"]),
        ("satellite", "use of the orbit/spectrum resource", ["orbit/spectrum"]),
        ("satellite", "space for dialogue, the numerical space of IPv4 and cyberspace", []),
        ("satellite", "stratospheric high-altitude platform stations (HAPS)", []),
        ("resilience", "resiliency, disaster-resilient and cyber resilience",
         ["resiliency", "resilient", "resilience"]),
        ("resilience", "robust and robustness", []),
        ("accessibility", "ICT accessibility for persons with disabilities and persons with "
         "specific needs", ["accessibility", "disabilities", "persons with specific needs"]),
        ("accessibility", "the specific needs of developing countries; electronically accessible",
         []),
    ],
)
def test_matching_rules(theme: str, text: str, expected: list[str]) -> None:
    assert matches(theme, text) == expected


def test_lexicon_file_adds_replaces_and_extends(tmp_path: Path) -> None:
    path = tmp_path / "extra.toml"
    path.write_text(
        '[[theme]]\nid = "quantum"\nlabel = "Quantum"\nphrases = ["quantum*"]\n'
        '[[theme]]\nid = "ai"\nextend = true\nacronyms = ["ML"]\n'
        '[[theme]]\nid = "spectrum"\nphrases = ["radio spectrum"]\n',
        "utf-8",
    )
    lexicon = load_lexicon(path)
    assert lexicon.ids == (*THEMES, "quantum")
    ai = lexicon.theme("ai")
    assert ai.label == "Artificial intelligence"
    assert "ML" in ai.acronyms
    assert "artificial intelligence" in ai.phrases
    assert lexicon.theme("spectrum").phrases == ("radio spectrum",)
    assert lexicon.theme("quantum").spans("quantum computing") == [(0, 7)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[theme]\n", "is not valid TOML"),
        ('title = "x"\n', "has no [[theme]] tables"),
        ('[[theme]]\nid = "x"\nwords = ["a"]\n', "unknown keys ['words']"),
        ('[[theme]]\nid = "x"\n', "theme 'x' has no phrases, acronyms or regex"),
        ('[[theme]]\nid = "x"\nregex = ["("]\n', "theme 'x' has an invalid regex"),
    ],
)
def test_bad_lexicon_files_are_named(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, "utf-8")
    with pytest.raises(InputError, match=re.escape(message)):
        load_lexicon(path)


def test_missing_lexicon_file_and_unknown_theme(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"none.toml: no such file; give a UTF-8 TOML file"):
        load_lexicon(tmp_path / "none.toml")
    with pytest.raises(InputError, match=r"cannot read lexicon .*: it is a directory; give"):
        load_lexicon(tmp_path)
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00theme")
    with pytest.raises(InputError, match=r"binary.toml: not UTF-8 text; give a UTF-8 TOML"):
        load_lexicon(binary)
    with pytest.raises(InputError, match="unknown theme 'robots'; the lexicon has: ai, "):
        load_lexicon().theme("robots")


def test_adjacent_matches_of_a_theme_are_one_mention() -> None:
    # CIS4 result 4 in the Final Report: "non-geostationary satellite orbit systems".
    assert matches("satellite", "access of non-geostationary satellite orbit systems") == [
        "non-geostationary satellite"]
    assert matches("ai", "AI and AI") == ["AI", "AI"]


def test_the_lexicon_lists_itself_for_a_reader() -> None:
    from toolkit.measure import load_lexicon

    lexicon = load_lexicon()
    listing = lexicon.frame()
    assert listing.columns == ["id", "label", "patterns", "source"]
    assert listing.row(0) == ("ai", "Artificial intelligence", 9, "shipped")
    assert listing["patterns"].sum() == sum(
        len(t.phrases) + len(t.acronyms) + len(t.regex) for t in lexicon.themes)
    # In a notebook, a bounded table (polars elides the middle rows), never a wall of regexes.
    html = lexicon._repr_html_()
    assert html.count("<tr>") < 18
    assert "Artificial intelligence" in html
    assert "(?i:" not in html
