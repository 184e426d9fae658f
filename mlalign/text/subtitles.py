"""Subtitle files (SubRip .srt, WebVTT .vtt) as text: only what the viewer reads.

A subtitle file is recognised by its CONTENT, not its name: a `WEBVTT` header, or cues
("12" / "00:01:02,500 --> 00:01:04,000" / text lines) making up most of its blocks. A
prose text that merely mentions a time range is left alone: it has no `-->` timing line
opening a cue, or its cues are the minority of its blocks. Cue numbers, timing lines,
WebVTT NOTE/STYLE/REGION blocks and formatting tags (<i>, <font ...>, {\\an8}, <v Name>)
are dropped; each cue's lines are joined into one line.

Cue boundaries: a sentence often runs on across cues ("...on the Silk Road," / "and
merchants came..."). A cue that does not end in sentence punctuation is therefore joined
to the next one, so the splitter sees the whole sentence (half-sentences would pair badly
with a translation that splits its cues elsewhere, and the drift checks would read each
half as an omission). A cue that does end one is a paragraph break, so a paragraph never
spans more than a few cues and a bead stays near the cues it came from. If most cues carry
no sentence punctuation at all, the file does not mark sentences, and each cue is its own
paragraph (otherwise the whole film would become one run-on).
"""

from __future__ import annotations

import re

_TIME = r"(?:\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3}"
TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s.*)?$")
_CUE_NUMBER = re.compile(r"^\s*\d{1,7}\s*$")
_VTT_HEADER = re.compile(r"^\ufeff?WEBVTT(?:[ \t].*)?$")
_VTT_META = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t].*)?$")
_TAG = re.compile(r"</?(?:[ibu]|font|c|v|lang|ruby|rt|span)(?:[.\s][^<>]*)?>|<\d[\d:.,]*>|\{\\[^{}]*\}",
                  re.IGNORECASE)
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^<>]+)>")  # WebVTT <v Host>: kept as "Host:"
_SENTENCE_END = re.compile(r"[.!?؟…۔][\"'”’»)\]]*$")
MAX_JOINED_CUES = 4


def _blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks, as lists of stripped lines."""
    blocks: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _cue_text(block: list[str]) -> tuple[bool, bool, list[str]]:
    """(is a cue, is numbered, its text lines) for one block. A block may hold several cues
    when a file lost its blank lines: every later timing line (with the number before it)
    starts a new cue, and their texts are returned in order, each as one line."""
    timing = [i for i, line in enumerate(block) if TIMING.match(line)]
    if not timing or timing[0] > 1:
        return False, False, []
    numbered = timing[0] == 1 and bool(_CUE_NUMBER.match(block[0]))
    texts: list[str] = []
    for k, t in enumerate(timing):
        end = timing[k + 1] if k + 1 < len(timing) else len(block)
        lines = block[t + 1:end]
        if k + 1 < len(timing) and lines and _CUE_NUMBER.match(lines[-1]):
            lines = lines[:-1]  # the next cue's number
        joined = " ".join(" ".join(_TAG.sub("", _VOICE.sub(r"\1: ", line)).split())
                          for line in lines).strip()
        if joined:
            texts.append(joined)
    return True, numbered, texts


def subtitle_format(text: str) -> str | None:
    """"vtt" or "srt" when `text` is a subtitle file (see module docstring), else None."""
    return _parse(text)[0]


def subtitle_cues(text: str) -> list[str] | None:
    """The text of each cue (its lines joined), in order; None if `text` is no subtitle file."""
    return _parse(text)[1]


def _parse(text: str) -> tuple[str | None, list[str] | None]:
    if "-->" not in text:
        return None, None
    blocks = _blocks(text)
    if not blocks:
        return None, None
    vtt = bool(_VTT_HEADER.match(blocks[0][0]))
    if vtt:
        blocks = blocks[1:]
    cues: list[str] = []
    n_cues = numbered = stray = 0
    for block in blocks:
        if vtt and _VTT_META.match(block[0]):
            continue
        is_cue, is_numbered, texts = _cue_text(block)
        if not is_cue:
            stray += 1
            continue
        n_cues += 1
        numbered += is_numbered
        cues.extend(texts)
    if n_cues == 0 or stray > 0.25 * n_cues:
        return None, None
    if not vtt and numbered < 0.5 * n_cues:
        return None, None  # SubRip numbers its cues; timings alone are not enough
    return ("vtt" if vtt else "srt"), cues


def cue_paragraphs(cues: list[str]) -> list[str]:
    """Cues grouped into paragraphs: a cue left unfinished (no sentence punctuation at its
    end) runs on into the next, up to MAX_JOINED_CUES; see the module docstring for why."""
    if sum(1 for c in cues if _SENTENCE_END.search(c)) < 0.5 * len(cues):
        return list(cues)
    paras: list[str] = []
    run: list[str] = []
    for cue in cues:
        run.append(cue)
        if _SENTENCE_END.search(cue) or len(run) >= MAX_JOINED_CUES:
            paras.append(" ".join(run))
            run = []
    if run:
        paras.append(" ".join(run))
    return paras
