"""The settings of near-duplicate detection (`dedup.yaml`), validated once when first used."""
from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from vnfigures.schemas import load_data


class DedupConfig(BaseModel):
    """See the comments in `dedup.yaml` for why each value is what it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    shingle_words: int = Field(ge=1, le=20)
    num_perm: int = Field(ge=16, le=1024)
    seed: int = Field(ge=0)
    threshold: float = Field(gt=0, le=1)
    candidate_recall: float = Field(gt=0.5, lt=1)


@cache
def load_config() -> DedupConfig:
    """The packaged settings."""
    return load_data("vnfigures.dedup", "dedup.yaml", DedupConfig)
