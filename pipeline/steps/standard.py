"""The concrete steps of the default chain, each a small adapter around one module.

Every step reads a few fields of the `Article` and returns an updated copy, never changing the
article it was given (a caller's record, or a list it holds, stays as it was); the spaCy `Doc`
built once by `TokenizeStep` is handed on beside the record so later steps never re-tokenize.
"""
from __future__ import annotations

from vnfigures.errors import EMPTY_INPUT, ArticleError, InputError, NoArticleFound
from vnfigures.normalize import normalize_article
from vnfigures.read.language import flag_language
from vnfigures.schemas import Article
from vnfigures.steps.contract import Step
from vnfigures.version import __version__


class CleanStep:
    """Find the article in the raw input (HTML or scraped text) and drop page furniture."""

    name = "clean"

    def __call__(self, article: Article) -> Article:
        from vnfigures.clean import clean_html, clean_text

        if article.raw is None:
            return article  # already clean text given directly
        if not article.raw.strip():
            raise InputError(EMPTY_INPUT)  # one class for one cause, as from a file
        cleaned = clean_html(article.raw) if article.raw_format == "html" else clean_text(article.raw)
        if not cleaned.paragraphs and not cleaned.title:
            raise NoArticleFound("no article text is left after removing page furniture")
        update: dict[str, object] = {"text": cleaned.text, "title": article.title or cleaned.title}
        for key in ("url", "published"):
            if getattr(article, key) is None and getattr(cleaned, key, None):
                update[key] = getattr(cleaned, key)
        return article.model_copy(update=update)


class NormalizeStep:
    """Unicode NFC, one tone-mark placement, whitespace and quotes (offsets refer to its output)."""

    name = "normalize"

    def __call__(self, article: Article) -> Article:
        return normalize_article(article)


class LanguageStep:
    """Flag (never drop) an article whose text is clearly not Vietnamese: `not_vietnamese`."""

    name = "language"

    def __call__(self, article: Article) -> Article:
        return flag_language(article)


class _NlpStep:
    """Shared access to the per-process spaCy Language (loaded once, on first use)."""

    def __init__(self, ner: bool = True) -> None:
        self.ner = ner

    @property
    def nlp(self):  # noqa: ANN201 - spacy.Language, imported lazily
        from vnfigures.nlp import load

        return load(ner=self.ner)

    def _apply_pipe(self, article: Article, pipe: str, field: str) -> Article:
        """Run one spaCy component over the article's Doc and copy its `doc._.<field>` onto the
        record; text flagged not Vietnamese is left as it is (the rules and the model read
        Vietnamese, and would misread foreign text)."""
        from vnfigures.read.language import NOT_VIETNAMESE

        if NOT_VIETNAMESE in article.flags:
            return article
        doc = self.nlp.get_pipe(pipe)(_doc_of(article))
        result = article.model_copy(update={field: list(getattr(doc._, field))})
        result.attach_doc(doc)
        return result


def _with_doc_of(source: Article, result: Article) -> Article:
    """Hand the source's Doc on to a step's result (a model copy drops it)."""
    if source.doc is not None:
        result.attach_doc(source.doc)
    return result


class TokenizeStep(_NlpStep):
    """underthesea sentences and words as a spaCy `Doc` over exactly `article.text`."""

    name = "tokenize"

    def __call__(self, article: Article) -> Article:
        if not article.text.strip():
            raise NoArticleFound("the article has no text")
        result = article.model_copy()
        result.attach_doc(self.nlp.make_doc(article.text))
        return result


class FiguresStep(_NlpStep):
    """Rule-based figure extraction (the `vnfigures_figures` spaCy component).

    An article flagged `not_vietnamese` by the language step gets no figures: the rules read
    Vietnamese number conventions and would misread foreign text.
    """

    name = "figures"

    def __call__(self, article: Article) -> Article:
        return self._apply_pipe(article, "vnfigures_figures", "figures")


class LocateStep:
    """Where and when each figure holds (ANNOTATION.md §8): place, province, year, year_max,
    and the article's main province; rules over the text and the gazetteer, no model. A figure
    then dated after the publication year is a forecast (§7, `modality_dated`)."""

    name = "locate"

    def __call__(self, article: Article) -> Article:
        from vnfigures.extractors.locate import locate
        from vnfigures.extractors.modality_dated import dated_later

        return _with_doc_of(article, dated_later(locate(article)))


class MentionsStep:
    """Point each repeated figure at its first mention (`mention_of`), for sums that count once."""

    name = "mentions"

    def __call__(self, article: Article) -> Article:
        from vnfigures.dedup.mentions import mark_mentions

        figures = mark_mentions(article.figures, article.doc)
        return _with_doc_of(article, article.model_copy(update={"figures": figures}))


class EntitiesStep(_NlpStep):
    """underthesea NER for people, organisations and places (the `vnfigures_ner` component).

    A text flagged not Vietnamese gets none: the Vietnamese model tags English capitals as names.
    """

    name = "entities"

    def __init__(self) -> None:
        super().__init__(ner=True)

    def __call__(self, article: Article) -> Article:
        return self._apply_pipe(article, "vnfigures_ner", "entities")


class ValidateStep:
    """Re-validate the finished record as written out: spans fit the text, units fit kinds."""

    name = "validate"

    def __call__(self, article: Article) -> Article:
        record = article.model_dump()
        record["pipeline_version"] = __version__
        validated = Article.model_validate(record)
        validated.origin = article.origin
        if article.doc is not None:
            validated.attach_doc(article.doc)
        return validated


def _doc_of(article: Article):  # noqa: ANN202 - spacy.tokens.Doc
    if article.doc is None:
        raise ArticleError("the tokenize step has not run on this article")
    return article.doc


def default_steps(ner: bool = True) -> list[Step]:
    """The standard chain: clean -> normalize -> language -> tokenize -> figures -> locate -> mentions
    -> entities -> validate.

    `ner=False` leaves out the entity step (and the NER model) for users who only need figures.
    Models are loaded lazily by the first article a process sees, so a chain is cheap to build
    and can be built once per worker process.
    """
    steps: list[Step] = [CleanStep(), NormalizeStep(), LanguageStep(), TokenizeStep(ner=ner), FiguresStep(ner=ner),
                         LocateStep(), MentionsStep()]
    if ner:
        steps.append(EntitiesStep())
    steps.append(ValidateStep())
    return steps
