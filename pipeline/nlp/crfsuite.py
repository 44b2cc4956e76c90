"""Read a CRFsuite model file (`lCRF` / `FOMC`): labels, attributes and feature weights.

WHY: underthesea's models are CRFsuite binaries read by underthesea_core, whose API only tags
lists of feature *strings*. Reading the weights ourselves lets the word segmenter score tokens
straight from template values, without building ~43 strings per syllable (see segment_crf.py).

Layout (CRFsuite `crf1dmodel.c`, little endian): a 48-byte header (magic, size, type, version,
num_features, num_labels, num_attrs, then offsets of the FEAT chunk, the label and attribute
CQDB string databases, and the label/attribute feature-reference chunks). FEAT holds 20-byte
records (type, source, target, float64 weight): type 0 is a state feature (attribute -> label),
type 1 a transition (label -> label). A CQDB keeps, at `bwd_offset`, one offset per id to a
record (id, size, NUL-terminated UTF-8 key).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE = struct.Struct("<IIId")


@dataclass(frozen=True)
class CrfWeights:
    """A CRFsuite model as plain Python data."""

    labels: tuple[str, ...]
    attributes: tuple[str, ...]
    state: dict[tuple[int, int], float]  # (attribute id, label id) -> weight
    transition: tuple[tuple[float, ...], ...]  # [from label][to label]


def _strings(data: bytes, start: int, count: int) -> tuple[str, ...]:
    """The `count` keys of the CQDB chunk at `start`, by id."""
    magic, _size, _flag, _order, bwd_size, bwd_offset = struct.unpack_from("<4sIIIII", data, start)
    if magic != b"CQDB" or bwd_size != count:
        raise ValueError("not a CRFsuite string database where one was expected")
    offsets = struct.unpack_from(f"<{count}I", data, start + bwd_offset)
    keys = []
    for ident, offset in enumerate(offsets):
        stored_id, size = struct.unpack_from("<II", data, start + offset)
        if stored_id != ident:
            raise ValueError("CRFsuite string database is out of order")
        keys.append(data[start + offset + 8:start + offset + 8 + size - 1].decode("utf-8"))
    return tuple(keys)


def read_crfsuite(path: str | Path) -> CrfWeights:
    """Parse the model at `path` (raises ValueError when it is not a CRFsuite FOMC model)."""
    data = Path(path).read_bytes()
    (magic, _size, kind, _version, _nf, num_labels, num_attrs,
     off_features, off_labels, off_attrs, _off_lrefs, _off_arefs) = _HEADER.unpack_from(data, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path} is not a CRFsuite model")
    chunk, _chunk_size, count = struct.unpack_from("<4sII", data, off_features)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: no FEAT chunk")
    state: dict[tuple[int, int], float] = {}
    transition = [[0.0] * num_labels for _ in range(num_labels)]
    for kind_id, source, target, weight in _FEATURE.iter_unpack(
            data[off_features + 12:off_features + 12 + count * _FEATURE.size]):
        if kind_id == 0:
            state[(source, target)] = weight
        elif kind_id == 1:
            transition[source][target] = weight
    return CrfWeights(_strings(data, off_labels, num_labels), _strings(data, off_attrs, num_attrs),
                      state, tuple(tuple(row) for row in transition))
