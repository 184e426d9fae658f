"""Contextual word vectors: the `WordEncoder` protocol and the words it speaks of.

Sentence vectors say whether two sentences are about the same thing; they barely move when
a clause is cut or a name is swapped. Word vectors taken from inside a multilingual encoder
let the drift checks ask, word by word, whether each part of one side has a counterpart on
the other (the idea behind SimAlign, Jalili Sabet et al. 2020).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

_WORD = re.compile(r"\S+")


def split_words(text: str) -> list[tuple[int, int]]:
    """Whitespace-separated words as (start, end) character spans of `text`."""
    return [m.span() for m in _WORD.finditer(text)]


@dataclass
class WordVectors:
    """One text's words (spans into the text as given) and, per encoder layer, one unit
    vector per word. A word the encoder could not see (past its length limit) is a zero row."""

    text: str
    spans: list[tuple[int, int]]
    layers: dict[int, np.ndarray]

    @property
    def words(self) -> list[str]:
        return [self.text[a:b] for a, b in self.spans]


@runtime_checkable
class WordEncoder(Protocol):
    """Maps texts to contextual word vectors; `name` identifies model, version and layers."""

    name: str
    layers: tuple[int, ...]

    def encode_words(self, texts: Sequence[str]) -> list[WordVectors]:
        """One `WordVectors` per text, in order, with a row per `split_words` span."""
        ...
