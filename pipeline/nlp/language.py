"""`load()`: the project's spaCy Language, built once per process.

WHY `spacy.blank("vi")` with our tokenizer named in its config: it keeps spaCy's Vietnamese
lexical attributes (stop words, number words for `like_num`) without ever importing pyvi, whose
tokenizer spaCy's `vi` would otherwise build (~1.8 s) only to be thrown away.
"""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

import vnfigures.nlp.tokenizer  # noqa: F401 - registers the tokenizer factory
from vnfigures.nlp.components import FIGURES_FACTORY, NER_FACTORY
from vnfigures.nlp.analysis import analyze

FIGURES_PIPE = "vnfigures_figures"
NER_PIPE = "vnfigures_ner"


def build(ner: bool = True, split_lines: bool = True) -> Language:
    """A fresh Language (no cache): underthesea tokenizer, figures, and NER unless `ner=False`."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {
        "@tokenizers": "vnfigures.UndertheseaTokenizer.v1", "split_lines": split_lines}}})
    nlp.add_pipe(FIGURES_FACTORY, name=FIGURES_PIPE)
    if ner:
        nlp.add_pipe(NER_FACTORY, name=NER_PIPE)
    return nlp


@cache
def load(ner: bool = True) -> Language:
    """The per-process Language: models load once per worker, on first call.

    `load(ner=False)` leaves the NER component out (for `vnfig run --no-ner`).
    """
    nlp = build(ner=ner)
    warm_up(ner=ner)
    return nlp


def warm_up(ner: bool = True) -> None:
    """Load underthesea's models now, so that no article pays for them (nor a benchmark)."""
    from underthesea import sent_tokenize

    sent_tokenize("Khởi động.")
    analyze("Khởi động mô hình.", ner=ner)
