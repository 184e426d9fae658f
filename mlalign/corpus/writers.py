"""Corpus-level TMX and Moses writers that stream beads (the corpus never sits in memory).

The single-document writers in `mlalign.io` take a whole `Audit`; a corpus is many pairs in
mixed source languages, so these write bead batches as they come and rename into place
only when the whole corpus is written.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from mlalign import __version__
from mlalign.fsutil import atomic_path
from mlalign.io.base import one_line, xml_text


class CorpusWriter(Protocol):
    """Receives kept beads batch by batch; `close()` makes the output appear."""

    def write(self, rows: list[dict[str, Any]]) -> None: ...

    def close(self) -> list[Path]: ...

    def abort(self) -> None: ...


class TmxWriter:
    """TMX 1.4b: one `<tu>` per bead with `tuid` pair:bead; score, drift and each kind's
    probability as `<prop>`s; how the corpus was made as `x-mlalign-KEY` header `<prop>`s,
    as `mlalign align`'s TMX has them."""

    def __init__(
        self, path: Path, srclang: str = "*all*", provenance: Sequence[tuple[str, str]] = ()
    ) -> None:
        from lxml import etree

        self.path = path
        self._etree = etree
        self._stack = contextlib.ExitStack()
        self._tmp = self._stack.enter_context(atomic_path(path))
        self._xf = self._stack.enter_context(etree.xmlfile(str(self._tmp), encoding="utf-8"))
        self._xf.write_declaration()
        self._body_cm = None
        header_attrs = {
            "creationtool": "mlalign",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "mlalign",
            "adminlang": "en",
            "srclang": srclang,
            "datatype": "plaintext",
        }
        self._tmx_cm = self._xf.element("tmx", version="1.4")
        self._tmx_cm.__enter__()
        header = etree.Element("header", header_attrs)
        for key, value in provenance:
            prop = etree.SubElement(header, "prop", type=f"x-mlalign-{key}")
            prop.text = xml_text(value)
        self._xf.write(header)
        self._body_cm = self._xf.element("body")
        self._body_cm.__enter__()

    def write(self, rows: list[dict[str, Any]]) -> None:
        etree = self._etree
        xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
        for row in rows:
            # an id from a manifest or a file name may hold a control character XML cannot
            tu = etree.Element("tu", tuid=xml_text(f"{row['pair_id']}:{row['bead']}"))
            for name, value in (
                ("x-pair", row["pair_id"]),
                ("x-score", f"{row['score']:.4f}"),
                ("x-drift", f"{row['drift']:.4f}"),
            ):
                prop = etree.SubElement(tu, "prop", type=name)
                prop.text = xml_text(str(value))
            for kind, p in (row.get("kinds") or {}).items():
                if p is not None:  # each kind's probability, to filter the memory later
                    prop = etree.SubElement(tu, "prop", type=f"x-p-{kind}")
                    prop.text = f"{p:.4f}"
            for lang, text in ((row["src_lang"], row["src"]), ("en", row["tgt"])):
                tuv = etree.SubElement(tu, "tuv", {xml_lang: lang or "und"})
                seg = etree.SubElement(tuv, "seg")
                seg.text = xml_text(text)
            self._xf.write(tu)
            self._xf.write("\n")

    def close(self) -> list[Path]:
        self._body_cm.__exit__(None, None, None)
        self._tmx_cm.__exit__(None, None, None)
        self._stack.close()
        return [self.path]

    def abort(self) -> None:
        _abort(self._stack)


class MosesWriter:
    """Plain parallel text: `<stem>.<src>-en.<src>` and `<stem>.<src>-en.en` per source language."""

    def __init__(self, out_dir: Path, stem: str = "corpus") -> None:
        self.out_dir = out_dir
        self.stem = stem
        self._stack = contextlib.ExitStack()
        self._files: dict[str, tuple[IO[str], IO[str]]] = {}
        self._paths: list[Path] = []

    def _open(self, lang: str) -> tuple[IO[str], IO[str]]:
        if lang not in self._files:
            base = f"{self.stem}.{lang}-en"
            handles = []
            for side in (lang, "en"):
                path = self.out_dir / f"{base}.{side}"
                tmp = self._stack.enter_context(atomic_path(path))
                handles.append(
                    self._stack.enter_context(open(tmp, "w", encoding="utf-8", newline="\n"))
                )
                self._paths.append(path)
            self._files[lang] = (handles[0], handles[1])
        return self._files[lang]

    def write(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            src_fh, tgt_fh = self._open(row["src_lang"] or "src")
            src_fh.write(one_line(row["src"]) + "\n")
            tgt_fh.write(one_line(row["tgt"]) + "\n")

    def close(self) -> list[Path]:
        self._stack.close()
        return sorted(self._paths)

    def abort(self) -> None:
        _abort(self._stack)


def _abort(stack: contextlib.ExitStack) -> None:
    """Unwind as if an error happened, so atomic temp files are removed, not renamed."""
    exc = RuntimeError("corpus assembly aborted")
    with contextlib.suppress(Exception):
        stack.__exit__(type(exc), exc, None)
