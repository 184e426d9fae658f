"""The `Translator` protocol: pre-split sentences in, one translation per sentence out."""

from __future__ import annotations

import math
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class Translator(Protocol):
    """Line-for-line machine translation; an empty sentence translates to an empty string.

    `signature()` describes everything that changes the output (package, version, decoding
    options) so results can be cached and audits can record how their MT was made.
    """

    name: str

    def signature(self) -> dict[str, Any]: ...

    def translate(self, sentences: list[str]) -> list[str]: ...


BUCKETS = (16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024)


def decoding_bound(n_tokens: int, ratio: float = 2.0, extra: int = 16, cap: int = 256) -> int:
    """Longest output allowed for an input of `n_tokens` tokens.

    A model that never emits end-of-sentence (broken or untrained) thus costs O(input), not
    `cap` steps. The bound is rounded up to a coarse bucket (16, 24, 32, 48, 64, 96...) so
    that most sentences of a document share a few bounds and can be batched together
    without one sentence's bound changing another's output.
    """
    if ratio <= 0:
        return cap
    bound = math.ceil(ratio * n_tokens) + extra
    bucket = next((b for b in BUCKETS if b >= bound), bound)
    return max(8, min(cap, bucket))
