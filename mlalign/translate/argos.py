"""Translate with an installed Argos package directly through CTranslate2 + SentencePiece.

`argostranslate.translate` imports stanza and torch and runs a sentence splitter that may
download models; mlalign already has sentences, so it loads the package's `model/` and
tokenizer itself and translates in length-sorted batches. Decoding parameters mirror
argostranslate's `apply_packaged_translation` (beam 4, length_penalty 0.2,
replace_unknowns, target_prefix, the same detokenisation) so outputs are identical.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any

from mlalign.errors import ModelError
from mlalign.translate.base import decoding_bound
from mlalign.translate.packages import InstalledPackage

COMPUTE_FALLBACKS = ("int8", "int8_float32", "auto", "float32")


def model_fingerprint(pkg: InstalledPackage) -> str:
    """Cheap identity of the model weights (size + mtime) so a reinstall invalidates caches."""
    st = (pkg.path / "model" / "model.bin").stat()
    return hashlib.sha1(f"{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:16]


def split_threads(threads: int = 0, inter: int | None = None,
                  intra: int | None = None) -> tuple[int, int]:
    """(inter_threads, intra_threads) for `threads` cores in all (0 = every core).

    Small Transformer batches parallelise poorly inside one matrix product, so on a few
    cores several single-threaded batches in flight beat one batch on all cores; up to
    four batches run at once and any further cores go to each batch.
    """
    total = threads if threads > 0 else max(1, os.cpu_count() or 1)
    if inter is None:
        inter = min(total, 4) if intra is None else max(1, total // max(1, intra))
    if intra is None:
        intra = max(1, total // max(1, inter))
    return max(1, inter), max(0, intra)


class ArgosTranslator:
    """Batched CTranslate2 translation with an Argos package's model and tokenizer."""

    def __init__(self, package: InstalledPackage, *, beam_size: int = 4, batch_size: int = 64,
                 threads: int = 0, intra_threads: int | None = None,
                 inter_threads: int | None = None, compute_type: str = "int8",
                 device: str = "cpu", length_ratio: float = 2.0, length_extra: int = 16,
                 max_decoding_length: int = 256, length_penalty: float = 0.2) -> None:
        import ctranslate2
        from argostranslate.tokenizer import BPETokenizer, SentencePieceTokenizer

        self.package = package
        self.inter_threads, self.intra_threads = split_threads(threads, inter_threads,
                                                               intra_threads)
        self.beam_size = beam_size
        self.batch_size = max(1, batch_size)
        self.length_ratio = length_ratio
        self.length_extra = length_extra
        self.max_decoding_length = max_decoding_length
        self.length_penalty = length_penalty
        self.name = f"argos:{package.package_id}-{package.version}"
        self.calls = 0  # translate_batch invocations (tests count cache hits with it)
        self.sentences_translated = 0
        sp = package.path / "sentencepiece.model"
        if sp.exists():
            self.tokenizer: Any = SentencePieceTokenizer(sp)
        elif (package.path / "bpe.model").exists():
            self.tokenizer = BPETokenizer(package.path / "bpe.model", package.from_code,
                                          package.to_code)
        else:
            raise ModelError(f"{package.path}: package has no sentencepiece.model or bpe.model")
        supported = ctranslate2.get_supported_compute_types(device)
        order = [compute_type] + [c for c in COMPUTE_FALLBACKS if c != compute_type]
        order = [c for c in order if c == "auto" or c in supported]
        last: Exception | None = None
        for ctype in order:
            try:
                self.model = ctranslate2.Translator(
                    str(package.path / "model"), device=device, compute_type=ctype,
                    intra_threads=self.intra_threads, inter_threads=self.inter_threads)
                self.compute_type = ctype
                break
            except (RuntimeError, ValueError) as exc:
                last = exc
        else:
            raise ModelError(f"{package.path}: CTranslate2 cannot load the model ({last})")
        self._fingerprint = model_fingerprint(package)

    def signature(self) -> dict[str, Any]:
        """Everything that changes the output (not batch size or threads)."""
        return {
            "engine": "argos-ctranslate2",
            "package": self.package.package_id,
            "version": self.package.version,
            "model": self._fingerprint,
            "compute_type": self.compute_type,
            "beam_size": self.beam_size,
            "length_penalty": self.length_penalty,
            "max_decoding": [self.length_ratio, self.length_extra, self.max_decoding_length],
        }

    def _bound(self, n_tokens: int) -> int:
        return decoding_bound(n_tokens, self.length_ratio, self.length_extra,
                              self.max_decoding_length)

    def _detok(self, tokens: list[str]) -> str:
        value = self.tokenizer.decode(tokens)
        prefix = self.package.target_prefix
        if prefix and value.startswith(prefix):
            value = value[len(prefix):]
        if value.startswith(" "):
            value = value[1:]
        return value

    def translate(self, sentences: list[str]) -> list[str]:
        """Translate line-for-line; batches group similar lengths, order is restored."""
        out = [""] * len(sentences)
        todo = [(i, self.tokenizer.encode(s.strip())) for i, s in enumerate(sentences)
                if s.strip()]
        todo.sort(key=lambda item: (self._bound(len(item[1])), len(item[1])))
        batches: list[list[tuple[int, list[str]]]] = []
        for item in todo:
            if batches and (len(batches[-1]) >= self.batch_size
                            or self._bound(len(item[1])) != self._bound(len(batches[-1][0][1]))):
                batches.append([])
            if not batches:
                batches.append([])
            batches[-1].append(item)
        if self.inter_threads > 1:  # keep every worker thread busy: submit all, then collect
            pending = [(batch, self._submit(batch, asynchronous=True)) for batch in batches]
            for batch, results in pending:
                self._collect(batch, [r.result() for r in results], out)
        else:
            for batch in batches:
                self._run(batch, out)
        return out

    def _submit(self, batch: list[tuple[int, list[str]]], asynchronous: bool = False) -> Any:
        tokens = [toks for _, toks in batch]
        prefix = self.package.target_prefix
        return self.model.translate_batch(
            tokens,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            replace_unknowns=True,
            beam_size=max(1, self.beam_size),
            num_hypotheses=1,
            length_penalty=self.length_penalty,
            max_decoding_length=self._bound(len(tokens[0])),
            asynchronous=asynchronous,
        )

    def _run(self, batch: list[tuple[int, list[str]]], out: list[str]) -> None:
        """Translate one batch synchronously into `out` (tests count calls through here)."""
        self._collect(batch, self._submit(batch), out)

    def _collect(self, batch: list[tuple[int, list[str]]], results: list[Any],
                 out: list[str]) -> None:
        self.calls += 1
        self.sentences_translated += len(batch)
        for (i, _), res in zip(batch, results, strict=True):
            out[i] = self._detok(res.hypotheses[0])
