"""Clause splitting and per-bead similarity signals shared by omission, addition, replacement
and length. Clauses come from the text layer's splitter and are joined where too short, so
partial omissions show up as one clause with no counterpart."""

from __future__ import annotations

import functools
import math
import re
from typing import Any

import numpy as np

from mlalign.drift.base import ARABIC_SCRIPT, CheckContext, norm_arabic, strip_punctuation, words
from mlalign.text.rules_arabic import CLAUSE_CONJUNCTIONS as AR_FA_CONJUNCTIONS
from mlalign.text.rules_english import CLAUSE_CONJUNCTIONS as EN_CONJUNCTIONS
from mlalign.text.split import split_clauses as text_clauses

STOP_EN = set("""the a an of to in on at for from by with and or but is are was were be been
being this that these those it its he she they them his her their we our you your i as
has have had will would can could may might should do does did not no so than then there
which who whom what when where while after before about into over under also more most
said says just up out said""".split())
# Arabic and Persian function words, as folded by norm_arabic
FUNCTION_AR_FA = {norm_arabic(w) for w in """
في من على إلى الى عن أن ان إن و أو او ثم هذا هذه ذلك تلك التي الذي الذين اللذين كان كانت
قد لا ما مع كل بعد قبل عند بين حتى هو هي هم هما نحن أنا وقد وفي ومن وهو وهي به له لها فيه
منه عليه إلا أي لم لن ليس إذا اذا كما أيضا أيضًا حيث بأن لأن وأن فإن وإن هناك
و در به از که را با این آن برای است بود شد می تا یا هم بر هر او ما آنها یک خود اند کرد کند
شده های ها نیز اما ولی اگر چه چون وی ای آن‌ها این‌ها شود باشد دارد است، بوده
""".split()}


_LETTER = re.compile(r"[^\W\d_]")


def is_content_word(raw: str, lang: str, stop_en: set[str] = STOP_EN) -> bool:
    """Whether a whitespace word carries content: letters, two or more, not a function word."""
    w = strip_punctuation(raw)
    if len(w) < 2 or not _LETTER.search(w):
        return False
    if lang == "en":  # Arabic script quoted in the English is the untranslated check's
        return w.lower() not in stop_en and not ARABIC_SCRIPT.search(w)
    return norm_arabic(w) not in FUNCTION_AR_FA


def content_count(text: str, lang: str) -> int:
    """How many words of `text` carry content."""
    return sum(is_content_word(w, lang) for w in text.split())


def _conjunction_cut(before: str, part: str, lang: str) -> bool:
    """Whether the text layer cut before `part` at a conjunction (not at punctuation)."""
    first = part.split(maxsplit=1)[0].casefold() if part.strip() else ""
    conjunctions = EN_CONJUNCTIONS if lang == "en" else AR_FA_CONJUNCTIONS
    return first in conjunctions and before.rstrip()[-1:] not in ",;:،؛"


def split_clauses(text: str, lang: str, min_words: int = 3, min_content: int = 0) -> list[str]:
    """Split a sentence into clauses; fragments shorter than `min_words` join a neighbour,
    and so does a cut before a conjunction that leaves either side fewer than
    `min_content` content words: such an "and" often joins two nouns, not two clauses
    ("An examination of evidence | and the actions of Americans ... confirms")."""
    parts = [p for p in text_clauses(text, lang) if p.strip()]
    out: list[str] = []
    for part in parts:
        if out and (len(words(part)) < min_words or len(words(out[-1])) < min_words):
            out[-1] = f"{out[-1]} {part}"
        elif (out and _conjunction_cut(out[-1], part, lang)
              and min(content_count(part, lang), content_count(out[-1], lang)) < min_content):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out or ([text.strip()] if text.strip() else [])


