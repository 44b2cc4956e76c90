"""Decoding input bytes: UTF-8, legacy Vietnamese encodings converted, binary refused."""
from __future__ import annotations

import json
import unicodedata
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnfigures.errors import EncodingError, InputError
from vnfigures.read.decode import Decoded, decode_bytes, decode_tcvn3, decode_vni
from vnfigures.read.vietnamese import is_syllable, looks_vietnamese

SAMPLE = (
    "Được hỗ trợ 50 triệu đồng, gia đình ông Nguyễn Văn Hùng ở xã Tân Phước đã xây "
    "xong căn nhà mới. Hội Liên hiệp Phụ nữ tỉnh trao 115 suất quà cho hộ nghèo."
)


def _table(name: str) -> dict[str, str]:
    return json.loads(resources.files("vnfigures.read").joinpath(name).read_text("utf-8"))


def encode_tcvn3(text: str) -> bytes:
    """Unicode -> TCVN3 with the inverse of the package's table (test helper)."""
    inverse = {char: int(code, 16) for code, char in _table("tcvn3.json")["bytes"].items()}
    return bytes(inverse[ch] if ch in inverse else ord(ch.encode("latin-1")) for ch in text)


def encode_vni(text: str) -> bytes:
    inverse = {char: seq for seq, char in _table("vni.json")["sequences"].items() if seq != char}
    return "".join(inverse.get(ch, ch) for ch in text).encode("cp1252")


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 keeps â, ơ, đ… precomposed and writes tones as combining marks."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in "\u0300\u0301\u0303\u0309\u0323"))
            out += (base + "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(
    ("encoder", "encoding", "text"),
    [
        (encode_cp1258, "windows-1258", SAMPLE),
        (encode_tcvn3, "tcvn3", SAMPLE.lower()),  # TCVN3 has no capital toned letters
        (encode_vni, "vni", SAMPLE),
        (lambda t: t.encode("utf-8"), "utf-8", SAMPLE),
        (lambda t: t.encode("utf-8-sig"), "utf-8", SAMPLE),
        (lambda t: t.encode("utf-16"), "utf-16", SAMPLE),
        (lambda t: t.encode("ascii"), "ascii", "Plain ASCII text, 12 households."),
    ],
)
def test_encodings_are_detected_and_converted(encoder, encoding: str, text: str) -> None:
    decoded = decode_bytes(encoder(text))
    assert decoded == Decoded(text, encoding)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"Vi\xd6t Nam", "Việt Nam"),  # the classic TCVN3 mojibake "ViÖt Nam"
        (b"Ch\xf7 t\xdech", "Chữ tịch"),
        (b"\xa7\xb5 N\xb5ng", "Đà Nàng"),
    ],
)
def test_tcvn3_known_words(raw: bytes, expected: str) -> None:
    assert decode_tcvn3(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Vieät Nam".encode("cp1252"), "Việt Nam"),
        ("ñöôïc".encode("cp1252"), "được"),
        ("Xin chaøo caùc baïn".encode("cp1252"), "Xin chào các bạn"),
        ("VIEÄT NAM".encode("cp1252"), "VIỆT NAM"),
    ],
)
def test_vni_known_words(raw: bytes, expected: str) -> None:
    assert decode_vni(raw) == expected


