"""Web addresses, e-mail addresses and handles: copied, never translated, so the English
must write each one of the original exactly as it is (a changed domain or mailbox sends the
reader elsewhere). The name checks read words, and the pieces of an address ("arvancloud",
"signup") are all still there when only its ending changed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from urllib.parse import unquote

from mlalign.drift.base import to_ascii_digits

# An e-mail address, a URL with its scheme or www., or a bare domain with a path or a
# known ending (LiverpoolFC.com, weather.com/news, any lower-case country ending: hespress.ma);
# a URL ends at a space, a quotation mark, a bracket or Arabic punctuation.
_TLD = r"(?:com|org|net|edu|gov|int|info|io|news|tv)"
_URL_CHARS = r"[^\s\"'«»“”‘’<>()\[\]،؛؟]"
# A file name is copied as it is too (config.yaml, report_2024.xlsx in a manual or a tweet).
_FILE_EXT = (r"ya?ml|json|txt|csv|tsv|xml|html?|pdf|docx?|xlsx?|pptx?|exe|zip|tar|gz|bat|py|js|"
             r"java|cpp|php|ini|conf|cfg|toml|log|png|jpe?g|gif|svg|mp[34]|wav|apk|dmg|iso|sql")
ADDRESS = re.compile(
    r"(?<![\w@.-])(?:"
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"  # e-mail
    rf"|(?:https?://|www\.){_URL_CHARS}+"  # URL with a scheme or www.
    rf"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:(?i:{_TLD})|[a-z]{{2}}(?![A-Za-z]))"
    rf"(?:\.[a-z]{{2}})?(?:/{_URL_CHARS}*)?"
    r"|@[A-Za-z_][A-Za-z0-9_.]{2,}[A-Za-z0-9_]"  # a handle (dots allowed inside)
    rf"|[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(?i:{_FILE_EXT})(?![A-Za-z0-9])"  # a file name
    r")")
# Marks an editor puts around a Latin run in right-to-left text; invisible, never typed.
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class AddressChange:
    """An address of the original and what the English writes in its place (None: nothing)."""

    original: str
    english: str | None

    @property
    def kind(self) -> str:
        text = self.original
        if "@" in text[1:]:
            return "e-mail address"
        if text.startswith("@"):
            return "handle"
        if "/" not in text and re.search(rf"\.(?i:{_FILE_EXT})$", text):
            return "file name"
        return "web address"


def _key(address: str) -> str:
    """The address as compared: case, scheme, www., closing punctuation, the digits' script,
    %-encoding and text glued to its end in another script (newsببینید) do not matter."""
    key = unquote(to_ascii_digits(address)).lower()
    key = re.sub(r"[^\x00-\x7f]+$", "", key).rstrip(".,;:!?/")
    key = re.sub(r"^https?://", "", key)
    key = key[4:] if key.startswith("www.") else key
    host, slash, path = key.partition("/")
    try:  # ایران.ایران and its punycode xn--… are one host
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass
    return host + slash + path


def addresses(text: str) -> list[str]:
    """The addresses a text writes, in order, without the sentence's closing punctuation."""
    return [m.group(0).rstrip(".,;:!?") for m in ADDRESS.finditer(_BIDI.sub("", text))]


def address_changes(src: str, tgt: str) -> list[AddressChange]:
    """Addresses of the original the English does not write as they are, each paired with
    the English address most like it that matches nothing in the original."""
    src_found, tgt_found = addresses(src), addresses(tgt)
    if not src_found:
        return []
    tgt_keys = {_key(a) for a in tgt_found}
    src_keys = {_key(a) for a in src_found}
    spare = [a for a in tgt_found if _key(a) not in src_keys]
    changes = []
    for a in src_found:
        if _key(a) in tgt_keys:
            continue
        same_kind = [b for b in spare if ("@" in b[1:]) == ("@" in a[1:])]
        best = max(same_kind, key=lambda b: SequenceMatcher(None, _key(a), _key(b)).ratio(),
                   default=None)
        if best is not None:
            spare.remove(best)
        changes.append(AddressChange(a, best))
    return changes
