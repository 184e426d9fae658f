"""A figure kept with another bound: نحو ٤٠ في المائة ("about 40 percent") made "more than
40 percent", بیش از ۱۰۰ نفر ("over 100 people") made "fewer than 100". The number check
compares values only, so the figure matched and the change went unseen.

Only a qualifier written right before a figure in digits counts, and only when both sides
qualify the same figure, in two classes that disagree: about against more or less, more
against less. "nearly" and "almost" (a little less) disagree with "more" only. A bound one
side drops ("about 40" made "40") is the translator's latitude and is left alone."""

from __future__ import annotations

import re
from collections.abc import Callable

from mlalign.drift.base import norm_arabic, strip_diacritics, to_ascii_digits

ABOUT, NEARLY, MORE, LESS = "about", "nearly", "more than", "less than"
_DISAGREE = {frozenset((ABOUT, MORE)), frozenset((ABOUT, LESS)), frozenset((MORE, LESS)),
             frozenset((NEARLY, MORE))}

_EN = {
    ABOUT: ("about", "around", "approximately", "roughly", "some", "circa", "an estimated",
            "approx."),
    NEARLY: ("nearly", "almost", "close to", "just under", "just shy of"),
    MORE: ("more than", "over", "upwards of", "in excess of", "at least", "exceeding",
           "no fewer than", "no less than", "just over"),
    LESS: ("less than", "fewer than", "under", "at most", "no more than", "below"),
}
# the original's phrases as written; normalised (and zero-width non-joiners dropped) below
_SRC = {
    ABOUT: ("نحو", "حوالي", "حوالى", "زهاء", "ما يقارب", "ما يناهز", "قرابة", "حدود", "در حدود",
            "حدودا", "حدوداً", "تقریبا", "تقریباً", "تقريبا", "قریب به"),
    NEARLY: ("نزدیک به", "ما يقرب من"),
    MORE: ("أكثر من", "ما يزيد على", "ما يزيد عن", "أزيد من", "ما يربو على", "ما لا يقل عن",
           "لا يقل عن", "بیش از", "بیشتر از", "متجاوز از", "بالای", "فوق"),
    LESS: ("أقل من", "ما يقل عن", "ما لا يزيد على", "ما لا يزيد عن", "لا يتجاوز", "کمتر از",
           "کم‌تر از", "زیر"),
}


def _pattern(phrases: dict[str, tuple[str, ...]], prep: Callable[[str], str],
             prefix: str = "") -> re.Pattern[str]:
    """The phrases, any spacing between their words, right before a figure in digits."""
    alts = sorted({prep(p): None for ps in phrases.values() for p in ps}, key=len, reverse=True)
    number = r"[$£€]?\s?(\d[\d,٬]*(?:[.٫]\d+)?)"
    words = (r"\s+".join(map(re.escape, a.split())) for a in alts)
    return re.compile(rf"(?<![^\W\d_]){prefix}({'|'.join(words)})\s+{number}")


def _prep_src(text: str) -> str:
    return norm_arabic(strip_diacritics(to_ascii_digits(text))).replace("\u200c", "")


def _prep_en(text: str) -> str:
    return to_ascii_digits(text).lower()


_CLASS_EN = {_prep_en(p): k for k, ps in _EN.items() for p in ps}
_CLASS_SRC = {_prep_src(p): k for k, ps in _SRC.items() for p in ps}
_RE_EN = _pattern(_EN, _prep_en)
_RE_SRC = _pattern(_SRC, _prep_src, prefix="(?:و)?")  # وأكثر من: "and more than"


def bounds(text: str, lang: str) -> dict[float, set[str]]:
    """Each figure in digits a text qualifies, with its classes of bound."""
    prep, pattern, classes = ((_prep_en, _RE_EN, _CLASS_EN) if lang == "en"
                              else (_prep_src, _RE_SRC, _CLASS_SRC))
    out: dict[float, set[str]] = {}
    for m in pattern.finditer(prep(text)):
        digits = m.group(2).replace(",", "").replace("٬", "").replace("٫", ".")
        try:
            value = float(digits)
        except ValueError:
            continue
        out.setdefault(value, set()).add(classes[" ".join(m.group(1).split())])
    return out


def changed_bound(src: str, tgt: str, lang: str) -> tuple[str, str] | None:
    """("about 40", "more than 40") where both sides bound one figure and disagree."""
    s, t = bounds(src, lang), bounds(tgt, "en")
    for value in sorted(s.keys() & t.keys()):
        for a in sorted(s[value]):
            for b in sorted(t[value]):
                if frozenset((a, b)) in _DISAGREE and not s[value] & t[value]:
                    return f"{a} {value:g}", f"{b} {value:g}"
    return None
