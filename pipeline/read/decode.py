"""Bytes to text: UTF-8 first, then the legacy Vietnamese encodings, or a clear error.

Old Vietnamese pages and documents were written in Windows-1258 (base letters followed by
combining tone marks), TCVN3/ABC (one byte per toned letter, in the Latin-1 range) or VNI
Windows (a letter followed by mark bytes). Each candidate decoding is scored by how many of
its accented words are well-formed Vietnamese syllables (`vietnamese.py`); the best one wins
when it is clearly Vietnamese, otherwise the input fails with an `EncodingError`. The byte
tables are data: `tcvn3.json`, `vni.json`, `signatures.json`.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pydantic import Field

from vnfigures.errors import EncodingError, InputError
from vnfigures.read.vietnamese import marked_syllable_share
from vnfigures.schemas import DataFile, load_data

#: A legacy decoding is accepted when at least this share of its accented words are syllables.
MIN_SYLLABLE_SHARE = 0.8
#: Valid UTF-8 with fewer well-formed accented words than this is checked for mojibake.
MOJIBAKE_SHARE = 0.5
#: Characters of a text sampled to judge its encoding (enough words, bounded time).
SAMPLE_CHARS = 20_000
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1a\x1b")


@dataclass(frozen=True)
class Decoded:
    """Text read from bytes, and the encoding it was read in (e.g. 'utf-8', 'tcvn3')."""

    text: str
    encoding: str

    @property
    def legacy(self) -> bool:
        """True when the bytes were not Unicode and had to be converted."""
        return self.encoding not in {"utf-8", "utf-16", "ascii"}


class _ByteTable(DataFile):
    """`tcvn3.json`: each non-ASCII byte (hex) and the character it stands for."""

    bytes_: dict[str, str] = Field(alias="bytes")


class _Sequences(DataFile):
    """`vni.json`: each letter + mark-byte sequence (read as Windows-1252) and its letter."""

    sequences: dict[str, str]


class _Signatures(DataFile):
    """`signatures.json`: magic numbers of binary formats, and the control-byte share of binary."""

    signatures: dict[str, str]
    max_control_share: float = Field(gt=0, lt=1)


@lru_cache(maxsize=1)
def _signatures() -> _Signatures:
    return load_data("vnfigures.read", "signatures.json", _Signatures)


@lru_cache(maxsize=1)
def _windows_1252_table() -> str:
    """256 characters: each byte read as Windows-1252, undefined bytes as Latin-1."""
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)
    )


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[int, str]:
    table = dict(enumerate(_windows_1252_table()))
    table.update({int(code, 16): char
                  for code, char in load_data("vnfigures.read", "tcvn3.json", _ByteTable).bytes_.items()})
    return table


@lru_cache(maxsize=1)
def _vni_sequences() -> tuple[re.Pattern[str], dict[str, str]]:
    sequences = load_data("vnfigures.read", "vni.json", _Sequences).sequences
    keys = sorted(sequences, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), sequences


def decode_tcvn3(data: bytes) -> str:
    """Read TCVN3 (ABC) bytes. ``decode_tcvn3(b"Vi\\xd6t Nam")`` -> ``'Việt Nam'``."""
    return data.decode("latin-1").translate(_tcvn3_table())


def decode_vni(data: bytes) -> str:
    """Read VNI Windows bytes. ``decode_vni(b"Vie\\xe4t Nam")`` -> ``'Việt Nam'``."""
    pattern, sequences = _vni_sequences()
    latin = data.decode("latin-1").translate(dict(enumerate(_windows_1252_table())))
    return pattern.sub(lambda m: sequences[m.group(0)], latin)


def decode_cp1258(data: bytes) -> str:
    """Read Windows-1258 bytes, composing its combining tone marks (NFC)."""
    return unicodedata.normalize("NFC", data.decode("cp1258"))


#: Legacy decoders tried, in order of preference when two score the same.
LEGACY: dict[str, Callable[[bytes], str]] = {
    "windows-1258": decode_cp1258,
    "tcvn3": decode_tcvn3,
    "vni": decode_vni,
}


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of `data`, or None when it may be text."""
    config = _signatures()
    for magic, name in config.signatures.items():
        if data.startswith(bytes.fromhex(magic)):
            return name
    head = data[:65536]
    if b"\x00" in head:
        return "a binary file (NUL bytes)"
    controls = sum(1 for b in head if b < 0x20 and b not in _ALLOWED_CONTROLS)
    if head and controls / len(head) > config.max_control_share:
        return "a binary file (control bytes)"
    return None


