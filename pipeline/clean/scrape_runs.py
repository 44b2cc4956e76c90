"""Runs of page furniture inside and after an article saved as text: related headlines and
advertisements set between paragraphs, and the page's tail after the last paragraph (related
stories, teasers, a source and share box, footers). The shapes come from `scrape.yaml`
through `scrape.shapes()`; what is a paragraph or a headline is `scrape`'s to say.
"""
from __future__ import annotations

import re
from functools import lru_cache

from vnfigures.clean.rules import furniture
from vnfigures.clean.scrape import SENTENCE_END, is_content, is_paragraph, is_teaser_title, shapes
from vnfigures.extractors.lexicon import LOWERCASE, UPPERCASE

__all__ = ["article_resumes", "drop_page_tail", "drop_promo_lines", "drop_promo_runs", "drop_quoting_tail", "drop_related_runs"]

#: A lower-case letter glued to a capitalized word: a line break a page's text lost.
_GLUED = re.compile(rf"[{LOWERCASE}](?=[{UPPERCASE}][{LOWERCASE}])")
#: Quotation marks and dashes a reader's comment may open its quote with.
_QUOTE_OPEN = "\"'“‘«- "
_WEB_ADDRESS = re.compile(r"(?<![\w@])(?:https?://|www\.)\S+", re.IGNORECASE)


def article_resumes(lines: list[str], marker: int) -> int | None:
    """Where the article goes on after a related-stories box ("Tin liên quan" and a few
    linked headlines) set inside it, or None when the box opens the page's tail: the body
    resumes with two paragraphs in a row (teasers after the article alternate headline and
    summary)."""
    limit = min(len(lines) - 1, marker + 1 + shapes().related_box_max_lines)
    for j in range(marker + 1, limit):
        if is_paragraph(lines[j]):
            return j if is_paragraph(lines[j + 1]) else None
    return None


def drop_promo_runs(lines: list[str]) -> list[str]:
    """Drop an advertisement set between two paragraphs: at least promo_min_lines short lines
    in a row with no sentence among them, one of them a phone number to call ("ƯU ĐÃI ĐẶC
    BIỆT", "Giảm 30% học phí", "Gọi ngay 1900 1234"). An article's own table of short rows
    names no phone number."""
    keep, i = list(lines), 1
    while i < len(keep):
        j = i
        while j < len(keep) and _is_promo_line(keep[j]):
            j += 1
        run = keep[i:j]
        if (len(run) >= shapes().promo_min_lines and j < len(keep) and is_paragraph(keep[i - 1])
                and any(_phone_re().search(line) for line in run)):
            del keep[i:j]
        else:
            i = j + 1
    return keep


def drop_promo_lines(lines: list[str]) -> list[str]:
    """Drop single advertisement lines set between two paragraphs: no sentence end, and a
    part of the line opens with a call to action ("Đăng ký nhận ưu đãi 50%", a slogan glued to
    its button "… nhận nhà ngayĐăng ký …"). A run of short promo lines is drop_promo_runs's."""
    return [line for i, line in enumerate(lines)
            if not (0 < i < len(lines) - 1 and _is_call_line(line) and is_paragraph(lines[i - 1])
                    and is_paragraph(lines[i + 1]))]


def _is_call_line(line: str) -> bool:
    if len(line) > shapes().headline_max_chars or SENTENCE_END.search(line) is not None:
        return False
    starts = [0, *(m.start() + 1 for m in _GLUED.finditer(line))]
    return any(_calls_re().match(line, start) for start in starts)


@lru_cache(maxsize=1)
def _calls_re() -> re.Pattern[str]:
    return re.compile("|".join(rf"{re.escape(call)}\b" for call in shapes().promo_calls), re.IGNORECASE)


def _is_promo_line(line: str) -> bool:
    """A short line with no sentence (most lines are paragraphs: that answer is cached)."""
    return (not is_paragraph(line) and len(line.split()) <= shapes().promo_max_line_words
            and SENTENCE_END.search(line) is None)


@lru_cache(maxsize=1)
def _phone_re() -> re.Pattern[str]:
    return re.compile(shapes().phone_number)


def drop_related_runs(lines: list[str]) -> list[str]:
    """Drop runs of related headlines set inside the body without a label: at least
    link_run_min teaser titles in a row with a paragraph after them. An article's own list
    is announced (a line ending with ':') or marked, and its headings come one at a time.
    Right after the lead (the first paragraph) a shorter run, lead_related_run_min, is the
    "Tin liên quan" box many sites set there with its label lost."""
    keep = list(lines)
    lead = next((k for k, line in enumerate(keep) if is_paragraph(line)), None)
    i = 1
    while i < len(keep):
        j = i
        while j < len(keep) and is_teaser_title(keep[j]):
            j += 1
        least = shapes().lead_related_run_min if lead is not None and i == lead + 1 else shapes().link_run_min
        if (j - i >= least and j < len(keep) and is_paragraph(keep[j])
                and not _announces_list(keep[i - 1])):
            del keep[i:j]
        else:
            i = j + 1
    return keep


