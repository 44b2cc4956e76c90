"""The NLP benchmark runs end to end on a tiny corpus and reports consistent figures (no timing asserted)."""
from __future__ import annotations

from pathlib import Path

from vnfigures.bench.nlp import bench_corpus, default_corpora, render


def test_bench_corpus_reports_every_measure(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Xã đã hỗ trợ 115 hộ nghèo. Ông Nguyễn Văn Nam ở tỉnh Bạc Liêu.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Hà Nội có 5 hộ nghèo.", encoding="utf-8")
    memory = {"after_load": {"ru_maxrss_mb": 1.0}, "peak": {"ru_maxrss_mb": 2.0}}
    result = bench_corpus(tmp_path, repeat=1, memory=memory)
    assert (result["articles"], result["sentences"], result["pipeline_records"]) == (2, 3, 2)
    assert result["speedup"] == result["underthesea_ms_per_article"] / result["ours_ms_per_article"]
    assert "ratio" in render(result) and "2.0 MB" in render(result)


def test_default_corpora_only_lists_folders_with_texts(tmp_path: Path) -> None:
    (tmp_path / "repo" / "corpus").mkdir(parents=True)
    assert default_corpora(tmp_path / "repo") == []
    (tmp_path / "repo" / "corpus" / "x.txt").write_text("x", encoding="utf-8")
    assert default_corpora(tmp_path / "repo") == [tmp_path / "repo" / "corpus"]
