"""vnfigures.nlp: underthesea's tokenize -> POS -> NER chain, fast, inside a spaCy Language.

Public API:
- `load(ner=True) -> spacy.Language` (cached per process): underthesea tokenizer, the
  `vnfigures_figures` component and, unless `ner=False`, the `vnfigures_ner` component.
- `analyze(sentence, ner=True, chunk=False) -> Analysis`: words (with character spans), POS,
  NER (and chunk) tags of one sentence, identical to underthesea's `word_tokenize`, `pos_tag`,
  `ner` (and `chunk`), computed with one segmentation and compiled feature templates.
- `segment`, `tag`, `pos_tags`, `ner_tags`, `chunk_tags`: the chain's stages one by one.
- `sentence_spans(text)`: underthesea sentences of a text as character spans.
"""
from vnfigures.nlp.analysis import (
    Analysis,
    analyze,
    chunk_tags,
    ner_tags,
    pos_tags,
    segment,
    tag,
)
from vnfigures.nlp.language import build, load
from vnfigures.nlp.tokenizer import WORDS_KEY, UndertheseaTokenizer, sentence_spans

__all__ = [
    "WORDS_KEY",
    "Analysis",
    "UndertheseaTokenizer",
    "analyze",
    "build",
    "chunk_tags",
    "load",
    "ner_tags",
    "pos_tags",
    "segment",
    "sentence_spans",
    "tag",
]
