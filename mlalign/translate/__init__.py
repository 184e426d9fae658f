"""Offline machine translation of pre-split sentences, and Argos package management.

`load_translator("fa")` finds the installed fa->en Argos package and returns a cached,
batched CTranslate2 translator; `FileTranslator` serves translations made elsewhere.
"""

from __future__ import annotations

import os
from typing import Any

from mlalign.translate.base import Translator, decoding_bound
from mlalign.translate.cached import CachedTranslator, default_cache_dir
from mlalign.translate.packages import (
    InstalledPackage,
    fetch_index,
    find_package,
    index_available,
    install_from_file,
    install_from_index,
    list_installed,
    packages_dir,
    remove,
    validate_archive,
)

__all__ = [
    "ArgosTranslator", "CachedTranslator", "FileTranslator", "InstalledPackage", "Translator",
    "decoding_bound", "default_cache_dir", "fetch_index", "find_package", "index_available",
    "install_from_file", "install_from_index", "list_installed", "load_translator",
    "packages_dir", "remove", "truncation_note", "validate_archive",
]


def __getattr__(name: str) -> Any:
    # Lazy: importing ctranslate2 costs ~0.3 s and is not needed for --mt-file or `models`.
    if name == "ArgosTranslator":
        from mlalign.translate.argos import ArgosTranslator
        return ArgosTranslator
    if name == "FileTranslator":
        from mlalign.translate.filemt import FileTranslator
        return FileTranslator
    raise AttributeError(name)


def load_translator(src_lang: str, to_code: str = "en", *,
                    mt_file: str | os.PathLike[str] | None = None, use_cache: bool = True,
                    cache_dir: str | os.PathLike[str] | None = None,
                    **options: Any) -> Translator:
    """The translator for `src_lang`->`to_code`: a file of translations, or an Argos package.

    `options` go to `ArgosTranslator` (beam_size, batch_size, threads, compute_type...).
    Raises ModelError naming the install command when no package is installed.
    """
    if mt_file is not None:
        from mlalign.translate.filemt import FileTranslator
        return FileTranslator(mt_file)
    from mlalign.translate.argos import ArgosTranslator

    translator: Translator = ArgosTranslator(find_package(src_lang, to_code), **options)
    if use_cache:
        translator = CachedTranslator(translator, cache_dir)
    return translator


def truncation_note(translator: Any) -> str | None:
    """The CLI's one-line note when translations stopped at the decoding length limit.

    Such a translation never reached its end (a runaway repetition, or text past the cap),
    and nothing else in the output shows it. Counts the sentences translated in this run.
    """
    inner = getattr(translator, "inner", translator)  # through CachedTranslator
    n = getattr(inner, "truncated", 0)
    if not n:
        return None
    return (f"mlalign: note: {n} translation{'s' if n > 1 else ''} stopped at the decoding "
            f"length limit and may be cut short")
