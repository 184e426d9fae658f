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
