"""Batch corpus building: many document pairs → one filtered, resumable parallel corpus.

Importing this package does not import Ray or any model; engines and models load on use.
"""

from __future__ import annotations

from mlalign.corpus.build import FORMATS, BuildReport, build_corpus
from mlalign.corpus.engine import Engine, make_engine
from mlalign.corpus.filters import FILTERS, CorpusFilter, FilterConfig
from mlalign.corpus.inputs import PairTask, load_inputs
from mlalign.corpus.worker import PairResult, Settings

__all__ = [
    "FILTERS",
    "FORMATS",
    "BuildReport",
    "CorpusFilter",
    "Engine",
    "FilterConfig",
    "PairResult",
    "PairTask",
    "Settings",
    "build_corpus",
    "load_inputs",
    "make_engine",
]
