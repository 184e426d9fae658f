"""Build small (or real-size) random-weight Argos packages for tests and benchmarks.

A real .argosmodel is a zip of one folder holding metadata.json, a CTranslate2 `model/`
and a `sentencepiece.model`. We train the SentencePiece model in memory on generated
Persian/Arabic/English text and fill a CTranslate2 TransformerSpec with seeded random
weights, so the package loads and translates exactly like a downloaded one (the output is
gibberish, but deterministic) without any network access.
"""

from __future__ import annotations

import io
import json
import random
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

_FA = "کتاب خانه مردم شهر ایران امروز دیروز سال روز کار زبان ترجمه نویسنده شعر دانشگاه دولت".split()
_AR = "الكتاب البيت الناس المدينة اليوم أمس السنة العمل اللغة الترجمة الكاتب الشعر الجامعة".split()
_EN = "the book house people city today yesterday year work language translation writer poem".split()


def generated_sentences(n: int = 400, seed: int = 0) -> list[str]:
    """Mixed Persian/Arabic/English lines with digits and punctuation, deterministic."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = [_FA, _AR, _EN][i % 3]
        line = " ".join(rng.choice(words) for _ in range(rng.randint(3, 12)))
        if rng.random() < 0.3:
            line += f" {rng.randint(1, 2024)}"
        out.append(line + rng.choice([".", "!", "?", "،", "؟"]))
    return out


def train_sentencepiece(lines: Iterable[str], vocab_size: int, seed: int = 0) -> bytes:
    """Train a SentencePiece unigram model in memory and return its serialized bytes."""
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(lines)), model_writer=buf, vocab_size=vocab_size,
        model_type="unigram", character_coverage=1.0, hard_vocab_limit=False,
        num_threads=1, minloglevel=2,
    )
    return buf.getvalue()


def _sinusoids(length: int, dim: int) -> np.ndarray:
    pos = np.arange(length)[:, None]
    inv = np.exp(-np.log(10000.0) * np.arange(0, dim, 2) / dim)[None, :]
    enc = np.zeros((length, dim), dtype=np.float32)
    enc[:, 0::2] = np.sin(pos * inv)
    enc[:, 1::2] = np.cos(pos * inv)
    return enc


def build_model_dir(out_dir: Path, vocab: list[str], *, layers: int = 2, d_model: int = 64,
                    heads: int = 4, ffn: int = 128, seed: int = 0,
                    quantization: str | None = None) -> Path:
    """Save a random-weight CTranslate2 Transformer with a shared vocabulary to out_dir."""
    from ctranslate2.specs import transformer_spec as ts

    rng = np.random.default_rng(seed)
    spec = ts.TransformerSpec.from_config((layers, layers), heads)
    v = len(vocab)

    def rand(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) / np.sqrt(shape[-1])).astype(np.float32)

    def lin(s, out: int, inp: int) -> None:
        s.weight = rand(out, inp)
        s.bias = np.zeros(out, dtype=np.float32)

    def norm(s) -> None:
        s.gamma = np.ones(d_model, dtype=np.float32)
        s.beta = np.zeros(d_model, dtype=np.float32)

    def ffn_block(s) -> None:
        norm(s.layer_norm)
        lin(s.linear_0, ffn, d_model)
        lin(s.linear_1, d_model, ffn)

    emb = rand(v, d_model)
    pos = _sinusoids(1024, d_model)
    enc, dec = spec.encoder, spec.decoder
    enc.embeddings[0].weight = emb
    enc.position_encodings.encodings = pos
    norm(enc.layer_norm)
    for layer in enc.layer:
        norm(layer.self_attention.layer_norm)
        lin(layer.self_attention.linear[0], 3 * d_model, d_model)
        lin(layer.self_attention.linear[1], d_model, d_model)
        ffn_block(layer.ffn)
    dec.embeddings.weight = emb
    dec.position_encodings.encodings = pos
    norm(dec.layer_norm)
    dec.projection.weight = rand(v, d_model)  # untied: livelier random output
    dec.projection.bias = np.zeros(v, dtype=np.float32)
    for layer in dec.layer:
        norm(layer.self_attention.layer_norm)
        lin(layer.self_attention.linear[0], 3 * d_model, d_model)
        lin(layer.self_attention.linear[1], d_model, d_model)
        norm(layer.attention.layer_norm)
        lin(layer.attention.linear[0], d_model, d_model)
        lin(layer.attention.linear[1], 2 * d_model, d_model)
        lin(layer.attention.linear[2], d_model, d_model)
        ffn_block(layer.ffn)
    spec.register_source_vocabulary(list(vocab))
    spec.register_target_vocabulary(list(vocab))
    spec.validate()
    spec.optimize(quantization=quantization)
    out_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(out_dir))
    return out_dir


def build_package_dir(root: Path, from_code: str = "fa", to_code: str = "en", seed: int = 0,
                      *, lines: Iterable[str] | None = None, vocab_size: int = 300,
                      version: str = "1.0", **model_kw: Any) -> Path:
    """An unzipped package folder `root/translate-fa_en-1_0` ready to zip or copy."""
    import sentencepiece as spm

    folder = root / f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    folder.mkdir(parents=True)
    sp_bytes = train_sentencepiece(lines or generated_sentences(400, seed), vocab_size, seed)
    (folder / "sentencepiece.model").write_bytes(sp_bytes)
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    vocab = ["<blank>"] + [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    build_model_dir(folder / "model", vocab, seed=seed, **model_kw)
    meta = {
        "package_version": version, "argos_version": "1.0", "from_code": from_code,
        "from_name": {"fa": "Persian", "ar": "Arabic"}.get(from_code, from_code),
        "to_code": to_code, "to_name": "English" if to_code == "en" else to_code,
        "type": "translate", "links": [],
    }
    (folder / "metadata.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return folder


def zip_package(folder: Path, out: Path) -> Path:
    """Zip a package folder the way argospm archives are laid out (one top folder)."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            arc = path.relative_to(folder.parent).as_posix()
            if path.is_dir():
                zf.writestr(arc + "/", b"")
            else:
                zf.write(path, arc)
    return out


