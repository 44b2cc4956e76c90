"""A spaCy tokenizer made of underthesea's sentence split and word segmentation.

WHY: spaCy's own `vi` tokenizer needs pyvi (~1.8 s to build) and segments differently from the
underthesea models our NER uses. This tokenizer runs `sent_tokenize` on every line of the text
(a line break always ends a sentence: headings and captions have no final stop) and the chain's
segmentation once per sentence, then builds a `Doc` whose text is the input character for
character: each token is the original slice of one underthesea word (a word keeps its inner
spaces, like spaCy's pyvi tokens), and every other character goes to a trailing space or a
whitespace token. The normalized words are kept in `doc.user_data[WORDS_KEY]` so that POS and
NER tag the very same words without segmenting again.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab
from vnfigures.nlp.analysis import segment

WORDS_KEY = "vnfigures.words"
"""`doc.user_data[WORDS_KEY]`: per sentence, a list of `[token index, underthesea word]`."""

_LINE = re.compile(r"[^\n\r]+")
_RUN = re.compile(r"\s+|\S+")


def sentence_spans(text: str, split_lines: bool = True) -> list[tuple[int, int]]:
    """Character spans of underthesea's sentences (`sent_tokenize`), per line if `split_lines`."""
    from underthesea import sent_tokenize

    blocks = [(m.start(), m.group()) for m in _LINE.finditer(text)] if split_lines else [(0, text)]
    spans: list[tuple[int, int]] = []
    for offset, block in blocks:
        cursor = 0
        for sentence in sent_tokenize(block):
            start = block.find(sentence, cursor)
            if start < 0:  # sent_tokenize only strips; never expected, but never lose text
                raise ValueError(f"sentence not found in its line: {sentence[:60]!r}")
            cursor = start + len(sentence)
            spans.append((offset + start, offset + cursor))
    return spans


def _shared_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every word's span, an empty one replaced by its neighbour's (the next word's, else the
    previous one's).

    WHY: NFC can turn one character into two (`\ufb2a` -> `\u05e9\u05c1`), and underthesea may
    cut between them: mapped back to the article, one of the two words is empty, and spaCy
    refuses an empty token. Both words then share the one token that holds the character.
    """
    out = list(spans)
    for k in range(len(out) - 1, -1, -1):
        if out[k][0] >= out[k][1] and k + 1 < len(out):
            out[k] = out[k + 1]
    for k in range(1, len(out)):
        if out[k][0] >= out[k][1]:
            out[k] = out[k - 1]
    return out


class _DocBuilder:
    """Collect word tokens, fill every gap between them with spaces or whitespace tokens."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[str] = []
        self.spaces: list[bool] = []
        self.starts: list[bool] = []
        self.pos = 0
        self.seen_word = False
        self.last = -1

    def _gap(self, end: int) -> None:
        gap = self.text[self.pos:end]
        if gap and self.words and not self.spaces[-1] and gap[0] == " ":
            self.spaces[-1] = True
            gap = gap[1:]
        for run in _RUN.findall(gap):
            self.starts.append(not self.words)
            self.words.append(run)
            self.spaces.append(False)

    def add(self, start: int, end: int, sent_start: bool) -> int:
        """Add the token `text[start:end]`; returns its index in the Doc. A word whose span the
        last word already covers (see `_shared_spans`) shares that word's token."""
        if self.seen_word and start < self.pos:
            return self.last
        self._gap(start)
        self.starts.append(not self.words or (sent_start and self.seen_word))
        self.words.append(self.text[start:end])
        self.spaces.append(False)
        self.pos, self.seen_word = end, True
        self.last = len(self.words) - 1
        return self.last

    def build(self, vocab: Vocab) -> Doc:
        self._gap(len(self.text))
        return Doc(vocab, words=self.words, spaces=self.spaces, sent_starts=self.starts)


class UndertheseaTokenizer:
    """`nlp.tokenizer`: text -> `Doc` of underthesea words, sentences set, text kept exactly."""

    def __init__(self, vocab: Vocab, split_lines: bool = True) -> None:
        self.vocab = vocab
        self.split_lines = split_lines

    def __call__(self, text: str) -> Doc:
        builder = _DocBuilder(text)
        sentences: list[list[list[Any]]] = []
        for start, end in sentence_spans(text, self.split_lines):
            words = segment(text[start:end])
            if not words.words:
                continue
            kept = [(word, span) for word, span in zip(words.words, _shared_spans(words.spans))
                    if span[0] < span[1]]  # a lone empty word holds no character of the text
            if kept:
                sentences.append([[builder.add(start + a, start + b, k == 0), word]
                                  for k, (word, (a, b)) in enumerate(kept)])
        doc = builder.build(self.vocab)
        if doc.text != text:  # the contract every offset in the project relies on
            raise ValueError("tokenizer changed the text; refusing to build a misaligned Doc")
        doc.user_data[WORDS_KEY] = sentences
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # serialization: the tokenizer has no state besides its config
    def to_bytes(self, **_: Any) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: Any) -> UndertheseaTokenizer:
        return self

    def to_disk(self, _path: str | Path, **_: Any) -> None:
        return None

    def from_disk(self, _path: str | Path, **_: Any) -> UndertheseaTokenizer:
        return self


@registry.tokenizers("vnfigures.UndertheseaTokenizer.v1")
def create_tokenizer(split_lines: bool = True) -> Callable[[Any], UndertheseaTokenizer]:
    """Registered factory so the tokenizer can be named in a spaCy config."""

    def make(nlp: Any) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab, split_lines=split_lines)

    return make
