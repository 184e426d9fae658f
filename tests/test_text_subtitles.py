"""Subtitle files (SRT, WebVTT): only the cue text reaches the splitter and the audit."""

from __future__ import annotations

import re

import pytest

from mlalign.text.split import split_document

SRT_AR = """1
00:00:01,000 --> 00:00:04,200
مرحباً بكم في الحلقة الأولى من برنامجنا.

2
00:00:04,500 --> 00:00:08,000
كانت حلب واحدة من أهم محطات طريق الحرير،
وكان التجار يأتون إليها من الصين والهند.

3
00:00:08,300 --> 00:00:12,100
بُنيت القلعة على تلّ يرتفع خمسين متراً.
"""
SRT_EN = """1
00:00:02,300 --> 00:00:05,500
Welcome to the first episode of our programme.

2
00:00:05,800 --> 00:00:09,300
Aleppo was one of the most important stops on the Silk Road,
and merchants came to it from China and India.

3
00:00:09,600 --> 00:00:13,400
The citadel was built on a hill fifty metres high.
"""
_TIMECODE = re.compile(r"\d\d:\d\d|-->")


def _texts(text: str, lang: str) -> list[str]:
    return [s.text for s in split_document(text, lang)]


def test_srt_cue_numbers_and_timings_are_dropped_and_cue_lines_joined() -> None:
    assert _texts(SRT_EN, "en") == [
        "Welcome to the first episode of our programme.",
        "Aleppo was one of the most important stops on the Silk Road, and merchants came to it "
        "from China and India.",
        "The citadel was built on a hill fifty metres high.",
    ]
    ar = _texts(SRT_AR, "ar")
    assert len(ar) == 3 and not any(_TIMECODE.search(s) or s.strip().isdigit() for s in ar)
    assert ar[1] == "كانت حلب واحدة من أهم محطات طريق الحرير، وكان التجار يأتون إليها من الصين والهند."


def test_srt_is_recognised_by_content_whatever_the_line_ends() -> None:
    crlf = SRT_EN.replace("\n", "\r\n")
    assert _texts(crlf, "en") == _texts(SRT_EN, "en")
    assert not any(_TIMECODE.search(s) for s in _texts(crlf, "en"))


def test_a_sentence_running_across_cues_is_one_sentence_and_a_finished_cue_ends_it() -> None:
    srt = ("1\n00:00:01,000 --> 00:00:02,000\nThe war destroyed\n\n"
           "2\n00:00:02,100 --> 00:00:03,000\nmost of the markets.\n\n"
           "3\n00:00:03,100 --> 00:00:04,000\nThey are rebuilt now.\n")
    out = split_document(srt, "en")
    assert [s.text for s in out] == ["The war destroyed most of the markets.",
                                     "They are rebuilt now."]
    assert [s.paragraph for s in out] == [0, 1]


def test_unpunctuated_subtitles_keep_one_paragraph_per_cue() -> None:
    cues = [f"{i}\n00:00:0{i},000 --> 00:00:0{i},900\nline number {i} of the film" for i in range(1, 7)]
    out = split_document("\n\n".join(cues), "en")
    assert [s.text for s in out] == [f"line number {i} of the film" for i in range(1, 7)]


def test_webvtt_header_notes_identifiers_and_tags_are_dropped() -> None:
    vtt = ("WEBVTT - episode one\n\nNOTE made by hand\n\n"
           "intro\n00:01.000 --> 00:04.000 align:start position:10%\n<v Host>Welcome <i>back</i>.\n\n"
           "00:04.500 --> 00:06.000\n{\\an8}We start <00:00:05.000>now.\n")
    assert _texts(vtt, "en") == ["Host: Welcome back.", "We start now."]


def test_srt_without_blank_lines_between_cues() -> None:
    srt = ("1\n00:00:01,000 --> 00:00:02,000\nFirst cue.\n"
           "2\n00:00:02,100 --> 00:00:03,000\nSecond cue.\n")
    assert _texts(srt, "en") == ["First cue.", "Second cue."]


@pytest.mark.parametrize("text", [
    "The meeting ran 10:00 --> 11:30 and then we left.\nNothing else happened.",
    # a document that quotes one cue among its prose paragraphs
    "Subtitles look like this:\n\n1\n00:00:01,000 --> 00:00:03,500\nHello.\n\n"
    "The first line numbers the cue.\n\nThe second line times it.\n\nThe rest is its text.",
    # timing lines alone, without cue numbers or a WEBVTT header
    "Intro\n00:00:01,000 --> 00:00:03,500\nHello.\n\nOutro\n00:00:04,000 --> 00:00:05,500\nBye.",
])
def test_prose_with_a_time_range_is_not_subtitles(text: str) -> None:
    from mlalign.text.subtitles import subtitle_format

    assert subtitle_format(text) is None
    assert any(_TIMECODE.search(s) for s in _texts(text, "en"))


def test_subtitle_audit_has_no_timecode_numbers_and_records_the_form() -> None:
    from mlalign.drift import DriftConfig
    from mlalign.embed import HashingEmbedder
    from mlalign.pipeline import audit_texts

    audit = audit_texts(SRT_AR, SRT_EN, src_lang="ar", embedder=HashingEmbedder(dim=64),
                        drift_config=DriftConfig(word_alignment=False))
    assert len(audit.src_sentences) == len(audit.tgt_sentences) == 3
    for bead in audit.beads:
        assert not _TIMECODE.search(bead.src) and not _TIMECODE.search(bead.tgt)
        assert "number" not in {f.type for f in bead.flags}
    assert audit.provenance["inputs"]["original"]["form"] == "srt"
    assert audit.provenance["inputs"]["english"]["form"] == "srt"


def test_presplit_refuses_a_subtitle_file_with_one_line() -> None:
    """Line i is sentence i under --presplit, so cue numbers and timings became sentences."""
    from mlalign.errors import InputError
    from mlalign.text.split import presplit_lines

    with pytest.raises(InputError, match=r"^x\.srt: is a subtitle file \(srt\); --presplit"):
        presplit_lines(SRT_AR, "x.srt")
    assert [s.text for s in presplit_lines("one\ntwo\n", "x.txt")] == ["one", "two"]
