"""mlalign: align, translate and audit Arabic and Persian originals against English versions."""

from __future__ import annotations

__version__ = "0.1.0"

from mlalign.types import Audit, Bead, Flag, Sentence  # noqa: E402

__all__ = ["__version__", "Audit", "Bead", "Flag", "Sentence", "align", "audit_files", "audit_texts"]


def align(*args, **kwargs):
    """Align and audit an original against its English version; see `mlalign.pipeline.align`."""
    from mlalign.pipeline import align as _align

    return _align(*args, **kwargs)


def audit_texts(*args, **kwargs):
    from mlalign.pipeline import audit_texts as _audit_texts

    return _audit_texts(*args, **kwargs)


def audit_files(*args, **kwargs):
    from mlalign.pipeline import audit_files as _audit_files

    return _audit_files(*args, **kwargs)
