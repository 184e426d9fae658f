"""Translator's notes (square-bracket glosses, "(Translator's note: ...)") are left out of
the checks and kept in the output."""

from __future__ import annotations

from mlalign.drift import detect_drift
from mlalign.drift.notes import translator_notes
from mlalign.embed import default_embedder
from mlalign.types import Bead

GLOSSED = ("On Yalda night [the winter solstice, celebrated in Iran as the longest night of the "
           "year], families gather around the korsi [a low table with a heater underneath, "
           "covered by a thick quilt].")
YALDA = "در شب یلدا خانواده‌ها دور کرسی جمع می‌شوند."


def test_bracketed_glosses_and_marked_notes_are_taken_out() -> None:
    text, notes = translator_notes(GLOSSED, YALDA)
    assert text == "On Yalda night, families gather around the korsi."
    assert len(notes) == 2 and notes[1].startswith("[a low table")
    marked = ("The children waited for a Shahnameh recitation (Translator's note: the Book of "
              "Kings, Ferdowsi's epic).")
    assert translator_notes(marked, "x") == ("The children waited for a Shahnameh recitation.",
                                             [marked[marked.index("(Tr"):-1]])
    assert translator_notes("In 1401 [2022–23], exports rose.", "در سال ۱۴۰۱")[0] == "In 1401, exports rose."


def test_brackets_the_original_writes_too_and_plain_parentheses_are_kept() -> None:
    kept = "The law [Article 5] applies."
    assert translator_notes(kept, "يطبق القانون [المادة 5].") == (kept, [])
    aside = "The minister (who resigned later) spoke."
    assert translator_notes(aside, "تحدث الوزير.") == (aside, [])
    assert translator_notes("[Applause]", "تصفيق") == ("[Applause]", [])  # all note: as it is


def test_a_glossed_sentence_draws_no_addition_and_keeps_its_gloss() -> None:
    """Before, each gloss made a high addition (3 of 10 faithful beads in a tester's text)."""
    bead = Bead([0], [0], YALDA, GLOSSED)
    detect_drift([bead], "fa", default_embedder())
    assert bead.tgt == GLOSSED
    assert bead.signals["translator_notes"] == 2.0
    assert not [f for f in bead.flags if f.type == "addition" and f.severity != "low"]
    unglossed = Bead([0], [0], YALDA, GLOSSED.replace("[", "and ").replace("]", ""))
    detect_drift([unglossed], "fa", default_embedder())
    assert "translator_notes" not in unglossed.signals


def test_short_brackets_and_addresses_in_brackets_are_the_rendering_not_notes() -> None:
    """"[the 2015 nuclear deal]" renders words of the original (taken out, it drew a high
    omission); "[at]" and "[dot]" spell an address; "[sic]" and "[...]" are an editor's."""
    for text in ("It signed [the 2015 nuclear deal] yesterday.", "Write to info [at] iranpress [dot] ir.",
                 "See [www.medu.ir] for details.", "He wrote 'recieve' [sic] twice.", "The law says [...] that."):
        assert translator_notes(text, "وقعت الاتفاق أمس.") == (text, [])


def test_marked_notes_in_their_other_spellings() -> None:
    for note in ("(Translator’s note: the Shahnameh (Book of Kings) is an epic)",
                 "(Trans.: a customary formula)", "(T.N.: a customary formula)", "(TN - a formula)"):
        assert translator_notes(f"He spoke {note} slowly.", "x") == ("He spoke slowly.", [note])


def test_the_originals_words_quoted_beside_their_rendering_are_not_compared() -> None:
    """A Qur'an verse kept in ﴿ ﴾ beside its English drew a medium addition."""
    english = ('The Exalted said: ﴿وَقُلْ رَبِّ زِدْنِي عِلْمًا﴾ "And say: My Lord, increase me '
               'in knowledge."')
    original = "وقال تعالى ﴿وَقُلْ رَبِّ زِدْنِي عِلْمًا﴾ فالعلم لا ينال إلا بالصبر"
    assert translator_notes(english, original) == (
        'The Exalted said: "And say: My Lord, increase me in knowledge."', ["﴿وَقُلْ رَبِّ زِدْنِي عِلْمًا﴾"])
    slogan = "Protesters chanted «مرگ بر آمریکا», Death to America."
    assert translator_notes(slogan, "معترضان شعار «مرگ بر آمریکا» سر دادند.")[1] == ["«مرگ بر آمریکا»"]
    # words the original does not have are no quotation of it
    assert translator_notes("He said «شيء آخر» here.", "قال كلاما.") == ("He said «شيء آخر» here.", [])
