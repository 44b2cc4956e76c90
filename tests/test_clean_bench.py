"""The cleaning benchmark scores pages consistently (its numbers, never its speed)."""
from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console
from vnfigures.bench.clean import extractors, load_pages, report, run

SENTENCE = "Đoạn {i}: huyện đã trao {i} căn nhà tình thương cho các hộ nghèo trên địa bàn, với tổng kinh phí lớn."
ARTICLE = ("<html><body><h1>Trao nhà cho hộ nghèo</h1><div>"
           + "".join(f"<p>{SENTENCE.format(i=i)}</p>" for i in range(1, 7))
           + "</div><div><h3><a href='/a'>Tin khác về hộ nghèo ở huyện bên</a></h3></div></body></html>")
LIST = "<html><body>" + "".join(
    f"<h3><a href='/{i}'>Tin số {i} về trao nhà cho hộ nghèo</a></h3><p>{SENTENCE.format(i=i)}</p>" for i in range(20)
) + "</body></html>"


def test_bench_scores_article_and_list_pages(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "site_1.html").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "raw" / "other_2.html").write_text(LIST, encoding="utf-8")
    expect = [
        {"file": "raw/site_1.html", "kind": "article", "title": "Trao nhà cho hộ nghèo",
         "with": ["Đoạn 1: huyện đã trao 1 căn", "Đoạn 6: huyện đã trao 6 căn", "not in the page"],
         "without": ["Tin khác về hộ nghèo"]},
        {"file": "raw/other_2.html", "kind": "list", "title": None, "with": [], "without": ["Tin số 3 về trao nhà"]},
    ]
    (tmp_path / "expect.json").write_text(json.dumps(expect, ensure_ascii=False), encoding="utf-8")
    pages = load_pages([tmp_path / "expect.json"])
    ours = extractors()["vnfigures (no site hints)"]
    assert ours is not None
    scores, rate = run(pages, ours, repeat=1)
    assert [(s.kept, s.wanted, s.excluded, s.unwanted) for s in scores] == [(2, 3, 1, 1), (0, 0, 1, 1)]
    assert (scores[0].articles_found, scores[1].refused) == (1, 1)
    numbers = report(pages, {"ours": (scores, rate)}, {"other"}, Console(file=io.StringIO(), width=160))
    assert numbers["ours"]["held out"]["refused"] == 1
    assert numbers["ours"]["rules written on"]["with_recall"] == 2 / 3


def test_scraped_bench_loads_a_revision_of_the_text_cleaner() -> None:
    import shutil
    import subprocess

    import pytest
    from vnfigures.bench.scraped import REPO, revision_clean_text
    from vnfigures.clean import clean_text

    if shutil.which("git") is None or subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"],
                                                     capture_output=True, check=False).returncode:
        pytest.skip("not a git checkout")
    raw = f"Trao nhà cho hộ nghèo\n\n{SENTENCE.format(i=3)}\nBình luận (2)\nHay quá\nTrả lời"
    theirs = revision_clean_text("HEAD")(raw)
    assert theirs.text == clean_text(raw).text == f"Trao nhà cho hộ nghèo\n{SENTENCE.format(i=3)}"


def test_bench_holds_out_pages_by_the_parity_of_their_number(tmp_path: Path) -> None:
    """A harvest of one's own is split by page number (entry "n", else position): even ones held out."""
    for name in ("a_1.html", "b_2.html", "c_3.html"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    expect = [{"file": "a_1.html", "kind": "article", "with": ["Đoạn 1: huyện"], "without": []},
              {"file": "b_2.html", "kind": "article", "with": ["Đoạn 2: huyện"], "without": []},
              {"file": "c_3.html", "kind": "article", "n": 4, "with": ["Đoạn 3: huyện", "absent"], "without": []}]
    (tmp_path / "expect.json").write_text(json.dumps(expect, ensure_ascii=False), encoding="utf-8")
    pages = load_pages([tmp_path / "expect.json"])
    assert [p.number for p in pages] == [1, 2, 4]
    ours = extractors()["vnfigures (no site hints)"]
    assert ours is not None
    scores, rate = run(pages, ours, repeat=1)
    numbers = report(pages, {"ours": (scores, rate)}, set(), Console(file=io.StringIO(), width=160), "even")
    assert (numbers["ours"]["held out"]["wanted"], numbers["ours"]["rules written on"]["wanted"]) == (3, 1)
    assert numbers["ours"]["held out"]["with_recall"] == 2 / 3
