"""The spaCy Language of the project: components, extensions, NER entities, displaCy."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from spacy import displacy
from spacy.language import Language
from spacy.util import registry

from vnfigures.extractors.figures import extract_figures
from vnfigures.nlp import build, load
from vnfigures.nlp.components import FIGURES_FACTORY, RULE_EXTRACTOR
from vnfigures.nlp.language import FIGURES_PIPE
from vnfigures.schemas import Entity, Figure

FAKE = "tests.fake_figures.v1"

SENTENCE = "Ông Nguyễn Văn Nam ở huyện Hồng Dân, tỉnh Bạc Liêu đã hỗ trợ 115 hộ nghèo."


def _figure(text: str, needle: str, kind: str, value: str, unit: str) -> Figure:
    start = text.index(needle)
    return Figure(text=needle, start=start, end=start + len(needle), kind=kind,
                  value=Decimal(value), unit=unit)


@dataclass
class FakeExtractor:
    """A stand-in extractor injected through the figures component's config; records calls."""

    calls: list = field(default_factory=list)

    def __call__(self, text: str, sentences: list[tuple[int, int]]) -> list[Figure]:
        self.calls.append((text, sentences))
        if "115 hộ" not in text:
            return []
        return [_figure(text, "115 hộ", "households", "115", "household"),
                _figure(text, "15 h", "households", "15", "household")]  # inside a token

    def nlp(self, ner: bool = True) -> Language:
        """The project's Language with this extractor in place of the rules (config only)."""
        nlp = build(ner=ner)
        nlp.replace_pipe(FIGURES_PIPE, FIGURES_FACTORY, config={"extractor": {"@misc": FAKE}})
        return nlp


@pytest.fixture
def fake_extractor() -> FakeExtractor:
    fake = FakeExtractor()
    registry.misc.register(FAKE, func=lambda: fake)
    return fake


def test_the_rules_are_the_default_extractor() -> None:
    nlp = load(ner=False)
    assert nlp.config["components"][FIGURES_PIPE]["extractor"] == {"@misc": RULE_EXTRACTOR}
    assert nlp.get_pipe(FIGURES_PIPE).extractor is extract_figures


@pytest.mark.parametrize(("text", "sentences"), [
    ("Câu một.  Câu hai.\n\n", ["Câu một.", "Câu hai."]),
    ("\n Tiêu đề\nĐoạn có 5 hộ. ", ["Tiêu đề", "Đoạn có 5 hộ."]),
    (" \n\t ", []),
])
def test_extractor_gets_stripped_sentences(fake_extractor: FakeExtractor, text: str, sentences: list[str]) -> None:
    fake_extractor.nlp(ner=False)(text)
    (seen_text, bounds), = fake_extractor.calls
    assert seen_text == text and [text[a:b] for a, b in bounds] == sentences


def test_load_is_cached_and_ner_optional() -> None:
    assert load() is load()
    assert load(ner=True).pipe_names == ["vnfigures_figures", "vnfigures_ner"]
    assert load(ner=False).pipe_names == ["vnfigures_figures"]


def test_figures_component_spans_and_extensions(fake_extractor: FakeExtractor) -> None:
    doc = fake_extractor.nlp(ner=False)(SENTENCE)
    (text, sentences), = fake_extractor.calls
    assert text == SENTENCE and sentences == [(0, len(SENTENCE))]
    spans = doc.spans["figures"]
    assert [(s.text, s.label_) for s in spans] == [("115 hộ", "households"), ("115 hộ", "households")]
    assert [s._.figure.text for s in spans] == ["115 hộ", "15 h"]  # same tokens, figures kept apart
    assert [f.value for f in doc._.figures] == [Decimal(115), Decimal(15)]


@pytest.mark.parametrize(("text", "entity"), [
    (SENTENCE, ("Nguyễn Văn Nam", "PER")),
    (SENTENCE, ("tỉnh Bạc Liêu", "LOC")),
    ("Ông Putin ca ngợi những thành tựu vĩ đại của Liên Xô", ("Liên Xô", "LOC")),
    ("Ban Chấp hành Trung ương Đảng họp.", ("Đảng", "ORG")),
])
def test_ner_entities_are_text_spans(fake_extractor: FakeExtractor, text: str, entity: tuple[str, str]) -> None:
    doc = fake_extractor.nlp()(text)
    assert entity in [(e.text, e.label_) for e in doc.ents]
    assert all(isinstance(e, Entity) and text[e.start:e.end] == e.text for e in doc._.entities)
    assert [(e.text, e.label.value) for e in doc._.entities] == [(e.text, e.label_) for e in doc.ents]


def test_ner_drops_misc_and_sets_pos_tags(fake_extractor: FakeExtractor) -> None:
    doc = fake_extractor.nlp()("Ông Putin ca ngợi những thành tựu vĩ đại của Liên Xô")
    assert {e.label_ for e in doc.ents} <= {"PER", "ORG", "LOC"}
    assert [t.tag_ for t in doc] == ["Nc", "Np", "V", "L", "N", "A", "E", "Np"]


def test_ner_refuses_a_foreign_doc() -> None:
    import spacy

    doc = spacy.blank("xx")("Ông Putin")
    with pytest.raises(ValueError, match="underthesea tokenizer"):
        load().get_pipe("vnfigures_ner")(doc)


def test_displacy_renders_entities_and_figures(fake_extractor: FakeExtractor) -> None:
    doc = fake_extractor.nlp()(SENTENCE)
    ents = displacy.render(doc, style="ent")
    spans = displacy.render(doc, style="span", options={"spans_key": "figures"})
    assert "Bạc Liêu" in ents and "LOC" in ents
    assert "households" in spans and "115" in spans


def test_doc_bytes_round_trip_keeps_records(fake_extractor: FakeExtractor) -> None:
    from spacy.tokens import Doc

    nlp = fake_extractor.nlp()
    doc = nlp(SENTENCE)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert copy.text == SENTENCE
    assert copy._.figures == doc._.figures and copy._.entities == doc._.entities
    assert [s._.figure for s in copy.spans["figures"]] == [s._.figure for s in doc.spans["figures"]]
    assert [(e.text, e.label_) for e in copy.ents] == [(e.text, e.label_) for e in doc.ents]


def test_language_survives_pickle_and_disk(tmp_path) -> None:
    import pickle

    import spacy

    nlp = load()
    nlp.to_disk(tmp_path / "nlp")
    for other in (pickle.loads(pickle.dumps(nlp)), spacy.load(tmp_path / "nlp")):
        assert other.pipe_names == nlp.pipe_names
        assert other.make_doc("Ông Putin.\n\nHà Nội").text == "Ông Putin.\n\nHà Nội"


@pytest.mark.parametrize(("text", "entity"), [
    # underthesea joins `mạnh Huyện` into one word: the record keeps the name, doc.ents the token
    ("Lợi nhuận trồng lúa giảm mạnh Huyện Tháp Mười là vùng lúa lớn.", ("Huyện Tháp Mười", "LOC")),
    ("Đoàn công tác của Hội Chữ thập đỏ tỉnh Nghệ An thăm xã Diễn Hải.", ("xã Diễn Hải", "LOC")),
])
def test_ner_records_keep_their_name_and_never_overlap(fake_extractor: FakeExtractor, text: str,
                                                       entity: tuple[str, str]) -> None:
    entities = fake_extractor.nlp()(text)._.entities
    assert entity in [(e.text, e.label.value) for e in entities]
    assert all(text[e.start:e.end] == e.text for e in entities)
    assert all(a.end <= b.start for a, b in zip(entities, entities[1:]))
