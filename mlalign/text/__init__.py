"""Text layer: read user files, identify ar/fa/en, normalise for matching, split sentences.

Modules: `reader` (encodings, bad input), `langid`, `normalize`, `split` (with the
`SentenceSplitter` protocol in `base` and rules in `rules_arabic` / `rules_english`).
"""
