"""Translate with an installed Argos package directly through CTranslate2 + SentencePiece.

`argostranslate.translate` imports stanza and torch and runs a sentence splitter that may
download models; mlalign already has sentences, so it loads the package's `model/` and
tokenizer itself and translates in length-sorted batches. Decoding parameters mirror
argostranslate's `apply_packaged_translation` (beam 4, length_penalty 0.2,
replace_unknowns, target_prefix, the same detokenisation) so outputs are identical.

A sentence longer than `max_source_tokens` is the exception: the models are trained on
sentence-length inputs and decoding stops at `max_decoding_length`, so a long unpunctuated
sentence (classical prose, legal text) would come back cut short without a word. It is
translated in pieces instead (`split_long`), and the piece translations are joined.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from typing import Any

from mlalign.errors import ModelError
from mlalign.translate.base import decoding_bound
from mlalign.translate.packages import InstalledPackage

COMPUTE_FALLBACKS = ("int8", "int8_float32", "auto", "float32")
# Longest source translated whole, in tokens: near the length filters Argos/OpenNMT models
# are trained with, and its translation fits the 256-token decoding cap with room to spare.
MAX_SOURCE_TOKENS = 150
_CONJUNCTIONS = ("و", "ثم", "أو", "او", "أم", "لكن", "ولكن", "بل", "أما", "اما", "ولی",
                 "ولي", "یا", "سپس", "بلکه", "and", "but", "or", "then", "so", "yet")
# Where a long sentence may be cut, best first: after clause or sentence punctuation
# (Arabic marks need no space after them; Latin ones do, so 3.5 or 10:30 stay whole),
# before a standalone conjunction, at any whitespace.
_BREAKS = (
    re.compile(r"(?<=[،؛؟۔])\s*|(?<=[,;:.!?…])\s+"),
    re.compile(r"\s+(?=(?:" + "|".join(_CONJUNCTIONS) + r")\s)", re.IGNORECASE),
    re.compile(r"\s+"),
)


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


def _spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of the non-blank stretches of `text` between matches of `pattern`."""
    spans, start = [], 0
    for m in pattern.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def split_long(text: str, count: Callable[[str], int], limit: int, level: int = 0) -> list[str]:
    """`text` cut into pieces of at most `limit` tokens (as `count` counts them).

    At each level (punctuation, conjunctions, whitespace) neighbouring stretches are packed
    greedily into pieces as long as the limit allows, so each piece keeps as much context as
    it can; a stretch still too long goes to the next level, and a run with no whitespace at
    all is halved until it fits.
    """
    text = text.strip()
    if count(text) <= limit or len(text) < 2:
        return [text]
    if level == len(_BREAKS):
        mid = len(text) // 2
        return split_long(text[:mid], count, limit, level) + split_long(text[mid:], count, limit,
                                                                         level)
    spans = _spans(text, _BREAKS[level])
    sizes = [count(text[a:b]) for a, b in spans]  # additive at whitespace, near enough elsewhere
    pieces: list[tuple[int, int]] = []
    total = 0
    for (a, b), size in zip(spans, sizes, strict=True):
        if pieces and total + size <= limit:
            pieces[-1] = (pieces[-1][0], b)
            total += size
        else:
            pieces.append((a, b))
            total = size
    return [q for a, b in pieces for q in split_long(text[a:b], count, limit, level + 1)]


class ArgosTranslator:
    """Batched CTranslate2 translation with an Argos package's model and tokenizer."""

    def __init__(self, package: InstalledPackage, *, beam_size: int = 4, batch_size: int = 64,
                 threads: int = 0, intra_threads: int | None = None,
                 inter_threads: int | None = None, compute_type: str = "int8",
                 device: str = "cpu", length_ratio: float = 2.0, length_extra: int = 16,
                 max_decoding_length: int = 256, length_penalty: float = 0.2,
                 max_source_tokens: int = MAX_SOURCE_TOKENS) -> None:
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
        self.max_source_tokens = max(1, max_source_tokens)
        self.name = f"argos:{package.package_id}-{package.version}"
        self.calls = 0  # translate_batch invocations (tests count cache hits with it)
        self.sentences_translated = 0
        self.pieces_translated = 0  # model inputs: a long sentence gives several
        self.split_sentences = 0  # sentences translated in pieces
        self.truncated = 0  # sentences whose translation (a piece of it) hit the decoding bound
        self._cut: list[bool] = []  # per piece of the current translate() call
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
            "max_source_tokens": self.max_source_tokens,
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

    def _pieces(self, sentence: str) -> list[list[str]]:
        """The token lists a sentence is translated as: itself, or its pieces if too long."""
        tokens = self.tokenizer.encode(sentence)
        if len(tokens) <= self.max_source_tokens:
            return [tokens]
        self.split_sentences += 1
        parts = split_long(sentence, lambda t: len(self.tokenizer.encode(t)),
                           self.max_source_tokens)
        return [self.tokenizer.encode(p) for p in parts]

    def translate(self, sentences: list[str]) -> list[str]:
        """Translate line-for-line; batches group similar lengths, order is restored."""
        owner: list[int] = []  # piece j belongs to sentence owner[j]
        todo: list[tuple[int, list[str]]] = []
        for i, s in enumerate(sentences):
            if s.strip():
                for tokens in self._pieces(s.strip()):
                    todo.append((len(owner), tokens))
                    owner.append(i)
        self.sentences_translated += len(set(owner))
        out = [""] * len(owner)
        self._cut = [False] * len(owner)
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
        joined: list[list[str]] = [[] for _ in sentences]
        for j, i in enumerate(owner):
            joined[i].append(out[j])
        self.truncated += len({owner[j] for j, c in enumerate(self._cut) if c})
        return [" ".join(p for p in parts if p) for parts in joined]

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
        self.pieces_translated += len(batch)
        bound = self._bound(len(batch[0][1]))
        for (i, _), res in zip(batch, results, strict=True):
            out[i] = self._detok(res.hypotheses[0])
            # max_decoding_length counts the target prefix and an end token: a hypothesis
            # this long never ended, it was cut.
            if len(res.hypotheses[0]) >= bound:
                self._cut[i] = True
