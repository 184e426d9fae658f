"""The aligner protocol: anything that turns two sentence lists into ordered beads."""

from __future__ import annotations

from typing import Protocol

from mlalign.align.config import AlignConfig, AlignmentResult
from mlalign.embed.base import Embedder
from mlalign.types import Sentence


class Aligner(Protocol):
    """Signature shared by the embedding aligner and the Gale-Church baseline."""

    def __call__(
        self,
        src: list[Sentence],
        tgt: list[Sentence],
        embedder: Embedder | None,
        src_lang: str,
        mt: list[str] | None = None,
        config: AlignConfig | None = None,
    ) -> AlignmentResult: ...