def drop_page_tail(lines: list[str]) -> list[str]:
    """Cut what follows the article: related headlines, (headline, summary) teasers and a
    long tail of short lines after its last paragraph. The first line (the headline) stays."""
    last = next((i for i in range(len(lines) - 1, 0, -1) if is_paragraph(lines[i])), None)
    if last is None:
        return lines
    glued = _glued_teasers_start(lines, last)
    if glued is not None:
        return lines[:glued]
    tail = lines[last + 1:]
    related = [i for i, line in enumerate(tail) if is_teaser_title(line)]
    announced = bool(related) and _announces_list(lines[last + related[0]])
    if len(related) >= shapes().link_run_min and not announced:
        start = last + 1 + related[0]
        return _drop_lone_teaser(lines[: start - 1] if _is_box_label(lines[start - 1]) and start - 1 > last else lines[:start])
    start = _teaser_pairs_start(lines, last)
    if start is not None:
        return lines[:start]
    if _is_page_tail(tail) or _is_link_tail(tail):
        return _drop_lone_teaser(lines[: last + 1])
    return lines


def _is_link_tail(tail: list[str]) -> bool:
    """A few short lines after the last paragraph with a web address among them: the page's
    source and share box ("Theo Nhịp sống thị trường Copy link", "Link bài gốc https://…")."""
    return len(tail) <= shapes().link_tail_max_lines and any(_WEB_ADDRESS.search(line) for line in tail)


def _glued_teasers_start(lines: list[str], last: int) -> int | None:
    """Where teasers that end the article begin when each lost the break between its headline
    and its summary ("Hà Tĩnh hỗ trợ 500 hộ nghèo làm nhà mớiTỉnh vừa phân bổ 25 tỷ đồng …"),
    as a mobile page's text gives them: at least teaser_pairs_min such lines in a row, the
    last of them the last paragraph. One glued line is no sign (a dateline glued to the lead)."""
    k = last
    while k >= 1 and _is_glued_teaser(lines[k]):
        k -= 1
    return k + 1 if last - k >= shapes().teaser_pairs_min else None


def _is_glued_teaser(line: str) -> bool:
    m = _GLUED.search(line, 0, shapes().headline_max_chars)
    return m is not None and is_teaser_title(line[:m.start() + 1]) and is_paragraph(line[m.start() + 1:])


def _drop_lone_teaser(lines: list[str]) -> list[str]:
    """Drop one (headline, one-sentence summary) pair left right above a page tail just cut:
    the "next story" teaser pages print between the article and their tail. An article's own
    closing section under a heading has a longer last paragraph, or more than one."""
    if len(lines) < 4 or not is_teaser_title(lines[-2]) or not is_paragraph(lines[-1]):
        return lines
    summary = lines[-1]
    sentences = len(SENTENCE_END.findall(summary))
    if sentences > shapes().lone_teaser_max_sentences or len(summary.split()) > shapes().lone_teaser_max_words:
        return lines
    return lines[:-2] if is_paragraph(lines[-3]) else lines


def _announces_list(line: str) -> bool:
    """The article announcing its own list ("Các giải pháp chính của huyện:"); a box's
    label ("Các tin đã đưa:", "Xem thêm:") is shorter."""
    return line.rstrip().endswith(":") and len(line.split()) > shapes().box_label_max_words


def _is_box_label(line: str) -> bool:
    """The label of a box of links ("Bài viết cùng chuyên mục", "Đọc thêm"): a few words,
    no sentence, no one's name."""
    rules = furniture()
    label = line.rstrip(" :")  # "Các tin đã đưa:"
    return (bool(label) and len(label.split()) <= shapes().box_label_max_words and rules.is_headline(label)
            and not rules.is_name_line(label) and not rules.is_signature(label))


def _teaser_pairs_start(lines: list[str], last: int) -> int | None:
    """Where (headline, one-paragraph summary) pairs that end the article begin, if there
    are enough of them; an article's own section has more than one paragraph."""
    pairs, k = 0, last
    while (k >= 2 and is_teaser_title(lines[k - 1]) and is_paragraph(lines[k])
           and len(lines[k].split()) <= shapes().teaser_summary_max_words):
        pairs, k = pairs + 1, k - 2
    return k + 1 if pairs >= shapes().teaser_pairs_min else None


def _is_page_tail(tail: list[str]) -> bool:
    """Many short lines, most with neither a digit nor a list marker."""
    return len(tail) >= shapes().tail_min_lines and not is_content(tail)


def drop_quoting_tail(lines: list[str]) -> list[str]:
    """Cut the readers' comments that end a page when they quote the article: lines that
    open with a whole earlier paragraph of the text and go on ("<paragraph> Tôi thấy ...").
    The article never restates a whole paragraph of its own before going on, but a sapo may be
    printed again at the head of the body, so only a tail of such lines goes (with the short
    lines between them: names, times, "Trả lời"); the first line is the headline."""
    first = _quoting_tail_start(lines)
    return lines if first is None else lines[:first]


def _quoting_tail_start(lines: list[str]) -> int | None:
    """The first line of the run ending the text in which every paragraph quotes an earlier one."""
    seen: dict[str, list[str]] = {}  # earlier paragraphs by their first characters: one pass
    quoting: list[int] = []
    for i, line in enumerate(lines[1:], start=1):
        if not is_paragraph(line):
            continue
        opened = line.lstrip(_QUOTE_OPEN)
        if any(opened.startswith(p) and len(opened) > len(p) for p in seen.get(opened[:_KEY_CHARS], ())):
            quoting.append(i)
        else:
            quoting = []
            seen.setdefault(line[:_KEY_CHARS], []).append(line)
    return quoting[0] if quoting else None


# Earlier paragraphs are looked up by this many first characters (a paragraph has more).
_KEY_CHARS = 32
