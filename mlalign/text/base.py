"""The text layer's small interface: a rule set that splits one paragraph into sentences."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class SentenceSplitter(Protocol):
    """Splits one paragraph (no newlines) into sentences and a sentence into clauses.

    Contract: the pieces, joined with single spaces, equal the input modulo whitespace;
    no character is ever lost or reordered.
    """

    languages: tuple[str, ...]

    def split_paragraph(self, text: str) -> list[str]: ...

    def split_clauses(self, text: str) -> list[str]: ...