def test_shared_texts_round_trip_through_every_legacy_encoding(shared_corpus: Path) -> None:
    for path in sorted((shared_corpus / "raw" / "text").glob("*.txt"))[::10]:
        text = unicodedata.normalize("NFC", path.read_text("utf-8"))
        safe = "".join(ch for ch in text if ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"))
        for encoder, name, sample in (
            (encode_cp1258, "windows-1258", safe),
            (encode_vni, "vni", safe),
            (encode_tcvn3, "tcvn3", safe.lower()),
        ):
            try:
                raw = encoder(sample)
            except UnicodeEncodeError:
                continue
            assert decode_bytes(raw) == Decoded(sample, name), (path.name, name)


@pytest.mark.parametrize(
    ("raw", "error", "words"),
    [
        (b"", InputError, "empty"),
        (b"  \n\t\n", InputError, "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", InputError, "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", InputError, "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", InputError, "ZIP"),
        (b"abc\x00\x00def\x00ghi", InputError, "NUL"),
        (bytes(range(1, 32)) * 20, InputError, "control"),
        ("Hà Nội ".encode() + b"\xff\xfe\xfa garbage \xc3\x28", EncodingError, "UTF-8"),
        (b"\xc3\x28\xa0\xa1 \x80\x81 \xe2\x28\xa1", EncodingError, "Windows-1258, TCVN3"),
    ],
)
def test_bad_bytes_raise_a_clear_error(raw: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error) as caught:
        decode_bytes(raw)
    assert type(caught.value) is error
    assert words in str(caught.value)


def test_declared_charset_is_tried_for_html() -> None:
    raw = "Le président a été reçu à Hanoï".encode("latin-1")
    with pytest.raises(EncodingError):
        decode_bytes(raw)
    assert decode_bytes(raw, declared="iso-8859-1") == Decoded(raw.decode("latin-1"), "iso-8859-1")


@pytest.mark.parametrize(
    ("word", "ok"),
    [("Việt", True), ("nghiêng", True), ("khuya", True), ("người", True), ("quốc", True),
     ("Vieọt", False), ("ViÖt", False), ("très", False), ("Đắk", False), ("gì", True)],
)
def test_syllable_shape(word: str, ok: bool) -> None:
    assert is_syllable(word) is ok


@pytest.mark.parametrize(
    ("text", "vietnamese"),
    [
        (SAMPLE, True),
        ("The committee gave 115 gifts to poor households in the province on Monday morning.", False),
        ("Le comité a distribué 115 cadeaux aux ménages pauvres de la province très tôt lundi.", False),
        ("Ngắn quá", None),
    ],
)
def test_language_guess(text: str, vietnamese: bool | None) -> None:
    assert looks_vietnamese(text) is vietnamese


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_fuzz_bytes_decode_or_fail_cleanly(raw: bytes) -> None:
    try:
        first = decode_bytes(raw)
    except InputError as exc:
        assert str(exc)
        with pytest.raises(type(exc)):
            decode_bytes(raw)
        return
    assert isinstance(first.text, str)
    assert decode_bytes(raw) == first  # deterministic


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aăâeêioôơuưyđ àáảãạ ằắẳẵặ ệếềểễ ờớởỡợ ừứửữự ỳýỷỹỵ nghtcmp.,")), min_size=1))
def test_fuzz_vietnamese_text_survives_utf8(text: str) -> None:
    if text.strip():
        assert decode_bytes(text.encode()).text == text


def _as_windows_1252(data: bytes) -> str:
    """What an editor shows when it opens `data` as Western (Windows-1252) text."""
    from vnfigures.read.decode import _windows_1252_table

    return data.decode("latin-1").translate(dict(enumerate(_windows_1252_table())))


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (lambda t: _as_windows_1252(t.encode("utf-8")), "mojibake-utf-8"),   # "Viá»‡t"
        (lambda t: _as_windows_1252(encode_tcvn3(t.lower())), "mojibake-tcvn3"),  # "ViÖt"
        (lambda t: _as_windows_1252(encode_vni(t)), "mojibake-vni"),         # "Vieät"
    ],
)
def test_mojibake_saved_as_utf8_is_repaired(raw, encoding: str) -> None:
    garbled = raw(SAMPLE)
    decoded = decode_bytes(garbled.encode("utf-8"))
    assert decoded.encoding == encoding
    assert decoded.text == (SAMPLE.lower() if "tcvn3" in encoding else SAMPLE)


@pytest.mark.parametrize(
    "text",
    [SAMPLE, "Le président a été reçu à Hanoï très tôt, déjà à l'école.", "Café ở phố cổ Hà Nội có giá 45.000 đồng."],
)
def test_real_text_is_never_repaired(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")).encoding == "utf-8"


def test_every_shared_raw_file_reads_as_plain_utf8(shared_corpus: Path) -> None:
    for path in sorted((shared_corpus / "raw").glob("*/*")):
        assert decode_bytes(path.read_bytes()).encoding == "utf-8", path.name