def segments(text: str, lang: str, min_words: int = 3, max_words: int = 10,
             min_content: int = 0) -> list[str]:
    """Clauses, with long ones cut into balanced word chunks: a dropped phrase inside one
    long clause then leaves a chunk without a counterpart instead of vanishing in the mean."""
    out: list[str] = []
    for clause in split_clauses(text, lang, min_words, min_content):
        toks = clause.split()
        if len(toks) <= max_words:
            out.append(clause)
            continue
        n = -(-len(toks) // max_words)
        size = -(-len(toks) // n)
        out += [" ".join(toks[i:i + size]) for i in range(0, len(toks), size)]
    return out


def length_units(text: str) -> int:
    """Letters and digits only, so punctuation and spacing habits do not move the ratio."""
    return len(re.sub(r"[\W_]", "", text))


LENGTH_PRIOR = 30  # letters, about five words (dev data: 5 and 15 did worse on NTREX and Tatoeba)


def log_length_ratio(src: str, tgt: str) -> float:
    """Log of English to original length, each side padded by LENGTH_PRIOR letters: a
    sentence of a few words says little about how long its translation should be (Arabic
    "قتل بالسيف" is "He was killed with a sword")."""
    return math.log((length_units(tgt) + LENGTH_PRIOR) / (length_units(src) + LENGTH_PRIOR))


def _best(vec: np.ndarray, others: list[np.ndarray]) -> float:
    if not others:
        return 0.0
    return float(max(float(vec @ o) for o in others))


def coverage(ctx: CheckContext, side: list[str], other: list[str], other_full: str,
             min_words: int) -> tuple[float, str]:
    """The weakest clause of `side`: its best cosine to any clause of the other side or to
    the whole other side. Low means some part has no counterpart."""
    targets = [v for v in (ctx.vec(t) for t in [*other, other_full]) if v is not None]
    best, weakest = 1.0, ""
    for clause in side:
        if len(words(clause)) < min_words:
            continue
        v = ctx.vec(clause)
        if v is not None:
            score = _best(v, targets)
            if score < best:
                best, weakest = score, clause
    return best, weakest


_EN_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]")
_SRC_BREAK = re.compile(r"[.!?؟][\"'”»)]*\s+\S")


def extra_sentences(src: str, tgt: str) -> float:
    """1.0 when the English holds more sentences than the original: a sentence the
    original does not have (an addition), whose clause match can still look fine."""
    return float(len(_EN_BREAK.findall(tgt)) > len(_SRC_BREAK.findall(src)))


_END = re.compile(r"[.!?؟۔…\"'»”)\]]\s*$")


def looks_cut(src: str, tgt: str) -> float:
    """1.0 when the English reads as a fragment: it starts mid-sentence (lower case) or
    lacks the sentence-final punctuation the original has. A cut translation is an omission
    that similarity alone, on a long sentence, hardly sees."""
    t, s = tgt.strip(), src.strip()
    starts_low = bool(re.match(r"^[\"“'‘(]?[a-z]", t))
    return float(starts_low or (bool(_END.search(s)) and not _END.search(t)))


def content_words(text: str, lang: str) -> set[str]:
    """Lower-cased content-word stems (first 5 letters) for mt-vs-English word coverage."""
    toks = [t.lower() for t in words(text)]
    if lang == "en":
        return {t[:5] for t in toks if len(t) > 2 and t not in STOP_EN and not t.isdigit()}
    return {norm_arabic(t)[:5] for t in toks if len(t) > 2}


def word_coverage(a: str, b: str) -> float:
    """Share of a's content words that appear in b (1.0 when a has none)."""
    wa, wb = content_words(a, "en"), content_words(b, "en")
    return len(wa & wb) / len(wa) if wa else 1.0


@functools.cache
def mt_metrics() -> tuple[Any, Any]:
    """sacrebleu's sentence-level chrF and BLEU (effective n-gram order), built once."""
    from sacrebleu.metrics import BLEU, CHRF

    return CHRF(), BLEU(effective_order=True)


# (centre, spread) of clean pairs, used until a calibration file gives this pair's own
CLEAN_DEFAULTS: dict[str, tuple[float, float]] = {
    "cos": (0.86, 0.035), "len": (0.15, 0.18), "cov_src": (0.84, 0.04), "cov_tgt": (0.84, 0.04)}


def raw_signals(ctx: CheckContext, src: str, tgt: str, mt: str | None) -> dict[str, float]:
    """The bead's signals before they are set against clean pairs (no z values yet)."""
    cfg = ctx.config
    src_cl, tgt_cl = ctx.clauses.get(ctx.index, ([src], [tgt]))
    vs, vt = ctx.vec(src), ctx.vec(tgt)
    cov_s, weak_s = coverage(ctx, src_cl, tgt_cl, tgt, cfg.clause_min_words)
    cov_t, weak_t = coverage(ctx, tgt_cl, src_cl, src, cfg.clause_min_words)
    ctx.notes[ctx.index] = {"weak_src": weak_s, "weak_tgt": weak_t}
    sig = {
        "cos": float(vs @ vt) if vs is not None and vt is not None else 0.0,
        "len": log_length_ratio(src, tgt),
        "cov_src": cov_s,
        "cov_tgt": cov_t,
        "fragment": looks_cut(src, tgt),
        "one_clause": float(len(src_cl) == 1 and len(tgt_cl) == 1),
        "more_sentences": extra_sentences(src, tgt),
    }
    if mt is not None and mt.strip():
        chrf, bleu = mt_metrics()
        sig["mt_chrf"] = float(chrf.sentence_score(tgt, [mt]).score) / 100.0
        sig["mt_bleu"] = float(bleu.sentence_score(tgt, [mt]).score) / 100.0  # evidence only
        sig["mt_cov"] = word_coverage(mt, tgt)  # mt words the English kept
        sig["tgt_cov"] = word_coverage(tgt, mt)  # English words the mt has
        vm = ctx.vec(mt)
        if vm is not None and vt is not None:
            sig["mt_cos"] = float(vm @ vt)
    return sig


def standardise(sig: dict[str, float], ctx: CheckContext) -> dict[str, float]:
    """Add each centred signal's z value: standard deviations from clean pairs, around
    this document's centre when `ctx.centres` has one."""
    for name, default in CLEAN_DEFAULTS.items():
        centre, spread = ctx.stat(name, default)
        sig[f"{name}_z"] = (sig[name] - centre) / spread
    return sig
