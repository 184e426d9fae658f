"""Split documents into sentences (with paragraph numbers) for alignment.

Paragraphs: by default every non-blank line is one paragraph (the common shape of
translations saved from editors and of parallel-corpus files). When a document is
hard-wrapped instead — it has blank lines and most of its lines do not end in sentence
punctuation — paragraphs are the blank-line separated blocks and their lines are joined
with a space. `Sentence.paragraph` counts paragraphs from 0.

A "sentence" longer than `LONG_SENTENCE_WORDS` words is a run-on, not a sentence: classical
and legal Arabic often go pages without a full stop. `cut_long_sentence` cuts it into pieces
at clause punctuation first, then before a conjunction, then at a word boundary, so the aligner can pair its parts with the English sentences (a
bead holds at most four sentences a side) and the translator never reads more than its
model was trained on. News sentences stay whole (NTREX's longest has 77 words).

Subtitle files (SRT/WebVTT, recognised by content) are paragraphs of cue text without cue
numbers or timings; `text.subtitles` says how cue boundaries are treated. A speaker label
alone on its line ("Host:", "المذيع:", "مجری:") opens the turn that follows it rather than
being a sentence of its own.

A Word document (form "docx", see `text.worddoc`) comes as one line per Word paragraph:
each non-empty line is a paragraph, never joined to the next by the hard-wrap rule (a
heading without a full stop, or a list item, stays its own paragraph), and its text is not
taken for subtitles.

`presplit_lines` is for files that are already one sentence per line: line i is sentence
i and EMPTY LINES ARE KEPT as empty sentences so the numbering never shifts against the
other side (the aligner treats an empty sentence as an omission/addition candidate).
"""

from __future__ import annotations

import math
import re

from mlalign.errors import InputError
from mlalign.text._rules import LIST_MARKER
from mlalign.text.base import SentenceSplitter
from mlalign.text.normalize import strip_marks
from mlalign.text.rules_arabic import CLAUSE_CONJUNCTIONS as AR_CONJUNCTIONS
from mlalign.text.rules_arabic import ArabicScriptRules
from mlalign.text.rules_english import CLAUSE_CONJUNCTIONS as EN_CONJUNCTIONS
from mlalign.text.rules_english import EnglishRules
from mlalign.text.subtitles import cue_paragraphs, subtitle_cues, subtitle_format
from mlalign.types import Sentence

_ARABIC = ArabicScriptRules()
_ENGLISH = EnglishRules()
_LINE_END = re.compile(r"[.!?؟…۔:\"'”’»)\]]\s*$")
_INNER_BLANK = re.compile(r"\S[^\S\n]*\n\s*\n\s*\S")
# A speaker label on its own line: 1-3 words, no sentence or clause punctuation, a colon.
_LABEL_WORD = r"[^\s.!?؟…۔:：،,;؛\"'“”«»()\[\]]+"
# A letter's opening lines end with a colon too ("Dear Sir:", "Subject:", "جناب آقای …:").
SALUTATION = re.compile(r"^\s*(?:dear|to|re|subject|attn|from|cc|جناب|حضرت|عزیز|السيد|السيدة|"
                        r"سيادة|حضرة|إلى|الى|موضوع|الموضوع|با سلام)\b", re.IGNORECASE)
SPEAKER_LABEL = re.compile(rf"^{_LABEL_WORD}(?:[^\S\n]+{_LABEL_WORD}){{0,2}}[^\S\n]*[:：]$")

LONG_SENTENCE_WORDS = 80
RUN_ON_WORDS = 160
PIECE_WORDS = 40
RUN_ON_PIECE_WORDS = 13
_WORD = re.compile(r"\S+")
_CLAUSE_END = re.compile(r"[,;:،؛]['\"”’»)\]]*$")
# Arabic prose without full stops chains its sentences with و / ف fused to the next word:
# وقال، وكان، فلما. Only these particles and verbs are taken as a sentence's start, since
# many words merely begin with و (وزير، وقت).
_FUSED_OPENERS = frozenset(
    f"{c}{w}" for c in "وف" for w in """قال قالت كان كانت قد لم لا لن لما إن أن إذا هو هي هم
    بعد ثم كذلك أما ليس""".split()
)


def splitter_for(lang: str) -> SentenceSplitter:
    """The rule set for `lang`: Arabic-script rules for ar/fa, English rules otherwise."""
    return _ARABIC if lang in ("ar", "fa") else _ENGLISH