def build_tiny_argosmodel(directory: str | Path, from_code: str = "fa", to_code: str = "en",
                          seed: int = 0, version: str = "1.0", **kw: Any) -> Path:
    """Build `translate-fa_en-1_0.argosmodel` in `directory` and return its path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = build_package_dir(Path(tmp), from_code, to_code, seed, version=version, **kw)
        out = directory / f"{folder.name}.argosmodel"
        zip_package(folder, out)
    return out


def patch_argostranslate(ratio: float = 2.0, extra: int = 16, cap: int = 256) -> None:
    """Make `argostranslate.translate` run offline with mlalign's decoding bound.

    Its default sentence splitter (MiniSBD) downloads a model on first use; we replace it
    with one that returns the text as a single sentence (inputs are already sentences).
    Random weights rarely emit end-of-sentence, so every translate_batch call gets the same
    per-sentence `max_decoding_length` mlalign applies; everything else is argostranslate's
    normal path (translate() -> CachedTranslation -> apply_packaged_translation).
    """
    import argostranslate.translate as at
    import ctranslate2

    from mlalign.translate.base import decoding_bound

    class OneSentence:
        def __init__(self, pkg: object) -> None:
            self.pkg = pkg

        def split_sentences(self, text: str, lang: object = None) -> list[str]:
            return [text]

    class BoundedTranslator:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.inner = ctranslate2.Translator(*args, **kwargs)

        def translate_batch(self, tokens: list[list[str]], **kw: object):  # noqa: ANN201
            longest = max(len(t) for t in tokens)
            kw.setdefault("max_decoding_length", decoding_bound(longest, ratio, extra, cap))
            return self.inner.translate_batch(tokens, **kw)

    class Shim:
        Translator = BoundedTranslator

    at.MiniSBDSentencizer = OneSentence
    at.StanzaSentencizer = OneSentence
    at.ctranslate2 = Shim


def _reference_main() -> None:
    """stdin JSON {from, to, sentences} -> stdout JSON list via argostranslate.translate().

    Run in a subprocess with ARGOS_PACKAGES_DIR set, because argostranslate reads its
    settings once at import time.
    """
    import sys

    req = json.loads(sys.stdin.read())
    patch_argostranslate()
    import argostranslate.translate as at

    out = [at.translate(s, req["from"], req["to"]) if s else "" for s in req["sentences"]]
    sys.stdout.write(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    _reference_main()
