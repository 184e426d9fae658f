"""Sentence alignment: embedding aligner (coarse-to-fine banded DP) and a Gale-Church baseline."""

from __future__ import annotations

import sys
import types
from typing import Any

from mlalign.align.base import Aligner
from mlalign.align.config import AlignConfig, AlignmentResult
from mlalign.align.embedding import align_documents, align_vectors

__all__ = ["AlignConfig", "Aligner", "AlignmentResult", "align_documents", "align_vectors"]


class _CallableAlignModule(types.ModuleType):
    """Keep `mlalign.align(...)` (the public API) callable once this subpackage is imported.

    Importing `mlalign.align` makes Python bind the subpackage to the name `align` on the
    `mlalign` package, replacing the API function of that name; calling the module
    forwards to `mlalign.pipeline.align` so both spellings keep working.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from mlalign.pipeline import align as _align

        return _align(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableAlignModule
