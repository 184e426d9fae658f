"""A long original sentence the English renders in more sentences than a bead holds is cut at
its clauses and aligned again (align.recut), instead of leaving English sentences unpaired."""

from __future__ import annotations

import pytest

from mlalign.align import AlignConfig
from mlalign.align.recut import overfull_sentences, recut_overfull, unpaired_words
from mlalign.drift import DriftConfig
from mlalign.pipeline import audit_texts
from mlalign.text.split import cut_at_clauses, cut_long_sentence
from mlalign.types import Bead, Sentence

# A travel story told as classical prose writes it: one vocalised sentence, its events joined
# by ثم and و; the translator writes six sentences.
AR = ("وَقَالَ أَبُو عَلِيٍّ خَرَجْتُ مِنْ بَغْدَادَ فِي أَوَّلِ الشِّتَاءِ ثُمَّ سِرْتُ إِلَى الْكُوفَةِ فَبِتُّ فِيهَا "
      "لَيْلَتَيْنِ وَكَانَ الْمَطَرُ شَدِيدًا ثُمَّ رَكِبْتُ سَفِينَةً إِلَى الْبَصْرَةِ وَلَقِيتُ فِيهَا تَاجِرًا مِنْ أَهْلِ "
      "فَارِسَ يَبِيعُ الْحَرِيرَ ثُمَّ اشْتَرَيْتُ مِنْهُ ثَوْبَيْنِ وَأَهْدَيْتُ أَحَدَهُمَا إِلَى أُمِّي ثُمَّ عُدْتُ إِلَى "
      "بَغْدَادَ بَعْدَ شَهْرٍ")
FA = ("و ابوعلی گفت در آغاز زمستان از بغداد بیرون رفتم و سپس به کوفه رفتم و دو شب آنجا ماندم و باران "
      "سخت می‌بارید سپس با کشتی به بصره رفتم و در آنجا بازرگانی از اهل فارس را دیدم که ابریشم می‌فروخت "
      "سپس دو جامه از او خریدم و یکی را به مادرم هدیه دادم و پس از یک ماه به بغداد بازگشتم")
EN = ("Abu Ali said: I left Baghdad at the start of winter. Then I travelled to Kufa and spent two "
      "nights there. The rain was heavy. Then I took a boat to Basra, where I met a merchant from "
      "Persia who sold silk. I bought two garments from him and gave one of them to my mother. "
      "Then I returned to Baghdad after a month.")
FAST = DriftConfig(word_alignment=False)


def test_vocalised_conjunctions_are_places_to_cut() -> None:
    """ثُمَّ written with its vowels is the conjunction ثم: the run-on cutter and the clause
    cutter both compared the word as written and found no place to cut a vocalised text."""
    pieces = cut_at_clauses(AR, "ar")
    assert len(pieces) >= 5
    assert all(p.startswith(("ثُمَّ", "وَكَانَ")) for p in pieces[1:])
    assert " ".join(pieces) == AR  # the text as written, nothing lost
    run_on = " ".join([AR] * 2)  # 92 words: a run-on the splitter cuts
    assert all(p.startswith(("وَقَالَ", "ثُمَّ", "وَكَانَ", "وَلَقِيتُ", "وَأَهْدَيْتُ"))
               for p in cut_long_sentence(run_on, "ar"))


def test_clause_pieces_keep_a_minimum_length() -> None:
    assert cut_at_clauses("He came, and then he left and she stayed.", "en", min_words=3) == [
        "He came, and then he left", "and she stayed."]
    assert cut_at_clauses("One two three", "en") == ["One two three"]


def _bead(src: list[int], tgt: list[int], text: str = "w") -> Bead:
    return Bead(src, tgt, src=" ".join([text] * len(src)), tgt=" ".join([text] * len(tgt)))


def test_only_a_full_bead_with_unpaired_english_beside_it_is_overfull() -> None:
    full = [_bead([0], [0, 1, 2, 3]), _bead([], [4]), _bead([], [5]), _bead([1], [6])]
    assert [(f.index, f.renders) for f in overfull_sentences(full, 4)] == [(0, 6)]
    before = [_bead([0], [0]), _bead([], [1]), _bead([1], [2, 3, 4, 5])]
    assert [(f.index, f.renders) for f in overfull_sentences(before, 4)] == [(1, 5)]
    # a full bead with nothing unpaired beside it, or a bead that is not full: nothing to do
    assert overfull_sentences([_bead([0], [0, 1, 2, 3]), _bead([1], [4])], 4) == []
    assert overfull_sentences([_bead([0], [0, 1, 2]), _bead([], [3])], 4) == []
    # an original sentence left unpaired is not English rendering more
    assert overfull_sentences([_bead([0], [0, 1, 2, 3]), _bead([1], [])], 4) == []
    assert unpaired_words(full) == 2


def test_recut_replaces_the_sentence_by_its_pieces_and_says_so() -> None:
    src = [Sentence("قال الرجل خرجنا من المدينة ثم سرنا إلى البحر ثم عدنا بعد شهر", 0),
           Sentence("وانتهت القصة", 1)]
    beads = [_bead([0], [0, 1, 2, 3]), _bead([], [4]), _bead([1], [5])]
    recut = recut_overfull(beads, src, "ar", 4)
    assert recut is not None
    assert [s.text for s in recut.src] == ["قال الرجل خرجنا من المدينة", "ثم سرنا إلى البحر",
                                           "ثم عدنا بعد شهر", "وانتهت القصة"]
    assert [s.paragraph for s in recut.src] == [0, 0, 0, 1]
    assert recut.cuts == [{"sentence": 0, "pieces": 3}]
    assert recut.notes == ["original sentence 1 (13 words) was cut at its clauses into 3 pieces: "
                           "the English renders it in 5 sentences, more than one bead holds"]
    # a sentence with no clause to cut at is left as it is
    assert recut_overfull(beads, [Sentence("كلمة " * 12, 0), src[1]], "ar", 4) is None


@pytest.mark.parametrize("lang,original", [("ar", AR), ("fa", FA)])
def test_a_long_sentence_rendered_in_six_pairs_every_english_sentence(lang: str, original: str) -> None:
    whole = audit_texts(original, EN, src_lang=lang, drift_config=FAST,
                        align_config=AlignConfig(recut_overfull=False))
    assert any(not b.src_ids for b in whole.beads)  # one bead holds four: two left over
    audit = audit_texts(original, EN, src_lang=lang, drift_config=FAST)
    assert all(b.src_ids and b.tgt_ids for b in audit.beads)
    assert sorted(i for b in audit.beads for i in b.tgt_ids) == list(range(6))
    assert len(audit.beads) >= 4
    assert audit.provenance["inputs"]["cut_to_fit"][0]["sentence"] == 0
    assert any("was cut at its clauses" in w for w in audit.warnings)
    # outputs show the original as written, vowels and all
    assert " ".join(s.text for s in audit.src_sentences) == original
    assert audit.provenance["align"]["recut_overfull"] is True


def test_no_recut_when_lines_are_fixed() -> None:
    """--presplit's lines are the user's, and an MT file holds a line per sentence as split:
    neither may change under them."""
    presplit = audit_texts(AR, EN.replace(". ", ".\n"), src_lang="ar", presplit=True,
                           drift_config=FAST)
    assert len(presplit.src_sentences) == 1
    assert presplit.provenance["inputs"]["cut_to_fit"] == []
    with_mt = audit_texts(AR, EN, src_lang="ar", mt=[EN], drift_config=FAST)
    assert len(with_mt.src_sentences) == 1
    assert with_mt.provenance["inputs"]["cut_to_fit"] == []