def _unicode_bom(data: bytes) -> Decoded | None:
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return Decoded(data.decode("utf-16"), name)
            except UnicodeDecodeError as exc:
                raise EncodingError(f"starts with a UTF-16 mark but is not valid UTF-16: {exc.reason}") from exc
    return None


def _best(data: bytes, candidates: dict[str, Callable[[bytes], str]]) -> Decoded | None:
    """The candidate decoding whose accented words are most often Vietnamese syllables."""
    best: tuple[float, int, str, str] | None = None
    for name, decoder in candidates.items():
        try:
            text = decoder(data)
        except (UnicodeDecodeError, LookupError):
            continue
        good, total = marked_syllable_share(text[:SAMPLE_CHARS])
        if total == 0:
            continue
        score = (good / total, good, name, text)
        if best is None or score[:2] > best[:2]:
            best = score
    if best is not None and best[0] >= MIN_SYLLABLE_SHARE:
        return Decoded(best[3], best[2])
    return None


def _best_legacy(data: bytes, declared: str | None) -> Decoded | None:
    candidates = dict(LEGACY)
    if declared and declared.lower() not in candidates:
        candidates[declared.lower()] = lambda b, name=declared: b.decode(name)
    best = _best(data, candidates)
    if best is not None:
        return best
    if declared and declared.lower() not in LEGACY:
        try:  # the page names its charset and no Vietnamese encoding fits better: trust it
            return Decoded(data.decode(declared), declared.lower())
        except (UnicodeDecodeError, LookupError):
            return None
    return None


@lru_cache(maxsize=1)
def _windows_1252_bytes() -> dict[str, int]:
    return {char: byte for byte, char in enumerate(_windows_1252_table())}


def repair_mojibake(text: str) -> Decoded | None:
    """Undo bytes that were read as Windows-1252 and saved again as UTF-8.

    A TCVN3 or VNI file opened as Western text and saved as UTF-8 (`ViÖt Nam`), or UTF-8
    read as Windows-1252 and saved again (`Viá»‡t`), is valid UTF-8 but not Vietnamese. When
    few accented words are syllables, the characters are turned back into their bytes and the
    decodings tried again; the result is kept only when it is clearly Vietnamese.

    >>> repair_mojibake("Hµ Néi trao quµ cho hé nghÌo")
    Decoded(text='Hà Nội trao quà cho hộ nghèo', encoding='mojibake-tcvn3')
    """
    good, total = marked_syllable_share(text[:SAMPLE_CHARS])
    if total < 3 or good / total >= MOJIBAKE_SHARE:
        return None
    reverse = _windows_1252_bytes()
    if any(ch not in reverse for ch in text):
        return None
    repaired = _best(bytes(reverse[ch] for ch in text), {"utf-8": lambda b: b.decode("utf-8"), **LEGACY})
    return Decoded(repaired.text, f"mojibake-{repaired.encoding}") if repaired is not None else None


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode an input's bytes, or raise `InputError`/`EncodingError` saying why not.

    `declared` is a charset the input names itself (an HTML `<meta charset>`), tried beside
    the legacy Vietnamese encodings when the bytes are not UTF-8.

    >>> decode_bytes("Hà Nội".encode()).text
    'Hà Nội'
    >>> decode_bytes(b"H\\xb5 N\\xe9i").encoding
    'tcvn3'
    """
    if not data.strip():
        raise InputError("the input is empty (no text to read)")
    bom = _unicode_bom(data)
    if bom is not None:
        return bom
    kind = binary_kind(data)
    if kind is not None:
        raise InputError(f"the input is {kind}, not text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        legacy = _best_legacy(data, declared)
        if legacy is not None:
            return legacy
        raise EncodingError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}), and not "
            "Windows-1258, TCVN3 (ABC) or VNI Vietnamese either; convert it to UTF-8"
        ) from exc
    if text.isascii():
        return Decoded(text, "ascii")
    return repair_mojibake(text) or Decoded(text, "utf-8")
