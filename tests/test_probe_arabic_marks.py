"""scripts/probe_arabic_marks.py: the link shares it reports for words written with vowel
marks, read with and without them."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from probe_arabic_marks import linked_shares  # noqa: E402

from mlalign.align.words import WordAligner
from mlalign.embed.e5_words import E5WordEncoder


def test_marked_words_are_counted_and_read_without_marks_as_the_bare_text_is() -> None:
    marked = [("وقال أيضًا إن دوراً كبيراً ينتظره في المدينة", "He also said a big role awaits him in the city")]
    bare = [("وقال أيضا إن دورا كبيرا ينتظره في المدينة", marked[0][1])]
    stripped = linked_shares(WordAligner(E5WordEncoder(strip_marks=True)), marked)
    as_written_bare = linked_shares(WordAligner(E5WordEncoder(strip_marks=False)), bare)
    for layer, (marked_share, all_share, n) in stripped.items():
        assert n == 3 and 0.0 <= marked_share <= 1.0
        assert all_share == as_written_bare[layer][1]  # the same words, the same links


def test_the_sentence_readings_differ_only_where_marks_are_written() -> None:
    from probe_arabic_marks import sentence_readings

    bare = [("قال الرئيس إن المدينة آمنة", "The president said the city is safe"),
            ("وصل الوفد إلى بغداد", "The delegation arrived in Baghdad")]
    readings = sentence_readings(bare)
    assert readings["as written"] == readings["without marks"]
    assert readings["as written"][1] == 1.0 and 0.5 < readings["as written"][0] <= 1.0
    marked = [("قال الرئيس أيضًا إن المدينة آمنة", bare[0][1]), bare[1]]
    assert sentence_readings(marked)["as written"] != sentence_readings(marked)["without marks"]
