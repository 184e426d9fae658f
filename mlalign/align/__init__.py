"""Sentence alignment: embedding aligner (coarse-to-fine banded DP) and a Gale-Church baseline."""

from __future__ import annotations

from mlalign.align.base import Aligner
from mlalign.align.config import AlignConfig, AlignmentResult
from mlalign.align.embedding import align_documents, align_vectors

__all__ = ["AlignConfig", "Aligner", "AlignmentResult", "align_documents", "align_vectors"]