def paragraphs(text: str, form: str = "text") -> list[str]:
    """Cut a document into paragraphs (see module docstring for the line/block rule; a
    "docx" text is one paragraph a line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if form == "docx":
        return attach_speaker_labels([ln.strip() for ln in text.split("\n") if ln.strip()])
    cues = subtitle_cues(text)
    if cues is not None:
        return attach_speaker_labels(cue_paragraphs(cues))
    lines = [ln.strip() for ln in text.split("\n")]
    nonblank = [ln for ln in lines if ln]
    if not nonblank:
        return []
    if len(nonblank) < 4 or not _INNER_BLANK.search(text):
        return attach_speaker_labels(nonblank)
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    unterminated = sum(1 for ln in nonblank if not _LINE_END.search(ln))
    # Hard-wrapped: blocks hold several lines each and most lines stop mid-sentence.
    if len(blocks) <= 0.7 * len(nonblank) and unterminated > 0.5 * len(nonblank):
        return attach_speaker_labels(
            [" ".join(part.split()) for b in blocks for part in _list_items(b)])
    return attach_speaker_labels(nonblank)


def attach_speaker_labels(paras: list[str]) -> list[str]:
    """Join a paragraph that is only a speaker label ("Host:", "المذيع:") to the start of
    the next one: alone it became a sentence the other side lacks (a false omission), or the
    aligner glued it to the end of the previous speaker's turn. Not before a list item or
    another label ("Ingredients:" over a list stays a heading)."""
    labels = [p for p in paras if SPEAKER_LABEL.match(p) and not SALUTATION.match(p)]
    if len(labels) < 2:
        return paras  # one colon line is a heading or a letter's "Dear Sir:", not a dialogue
    out: list[str] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        if (nxt is not None and SPEAKER_LABEL.match(para) and not SALUTATION.match(para)
                and not SPEAKER_LABEL.match(nxt) and not LIST_MARKER.match(nxt)):
            out.append(f"{para} {nxt}")
            i += 2
            continue
        out.append(para)
        i += 1
    return out


def _list_items(block: str) -> list[str]:
    """A hard-wrapped block cut before each line that opens a list item (1. / ۲) / - / •):
    list items carry no final full stop, and joined they read as one sentence. One such
    line alone ("J. Smith said" wrapped to a new line) is no list."""
    lines = block.split("\n")
    if sum(1 for line in lines if LIST_MARKER.match(line) and line.strip()) < 2:
        return [block]
    parts: list[list[str]] = []
    for line in lines:
        if not parts or (LIST_MARKER.match(line) and line.strip()):
            parts.append([])
        parts[-1].append(line)
    return ["\n".join(part) for part in parts if "".join(part).strip()]


# What a post puts after its last sentence: hashtags, mentions, emoji (symbols, their
# variation selectors and joiners) and punctuation.
_TAG_OR_EMOJI = re.compile(r"[#@][\w\u200c_]+|[\u2190-\u2bff\u2600-\u27bf\U0001f000-\U0001faff"
                           r"\ufe0e\ufe0f\u200d\u20e3]")
_NOTHING_ELSE = re.compile(r"[\s\W_]*")


def _tags_only(piece: str) -> bool:
    """A piece made only of hashtags, mentions and emoji ("🎉 #کنکور" after a tweet's "!")."""
    rest, found = _TAG_OR_EMOJI.subn("", piece)
    return bool(found) and bool(_NOTHING_ELSE.fullmatch(rest))


def split_document(text: str, lang: str, form: str = "text") -> list[Sentence]:
    """Split a whole document into sentences, recording each one's paragraph index. Hashtags,
    mentions and emoji after a sentence's end belong to that sentence, not to one of their
    own (a tweet's "… out! 🎉 #Konkur"). `form` is how the text was read
    (`reader.FileText.form`)."""
    rules = splitter_for(lang)
    out: list[Sentence] = []
    for p_index, para in enumerate(paragraphs(text, form)):
        pieces: list[str] = []
        for piece in rules.split_paragraph(para):
            if pieces and _tags_only(piece):
                pieces[-1] = f"{pieces[-1]} {piece.strip()}"
            else:
                pieces.append(piece)
        for piece in pieces:
            out.extend(Sentence(part, p_index) for part in cut_long_sentence(piece, lang))
    return out


def _cut_rank(words: list[re.Match[str]], i: int, conjunctions: frozenset[str]) -> int:
    """How good a place the start of word i is for a cut: 2 after clause punctuation, 1
    before a conjunction, 0 anywhere else."""
    if _CLAUSE_END.search(words[i - 1].group(0)):
        return 2
    word = strip_marks(words[i].group(0))  # classical text writes its vowels: ثُمَّ is ثم
    return 1 if word.casefold() in conjunctions or word in _FUSED_OPENERS else 0


def _pieces(text: str, words: list[re.Match[str]], cuts: list[int]) -> list[str]:
    """The text cut before each word index in `cuts` (the first is 0), as written."""
    ends = [*cuts[1:], len(words)]
    return [text[words[a].start():words[b - 1].end()] for a, b in zip(cuts, ends, strict=True)]


def cut_long_sentence(text: str, lang: str) -> list[str]:
    """A sentence of more than LONG_SENTENCE_WORDS words as pieces; anything shorter unchanged.

    Up to RUN_ON_WORDS it may be a real long sentence whose counterpart is one sentence too,
    so it becomes at most four pieces of about PIECE_WORDS (a bead pairs one sentence with
    four). Beyond that it is a run-on, cut into pieces of about RUN_ON_PIECE_WORDS so that
    each can pair with the English sentence it renders. Each cut takes the best-ranked place
    within 30% of a piece of its even share, the nearest among equals; the pieces keep the
    text as written."""
    words = list(_WORD.finditer(text))
    n = len(words)
    if n <= LONG_SENTENCE_WORDS:
        return [text]
    conjunctions = AR_CONJUNCTIONS if lang in ("ar", "fa") else EN_CONJUNCTIONS
    k = math.ceil(n / (RUN_ON_PIECE_WORDS if n > RUN_ON_WORDS else PIECE_WORDS))
    reach = max(1, int(0.3 * n / k))
    cuts = [0]
    for j in range(1, k):
        ideal = round(j * n / k)
        window = range(max(cuts[-1] + 1, ideal - reach), min(n - 1, ideal + reach) + 1)
        cuts.append(max(window, key=lambda i: (_cut_rank(words, i, conjunctions),
                                               -abs(i - ideal))))
    return _pieces(text, words, cuts)


def cut_at_clauses(text: str, lang: str, min_words: int = 3) -> list[str]:
    """The sentence cut after every clause punctuation mark and before every conjunction
    that opens a clause (ثم، وكان، and), each piece at least `min_words` words; the pieces
    keep the text as written. For a sentence the other side renders in more sentences than a
    bead holds (`align.recut`): the aligner joins pieces again where one sentence renders
    several."""
    words = list(_WORD.finditer(text))
    n = len(words)
    conjunctions = AR_CONJUNCTIONS if lang in ("ar", "fa") else EN_CONJUNCTIONS
    cuts = [0]
    for i in range(min_words, n - min_words + 1):
        if i - cuts[-1] >= min_words and _cut_rank(words, i, conjunctions):
            cuts.append(i)
    return _pieces(text, words, cuts)


def split_sentences(text: str, lang: str) -> list[str]:
    """Split one paragraph (or any text without paragraph structure) into sentence strings."""
    return [s.text for s in split_document(text, lang)]


def split_clauses(text: str, lang: str) -> list[str]:
    """Split a sentence into clauses at , ، ؛ ; : and long-clause conjunctions (for drift)."""
    return splitter_for(lang).split_clauses(text)


def presplit_lines(text: str, name: str, form: str = "text") -> list[Sentence]:
    """One sentence per line, line i → sentence i; empty lines kept as empty sentences.

    A single trailing newline does not create an extra empty sentence; "" gives []. A
    subtitle file is refused (`name` in the message): its cue numbers and timing lines would
    become sentences. A Word document ("docx") gives one sentence per paragraph, empty
    paragraphs kept as empty sentences as a plain file's empty lines are (but not those
    after its last text).
    """
    subtitles = subtitle_format(text) if form != "docx" else None
    if subtitles:
        raise InputError(f"{name}: is a subtitle file ({subtitles}); --presplit takes one sentence per "
                         "line, so its cue numbers and timings would become sentences: run without "
                         "--presplit to read its text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if form == "docx":  # empty paragraphs that end a document shift no numbering
        text = text.rstrip()
    if not text:
        return []
    if text.endswith("\n"):
        text = text[:-1]
    return [Sentence(line.strip(), i) for i, line in enumerate(text.split("\n"))]
