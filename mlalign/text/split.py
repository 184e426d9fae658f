"""Split documents into sentences (with paragraph numbers) for alignment.

Paragraphs: by default every non-blank line is one paragraph (the common shape of
translations saved from editors and of parallel-corpus files). When a document is
hard-wrapped instead — it has blank lines and most of its lines do not end in sentence
punctuation — paragraphs are the blank-line separated blocks and their lines are joined
with a space. `Sentence.paragraph` counts paragraphs from 0.

`presplit_lines` is for files that are already one sentence per line: line i is sentence
i and EMPTY LINES ARE KEPT as empty sentences so the numbering never shifts against the
other side (the aligner treats an empty sentence as an omission/addition candidate).
"""

from __future__ import annotations

import re

from mlalign.text.base import SentenceSplitter
from mlalign.text.rules_arabic import ArabicScriptRules
from mlalign.text.rules_english import EnglishRules
from mlalign.types import Sentence

_ARABIC = ArabicScriptRules()
_ENGLISH = EnglishRules()
_LINE_END = re.compile(r"[.!?؟…۔:\"'”’»)\]]\s*$")
_INNER_BLANK = re.compile(r"\S[^\S\n]*\n\s*\n\s*\S")


def splitter_for(lang: str) -> SentenceSplitter:
    """The rule set for `lang`: Arabic-script rules for ar/fa, English rules otherwise."""
    return _ARABIC if lang in ("ar", "fa") else _ENGLISH


def paragraphs(text: str) -> list[str]:
    """Cut a document into paragraphs (see module docstring for the line/block rule)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln.strip() for ln in text.split("\n")]
    nonblank = [ln for ln in lines if ln]
    if not nonblank:
        return []
    if len(nonblank) < 4 or not _INNER_BLANK.search(text):
        return nonblank
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
    unterminated = sum(1 for ln in nonblank if not _LINE_END.search(ln))
    # Hard-wrapped: blocks hold several lines each and most lines stop mid-sentence.
    if len(blocks) <= 0.7 * len(nonblank) and unterminated > 0.5 * len(nonblank):
        return blocks
    return nonblank


def split_document(text: str, lang: str) -> list[Sentence]:
    """Split a whole document into sentences, recording each one's paragraph index."""
    rules = splitter_for(lang)
    out: list[Sentence] = []
    for p_index, para in enumerate(paragraphs(text)):
        for piece in rules.split_paragraph(para):
            out.append(Sentence(piece, p_index))
    return out


def split_sentences(text: str, lang: str) -> list[str]:
    """Split one paragraph (or any text without paragraph structure) into sentence strings."""
    return [s.text for s in split_document(text, lang)]


def split_clauses(text: str, lang: str) -> list[str]:
    """Split a sentence into clauses at , ، ؛ ; : and long-clause conjunctions (for drift)."""
    return splitter_for(lang).split_clauses(text)


def presplit_lines(text: str, name: str) -> list[Sentence]:
    """One sentence per line, line i → sentence i; empty lines kept as empty sentences.

    A single trailing newline does not create an extra empty sentence; "" gives []. `name` is the
    file name, kept for symmetry with the other readers' error messages.
    """
    del name
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text:
        return []
    if text.endswith("\n"):
        text = text[:-1]
    return [Sentence(line.strip(), i) for i, line in enumerate(text.split("\n"))]
