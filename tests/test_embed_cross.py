"""The omission cross-encoder: NumPy inference equals the torch model it was trained as,
the shipped adapter reads lost content, its scores are cached, and bad files are refused."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from mlalign.embed.e5_cross import (
    OMISSION_ADAPTER,
    CachedPairScorer,
    E5CrossEncoder,
    pair_pieces,
    read_adapter,
)
from mlalign.errors import ModelError

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

# Written for these tests (not from Tatoeba or NTREX): each original, its faithful English,
# and the English with a clause left out.
CASES = [
    ("ar", "قال الوزير إن الحكومة ستبني ثلاث مدارس جديدة في المدينة قبل نهاية العام المقبل.",
     "The minister said the government will build three new schools in the city before the end of next year.",
     "The minister said the government will build three new schools."),
    ("fa", "پلیس اعلام کرد که دو مرد پس از درگیری در بازار شهر بازداشت شدند و یکی از آنها زخمی شد.",
     "Police said two men were arrested after a fight in the city market and one of them was injured.",
     "Police said two men were arrested after a fight in the city market."),
]


def test_numpy_inference_equals_the_torch_model(tmp_path: Path) -> None:
    """A seeded random adapter, exported by the training script and run by mlalign in
    NumPy, gives the torch model's logits: the file format and the merge are right."""
    torch = pytest.importorskip("torch")
    from train_omission_encoder import build_model, export, pad

    from mlalign.embed.e5_words import E5WordEncoder

    torch.manual_seed(0)
    encoder = E5WordEncoder(layers=(0,), strip_marks=False)
    model = build_model(encoder, rank=4, alpha=8.0, frozen=9)
    with torch.no_grad():
        for m in model.layers[9:]:
            for part in ("q", "k", "v", "ao", "fi", "fo"):
                getattr(m, part).B.normal_(0.0, 0.05)
    path = tmp_path / "adapter.npz"
    export(model, path, {"name": "test-cross", "rank": 4, "alpha": 8.0, "frozen": 9})
    # the exported adapters are float16: run torch with the same rounded values
    with torch.no_grad():
        for m in model.layers[9:]:
            for part in ("q", "k", "v", "ao", "fi", "fo"):
                mod = getattr(m, part)
                mod.A.copy_(mod.A.half().float())
                mod.B.copy_(mod.B.half().float())
        pairs = [(src, tgt) for _, src, tgt, _ in CASES] + [(src, cut) for _, src, _, cut in CASES]
        ids, mask = pad(encoder, [pair_pieces(encoder, s, t) for s, t in pairs])
        expected = model(ids, mask).numpy()
    got = E5CrossEncoder(path).score(pairs)
    assert np.abs(got - expected).max() < 1e-3
    assert np.ptp(got) > 0.01  # the adapter does move the scores


@pytest.mark.parametrize(("lang", "src", "faithful", "cut"), CASES, ids=[c[0] for c in CASES])
def test_the_shipped_adapter_reads_a_clause_left_out(lang: str, src: str, faithful: str,
                                                      cut: str) -> None:
    scores = E5CrossEncoder().score([(src, faithful), (src, cut)])
    # The calibration reads the logit by rank, not by its sign: the cut must stand far above
    # the faithful English (the shipped adapter: 8.5 logits in Arabic, 3.6 in Persian).
    assert scores[1] > scores[0] + 2.0
    assert scores[0] < -2.0


def test_the_shipped_adapter_says_how_it_was_made() -> None:
    meta, arrays = read_adapter(OMISSION_ADAPTER)
    assert {"rank", "alpha", "frozen", "data", "seed"} <= set(meta)
    assert "Tatoeba" in meta["data"]
    assert arrays["head.w"].shape == (384,)
    assert E5CrossEncoder().name.startswith(meta["name"])


def test_scores_are_cached_and_identical_warm(tmp_path: Path) -> None:
    _, src, faithful, cut = CASES[0]
    cold = CachedPairScorer(E5CrossEncoder(), tmp_path)
    first = cold.score([(src, faithful), (src, cut), (src, faithful)])
    assert cold.computed == 2
    warm = CachedPairScorer(E5CrossEncoder(), tmp_path)
    assert np.array_equal(warm.score([(src, cut), (src, faithful)]), first[[1, 0]])
    assert warm.computed == 0


def test_a_missing_or_foreign_adapter_file_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not found"):
        E5CrossEncoder(tmp_path / "none.npz")
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="not a cross-encoder adapter"):
        E5CrossEncoder(bad)
    wrong = tmp_path / "wrong.npz"
    np.savez(wrong, meta=np.array(json.dumps({"rank": 2, "alpha": 2})),
             **{"l11.q.A": np.zeros((5, 2), np.float16), "l11.q.B": np.zeros((2, 5), np.float16),
                "head.w": np.zeros(384, np.float32), "head.b": np.zeros(1, np.float32)})
    with pytest.raises(ModelError, match="does not fit"):
        E5CrossEncoder(wrong).score([("سلام", "Hello")])


def test_an_audit_names_the_cross_encoder_in_the_omission_flag() -> None:
    """Through detect_drift: the cross-encoder's reading is a signal of the bead, counts as
    omission evidence and is quoted in the flag, so the reader sees why."""
    from mlalign.drift import detect_drift
    from mlalign.drift.omission import omission_evidence
    from mlalign.embed import default_embedder
    from mlalign.types import Bead

    lang, src, faithful, cut = CASES[0]
    beads = [Bead([0], [0], src, faithful), Bead([1], [1], src, cut)]
    detect_drift(beads, lang, default_embedder())
    assert beads[1].signals["x_omit"] > beads[0].signals["x_omit"] + 1.0
    assert beads[1].kinds["omission"] > beads[0].kinds["omission"]
    flags = [f for f in beads[1].flags if f.type == "omission"]
    assert flags and "read together with the original" in flags[0].detail
    assert omission_evidence({"x_omit": 3.0}) > omission_evidence({"x_omit": -3.0}) == 0.0
