"""Translations made elsewhere (`--mt-file`): one line per source sentence, in order."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from mlalign.errors import InputError

# An MT file is a program's output, one translation per source sentence, so a plain text: a
# Word document's paragraphs are rarely its sentences, and Word can save it as plain text.
MT_FILE_ROLE = "--mt-file (one translation per line)"


class FileTranslator:
    """Serves line i of a file as the translation of sentence i; counts must match."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        from mlalign.text.reader import read_text

        self.path = Path(path)
        text = read_text(self.path, plain_only_for=MT_FILE_ROLE)
        self.lines = text.split("\n")
        if self.lines and self.lines[-1] == "":
            self.lines.pop()
        self.name = f"file:{self.path.name}"
        self._digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def signature(self) -> dict[str, Any]:
        return {"engine": "file", "file": str(self.path), "sha256": self._digest,
                "lines": len(self.lines)}

    def translate(self, sentences: list[str]) -> list[str]:
        """Line-aligned: the i-th line translates the i-th sentence."""
        if len(self.lines) != len(sentences):
            raise InputError(f"{self.path}: has {len(self.lines)} lines but the source has "
                             f"{len(sentences)} sentences; --mt-file must be line-aligned "
                             f"(use --presplit on the source)")
        return [line.strip() if s.strip() else "" for s, line in zip(sentences, self.lines,
                                                                     strict=True)]
