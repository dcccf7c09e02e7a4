"""toolkit.corpus.sources: paths, editions and EDITION:DOC specs over the shipped corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.corpus import open_corpus, resolve
from toolkit.corpus.sources import corpus_check, edition_lineage, parsed_edition
from toolkit.errors import (
    CorpusError,
    InputError,
    MissingEditionError,
    UnknownDocumentError,
    UnknownEditionError,
)


def test_edition_gives_all_its_documents() -> None:
    docs = resolve("baku-2025")
    assert len(docs) == 112
    assert docs[0].id == "declaration"


def test_edition_document_and_region() -> None:
    (doc,) = resolve("baku-2025:res-37")
    assert doc.heading == "RESOLUTION 37 (Rev. Baku, 2025)"
    assert [d.id for d in resolve("baku-2025:ri-asp")] == [f"ri-asp{n}" for n in range(1, 6)]
    assert [d.id for d in resolve("baku-2025:declaration")] == ["declaration"]


def test_parsed_once_per_process() -> None:
    assert parsed_edition("baku-2025") is parsed_edition("baku-2025")
    assert resolve("baku-2025:res-37")[0] is resolve("baku-2025:res-37")[0]


def test_path(asp_web_path: Path) -> None:
    assert [d.id for d in resolve(str(asp_web_path))] == [f"ri-asp{n}" for n in range(1, 6)]


def test_missing_file_is_an_input_error() -> None:
    with pytest.raises(InputError):
        resolve("no/such/file.txt")


def test_unknown_document_lists_what_exists() -> None:
    with pytest.raises(UnknownDocumentError) as caught:
        resolve("baku-2025:ri-xyz")
    assert str(caught.value) == (
        "edition baku-2025 holds no document 'ri-xyz'; it holds declaration, action-plan, "
        "ri-afr1 … ri-eur5 (30), res-1 … res-94 (63), rec-15 … rec-22 (7), q-1-1 … q-5-2 (10); "
        "give one of these ids"
    )


def test_abrogated_resolution_names_its_note() -> None:
    with pytest.raises(UnknownDocumentError, match=r"only the note \(Abrogated by WTDC-25\)"):
        resolve("baku-2025:res-53")


def test_unknown_edition() -> None:
    with pytest.raises(UnknownEditionError, match="unknown edition 'paris-2030'"):
        resolve("paris-2030:res-1")


def test_known_edition_missing_from_corpus(tmp_path: Path) -> None:
    with pytest.raises(MissingEditionError, match="wtdc corpus fetch kigali-2022"):
        resolve("kigali-2022:res-37")
    with pytest.raises(MissingEditionError, match="holds no final report of baku-2025"):
        resolve("baku-2025", corpus=open_corpus(tmp_path))


def test_edition_lineage_knows_which_prior_editions_are_held() -> None:
    lineage = edition_lineage()
    assert lineage.row("res-37").prior_edition == "Kigali, 2022"
    assert not any(r.prior_in_corpus for r in lineage.rows)  # only Baku is shipped


def test_corpus_check_on_the_shipped_corpus() -> None:
    check = corpus_check()
    assert (check.missing_text, check.unlisted_text) == ((), ())


_KIGALI_RES_37 = (
    "\t\t\tRESOLUTION 37 (Rev. Kigali, 2022)\n\n\t\t\tBridging the digital divide\n\n"
    "\t\t\tconsidering\n\n\t\t\ta)\tthat the developing countries need help;\n"
)


def test_prior_in_corpus_needs_that_document_in_the_prior_report(
    tmp_path: Path, final_report_path: Path
) -> None:
    # A Kigali report holding only Resolution 37: its prior text is held; Resolution 1 (also
    # last revised at Kigali) is not, although a Kigali final report is in the corpus.
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "manifest.toml").write_text("")
    corpus = open_corpus(root)
    corpus.add(final_report_path, edition="baku-2025", kind="final-report")
    kigali = tmp_path / "kigali.txt"
    kigali.write_text(_KIGALI_RES_37, encoding="utf-8")
    corpus = open_corpus(root)
    corpus.add(kigali, edition="kigali-2022", kind="final-report", force=True)
    lineage = edition_lineage(corpus=open_corpus(root))
    assert lineage.row("res-1").prior_edition == "Kigali, 2022"
    assert [r.doc_id for r in lineage.rows if r.prior_in_corpus] == ["res-37"]


def test_corpus_check_counts_texts_added_beside_the_report(
    tmp_path: Path, final_report_path: Path
) -> None:
    # A Baku resolution added as its own file: a number the status table does not list.
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "manifest.toml").write_text("")
    open_corpus(root).add(final_report_path, edition="baku-2025", kind="final-report")
    extra = tmp_path / "res-99.txt"
    extra.write_text(
        "\t\t\tRESOLUTION 99 (Baku, 2025)\n\n\t\t\tA resolution the table lacks\n\n"
        "\t\t\tresolves\n\n\t\t\t1\tto exist.\n",
        encoding="utf-8",
    )
    open_corpus(root).add(extra, edition="baku-2025", kind="resolution")
    check = corpus_check(corpus=open_corpus(root))
    assert (check.missing_text, check.unlisted_text) == ((), ("res-99",))


def test_edition_made_of_texts_added_one_by_one(tmp_path: Path, final_report_path: Path) -> None:
    # No Kigali final report, only its Resolution 37 added as a resolution: the edition is
    # that text, for `kigali-2022:res-37` and for lineage's prior_in_corpus.
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "manifest.toml").write_text("")
    open_corpus(root).add(final_report_path, edition="baku-2025", kind="final-report")
    kigali = tmp_path / "res37-kigali.txt"
    kigali.write_text(_KIGALI_RES_37, encoding="utf-8")
    open_corpus(root).add(kigali, edition="kigali-2022", kind="resolution")
    corpus = open_corpus(root)
    (doc,) = resolve("kigali-2022:res-37", corpus=corpus)
    assert (doc.edition_label, doc.title) == ("Rev. Kigali, 2022", "Bridging the digital divide")
    assert [c.text for c in doc.clauses] == ["that the developing countries need help;"]
    assert parsed_edition("kigali-2022", corpus=corpus).name == "edition kigali-2022"
    lineage = edition_lineage(corpus=corpus)
    assert [r.doc_id for r in lineage.rows if r.prior_in_corpus] == ["res-37"]

    again = tmp_path / "res37-copy.txt"
    again.write_text(_KIGALI_RES_37 + "\n\t\t\tb)\tand more.\n", encoding="utf-8")
    open_corpus(root).add(again, edition="kigali-2022", kind="resolution")
    with pytest.raises(CorpusError, match=r"edition kigali-2022 holds res-37 twice, in corpus "
                       r"entries kigali-2022-resolution-res37-kigali and "
                       r"kigali-2022-resolution-res37-copy; remove one of them with `wtdc "
                       r"corpus remove kigali-2022-resolution-res37-copy`"):
        resolve("kigali-2022:res-37", corpus=open_corpus(root))


def test_edition_of_no_wtdc_text_says_what_to_add(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "manifest.toml").write_text("")
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear all,\n\nsee you in Kigali.\n", encoding="utf-8")
    open_corpus(root).add(letter, edition="kigali-2022", kind="other")
    with pytest.raises(MissingEditionError, match=r"none of its texts "
                       r"\(kigali-2022-other-letter\) is a WTDC document; run `wtdc corpus "
                       r"fetch kigali-2022`"):
        resolve("kigali-2022", corpus=open_corpus(root))
