"""The shipped sample (samples/baghdad-isis-threat.*) and its answer key.

Structural tests always run. The end-to-end tests run the whole pipeline on the sample and
check that every planted divergence is flagged on the right bead, and that few other beads
are flagged. They call `mlalign.audit_files` directly: if the pipeline is missing or raises,
they fail, they do not skip.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED_EN = ROOT.parent / "shared" / "samples" / "baghdad-isis-threat.en.txt"
STEM = "baghdad-isis-threat"
LANGS = ("fa", "ar")
KINDS = {"omission", "addition", "number", "entity", "negation"}
HEADING_LINES = (2, 4, 6)  # 1-based line numbers of the section headings
N_LINES = 7  # 4 paragraphs and 3 headings


def sample(lang: str) -> Path:
    return SAMPLES / f"{STEM}.{lang}.txt"


def lines_of(lang: str) -> list[str]:
    return sample(lang).read_bytes().decode("utf-8").splitlines()


def answer_key() -> dict[str, list[dict]]:
    return json.loads((SAMPLES / "answer_key.json").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- structure


@pytest.mark.parametrize("name", [f"{STEM}.en.txt", f"{STEM}.fa.txt", f"{STEM}.ar.txt",
                                  "README.md", "answer_key.json"])
def test_sample_files_exist_and_are_utf8(name: str) -> None:
    path = SAMPLES / name
    assert path.is_file(), f"missing {path}"
    text = path.read_bytes().decode("utf-8")  # strict: raises on invalid UTF-8
    assert "\ufeff" not in text, f"{name} carries a byte-order mark"
    assert "\r" not in text, f"{name} has CR line endings"


@pytest.mark.parametrize("lang", ("en", *LANGS))
def test_same_number_of_nonempty_lines(lang: str) -> None:
    lines = lines_of(lang)
    assert len(lines) == N_LINES, f"{lang}: {len(lines)} lines"
    assert all(line.strip() for line in lines), f"{lang}: empty line"
    assert all(line == line.strip() for line in lines), f"{lang}: stray spaces at a line edge"


@pytest.mark.parametrize("lang", ("en", *LANGS))
def test_headings_stay_headings(lang: str) -> None:
    lines = lines_of(lang)
    for n in HEADING_LINES:
        heading = lines[n - 1]
        assert not re.search(r"[.!?؟]$", heading), f"{lang} line {n} is not a heading"
        assert len(heading) < 120, f"{lang} line {n} is too long for a heading"
    for n in range(1, N_LINES + 1):
        if n not in HEADING_LINES:
            assert re.search(r"[.!?؟]$", lines[n - 1]), f"{lang} line {n} is not a paragraph"


def test_english_is_the_supplied_file() -> None:
    if not SHARED_EN.is_file():
        pytest.skip(f"{SHARED_EN} is not available")
    assert sample("en").read_bytes() == SHARED_EN.read_bytes()


def test_persian_orthography() -> None:
    text = sample("fa").read_text(encoding="utf-8")
    assert not re.search("[\u064a\u0643\u0649]", text), "Arabic yeh/kaf/alef maqsura in Persian"
    assert not re.search("[0-9\u0660-\u0669]", text), "non-Persian digits in Persian"
    assert re.search("[\u06f0-\u06f9]", text)
    assert "\u200c" in text, "no ZWNJ at all: می‌/ها‌ forms are written with it"
    assert not re.search(r"(?<![\w\u200c])(?:می|نمی) ", text), "detached می/نمی prefix"


def test_arabic_orthography() -> None:
    text = sample("ar").read_text(encoding="utf-8")
    assert not re.search("[\u06cc\u06a9\u06af\u067e\u0686\u0698]", text), "Persian letters in Arabic"
    assert not re.search("[0-9\u06f0-\u06f9]", text), "mixed digit systems in Arabic"
    assert re.search("[\u0660-\u0669]", text)


@pytest.mark.parametrize("lang", LANGS)
def test_answer_key_covers_every_kind_once(lang: str) -> None:
    items = answer_key()[lang]
    kinds = [item["type"] for item in items]
    assert set(kinds) == KINDS, f"{lang}: kinds {sorted(set(kinds))}"
    assert len(kinds) == len(KINDS), f"{lang}: a kind is listed twice"
    for item in items:
        assert set(item) == {"type", "src_snippet", "tgt_snippet", "detail"}
        assert item["detail"].strip()
        if item["type"] == "omission":
            assert item["src_snippet"] and item["tgt_snippet"] is None
        elif item["type"] == "addition":
            assert item["tgt_snippet"] and item["src_snippet"] is None
        else:
            assert item["src_snippet"] and item["tgt_snippet"]


@pytest.mark.parametrize("lang", LANGS)
def test_snippets_occur_exactly_once(lang: str) -> None:
    files = {"src_snippet": lines_of(lang), "tgt_snippet": lines_of("en")}
    for item in answer_key()[lang]:
        for key, lines in files.items():
            snippet = item[key]
            if snippet is None:
                continue
            hits = [n for n, line in enumerate(lines, 1) if snippet in line]
            assert len(hits) == 1, f"{lang} {item['type']} {key} {snippet!r} on lines {hits}"
            assert lines[hits[0] - 1].count(snippet) == 1, f"{snippet!r} twice on one line"
            assert hits[0] not in HEADING_LINES, f"{snippet!r} is in a heading"


@pytest.mark.parametrize("lang", LANGS)
def test_divergences_are_spread_out(lang: str) -> None:
    """The five divergences of a language sit in at least three different paragraphs."""
    lines = {"src_snippet": lines_of(lang), "tgt_snippet": lines_of("en")}
    paragraphs = set()
    for item in answer_key()[lang]:
        key = "src_snippet" if item["src_snippet"] else "tgt_snippet"
        paragraphs |= {n for n, line in enumerate(lines[key], 1) if item[key] in line}
    assert len(paragraphs) >= 3, f"{lang}: divergences only on lines {sorted(paragraphs)}"


# --------------------------------------------------------------------------- end to end


@functools.cache
def run_audit(lang: str):
    import mlalign

    return mlalign.audit_files(Path(sample(lang)), Path(sample("en")), src_lang=lang)


def key_beads(audit, item: dict) -> list:
    """The beads holding an answer-key item: by its original snippet, else its English one."""
    if item["src_snippet"]:
        return [b for b in audit.beads if item["src_snippet"] in b.src]
    return [b for b in audit.beads if item["tgt_snippet"] in b.tgt]


def describe(bead) -> str:
    return (f"bead {bead.src_ids}->{bead.tgt_ids} flags={[f.type for f in bead.flags]}\n"
            f"  src: {bead.src[:160]}\n  tgt: {bead.tgt[:160]}")


@pytest.mark.parametrize("lang", LANGS)
def test_every_planted_divergence_is_flagged(lang: str) -> None:
    audit = run_audit(lang)
    assert audit.beads, "no beads"
    problems: list[str] = []
    for item in answer_key()[lang]:
        beads = key_beads(audit, item)
        label = f"{item['type']} ({item['src_snippet'] or item['tgt_snippet']!r})"
        if len(beads) != 1:
            problems.append(f"{label}: snippet found in {len(beads)} beads")
            continue
        bead = beads[0]
        types = {f.type for f in bead.flags}
        if item["type"] not in types:
            problems.append(f"{label}: no {item['type']} flag on\n{describe(bead)}")
        if item["type"] == "omission" and bead.tgt_ids == [] and bead.tgt.strip():
            problems.append(f"{label}: 1-0 bead with English text\n{describe(bead)}")
        if item["type"] == "addition" and bead.src_ids == [] and bead.src.strip():
            problems.append(f"{label}: 0-1 bead with original text\n{describe(bead)}")
        if item["src_snippet"] and item["tgt_snippet"] and item["tgt_snippet"] not in bead.tgt:
            problems.append(f"{label}: aligned to the wrong English sentence\n{describe(bead)}")
    assert not problems, f"{lang}:\n" + "\n".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_few_other_beads_are_flagged(lang: str) -> None:
    audit = run_audit(lang)
    planted = {id(b) for item in answer_key()[lang] for b in key_beads(audit, item)}
    others = [b for b in audit.beads if b.flags and id(b) not in planted]
    limit = max(2, 0.15 * len(audit.beads))
    assert len(others) <= limit, (
        f"{lang}: {len(others)} flagged beads outside the answer key (limit {limit:g}):\n"
        + "\n".join(describe(b) for b in others))


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_no_medium_or_high_flag_outside_the_answer_key(lang: str) -> None:
    """What a translator acts on first: a low flag is a hint, a medium or high one a claim."""
    audit = run_audit(lang)
    planted = {id(b) for item in answer_key()[lang] for b in key_beads(audit, item)}
    claims = [b for b in audit.beads if id(b) not in planted
              and any(f.severity in ("medium", "high") for f in b.flags)]
    assert not claims, f"{lang}:\n" + "\n".join(describe(b) for b in claims)
