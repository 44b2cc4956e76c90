"""The locate step (ANNOTATION.md §8) on short articles made of real corpus sentences: each
figure's province and year come from its clause, sentence, framing phrase, lead, or the
article's main place."""
from __future__ import annotations

from decimal import Decimal

import pytest

from vnfigures.extractors.locate import locate
from vnfigures.schemas import Article, Figure


def article(text: str, spans: list[str], published: str | None = None, source: str | None = None) -> Article:
    """An article whose figures are the given spans (kind and value do not matter here)."""
    figures, pos = [], 0
    for span in spans:
        start = text.index(span, pos)
        pos = start + len(span)
        figures.append(Figure(text=span, start=start, end=pos, kind="other", value=Decimal(4), unit="item"))
    return Article(id="t", text=text, figures=figures, published=published, source=source)


FLOOD = ("Khẩn trương khắc phục hậu quả mưa lũ\n"
         "Theo Trung tâm dự báo, từ ngày 29 đến đêm 31-8, ở Bắc Bộ và các tỉnh Thanh Hóa, Nghệ An tiếp tục có "
         "mưa vừa (lượng mưa phổ biến từ 150 đến 250 mm/đợt).\n"
         "Tại tỉnh Hòa Bình, mưa lớn gây sạt lở đất đá ảnh hưởng năm hộ dân tại xóm Co Lương (xã Vạn Mai, "
         "huyện Mai Châu) trong đó, một gia đình bị sập tường.\n"
         "Mưa lũ làm 33 hộ dân tỉnh Sơn La phải di chuyển chỗ ở khẩn cấp.")
BA_VI = ("Hiệu quả từ chuyển đổi cơ cấu kinh tế đúng hướng\n"
         "Trong những năm gần đây, tình hình kinh tế - xã hội của huyện Ba Vì (Hà Nội) đã đạt nhiều kết quả.\n"
         "Đến nay, toàn huyện có 360 trang trại sản xuất tập trung (tăng 42 trang trại so với năm 2015).\n"
         "Năm 2017, lượng khách du lịch đạt 2,67 triệu lượt, doanh thu đạt 276 tỷ đồng.\n"
         "Thu ngân sách năm 2017 đạt 278,7 tỷ đồng tăng 497,6% so năm 2015.")
LABOUR = ("Thu nhập của người lao động tăng hơn 600.000 đồng so với năm trước\n"
          "Theo Bộ Lao động - Thương binh và Xã hội, trong 9 tháng đầu năm 2024, thu nhập bình quân của người "
          "lao động là 8,5 triệu đồng/tháng.\n"
          "Đến nay, cả nước có khoảng 52,7 triệu lao động, tăng trên 114.000 người so với quý trước.")


@pytest.mark.parametrize(("text", "spans", "published", "expected"), [
    (FLOOD, ["từ 150 đến 250 mm/đợt", "năm hộ dân", "một gia đình", "33 hộ dân"], "2018-08-30", [
        ("Bắc Bộ và các tỉnh Thanh Hóa, Nghệ An", None, 2018, None),  # several provinces: none
        ("xóm Co Lương (xã Vạn Mai, huyện Mai Châu)", "Phú Thọ", 2018, None),  # Hòa Bình is Phú Thọ now
        ("xóm Co Lương (xã Vạn Mai, huyện Mai Châu)", "Phú Thọ", 2018, None),
        ("tỉnh Sơn La", "Sơn La", 2018, None),  # the lead dates the flood: the publication year
    ]),
    (FLOOD, ["33 hộ dân"], None, [("tỉnh Sơn La", "Sơn La", None, None)]),  # no publication year: no year
    (BA_VI, ["360 trang trại", "42 trang trại", "2,67 triệu lượt", "276 tỷ đồng", "278,7 tỷ đồng", "497,6%"], None, [
        ("huyện Ba Vì (Hà Nội)", "Hà Nội", None, None),  # a standing count; the lead names no period
        ("huyện Ba Vì (Hà Nội)", "Hà Nội", None, None),  # `so với năm 2015` is the comparison's base
        ("huyện Ba Vì (Hà Nội)", "Hà Nội", 2017, None),  # the paragraph opens with `Năm 2017,`
        ("huyện Ba Vì (Hà Nội)", "Hà Nội", 2017, None),
        ("huyện Ba Vì (Hà Nội)", "Hà Nội", 2017, None),
        ("huyện Ba Vì (Hà Nội)", "Hà Nội", 2017, None),
    ]),
    (LABOUR, ["hơn 600.000 đồng", "8,5 triệu đồng/tháng", "khoảng 52,7 triệu lao động"], "2024-11-25", [
        (None, None, 2024, None),  # the lead's framing phrase names the period of the article
        (None, None, 2024, None),
        ("cả nước", None, 2024, None),  # national: no province
    ]),
])
def test_locate(text: str, spans: list[str], published: str | None, expected: list) -> None:
    located = locate(article(text, spans, published))
    assert [(f.place, f.province, f.year, f.year_max) for f in located.figures] == expected


def test_this_year_in_the_leads_first_sentence_dates_the_event() -> None:
    text = ("Giá hoa tăng mạnh\nHoa nhập khẩu khan hiếm, tăng giá trong dịp lễ 8-3 năm nay.\n"
            "Theo cửa hàng hoa, một bó hoa hồng dao động từ 400.000 đồng đến 1 triệu đồng.")
    assert locate(article(text, ["từ 400.000 đồng đến 1 triệu đồng"], "2026-03-07")).figures[0].year == 2026


@pytest.mark.parametrize(("text", "span", "year"), [
    # §8: the title frames the article when it names its period ...
    ("Năm 2017: Tăng vốn tín dụng chính sách\nNguồn vốn cho vay hộ nghèo tăng thêm 5.100 tỷ đồng.",
     "5.100 tỷ đồng", 2017),
    # ... not when its year is that of a figure in it (`657.000 tỷ đồng đầu tư công năm 2024`)
    ("657.000 tỷ đồng đầu tư công năm 2024\nCả nước hiện có 34 dự án lớn trọng điểm ngành giao thông.",
     "34 dự án lớn", None),
    # a figure reported as current holds for the period the title names ...
    ("Smartphone giảm giá mạnh trong đầu tháng 10/2020\nSản phẩm hiện đang có mức giảm giá 2 triệu đồng.",
     "2 triệu đồng", 2020),
    # ... and for no year when only the lead dates an event (§8: a standing or current fact)
    ("Tai nạn trên cao tốc\nTrưa 18/2, xe tải tông ôtô. Đây là một trong 5 tuyến cao tốc hiện có hai làn xe.",
     "hai làn xe", None),
])
def test_the_title_frames_only_its_period(text: str, span: str, year: int | None) -> None:
    assert locate(article(text, [span], "2024-02-18")).figures[0].year == year


@pytest.mark.parametrize(("text", "span", "year"), [
    # a storm numbered within its year in the lead dates the event the article reports (§8, like `Trưa 27/8`)
    ("Nông dân lo tôm nhiễm bệnh sau bão\nBão số 10 đã khiến hàng chục ha tôm của người dân bị thiệt hại.\n"
     "Anh Hiền ở xã Quỳnh Bảng có 2,5 ha diện tích nuôi tôm, thiệt hại khoảng 400 triệu đồng.",
     "khoảng 400 triệu đồng", 2017),
    ("Nông dân lo tôm nhiễm bệnh sau bão\nNông dân đang khắc phục hậu quả.\n"
     "Trong cơn bão số 10, thị xã thiệt hại lớn nhất là nuôi trồng thủy sản với 55 ha.", "55 ha", 2017),
    # ... so does one opening a paragraph of the body for the tally that follows it
    ("Nông dân lo tôm\nNông dân đang khắc phục hậu quả.\nBão số 10 gây thiệt hại nặng. Toàn huyện có 50 ha tôm bị "
     "thiệt hại.", "50 ha", 2017),
    # ... but a storm named inside a paragraph frames no later sentence
    ("Nông dân lo tôm\nNông dân đang khắc phục hậu quả.\nAnh Hiền kể lại. Cơn bão số 10 đã qua. Anh có 2,5 ha ao nuôi.",
     "2,5 ha", None),
])
def test_a_numbered_storm_dates_its_event(text: str, span: str, year: int | None) -> None:
    assert locate(article(text, [span], "2017-09-20")).figures[0].year == year


def test_a_day_in_the_lead_dates_the_event() -> None:
    text = ("Mưa lũ, sạt lở đất đã làm 6 người chết, mất tích và bị thương\nTheo báo cáo nhanh của Văn phòng thường "
            "trực Ban Chỉ đạo Trung ương về Phòng chống thiên tai, mưa lũ và sạt lở đất xảy ra từ ngày 7-7 đến nay "
            "trên địa bàn tỉnh Thái Nguyên đã làm 4 người chết.\nNgoài ra, tại huyện Phú Lương có 112 con lợn bị "
            "thiệt hại.")
    located = locate(article(text, ["112 con lợn"], "2017-07-10"))
    assert (located.figures[0].province, located.figures[0].year) == ("Thái Nguyên", 2017)


@pytest.mark.parametrize(("text", "span", "year"), [
    # a day in the title dates the event the article reports, a figure before it notwithstanding
    # (§8: the title dates the event; `dịp 27/7` is the day of the occasion)
    ("Quảng Nam trao 500 suất quà dịp 27/7\nTỉnh đã trao 500 suất quà, mỗi suất 1 triệu đồng cho gia đình chính "
     "sách.", "1 triệu đồng", 2023),
    # a body sentence saying when the event happened dates it when the title and lead date nothing
    ("Cháy nhà xưởng ở Bình Dương\nMột vụ cháy lớn xảy ra tại khu công nghiệp Sóng Thần.\nVụ việc xảy ra sáng 9/12 "
     "tại xưởng gỗ của công ty.\nĐám cháy thiêu rụi 2.000 m2 nhà xưởng, 30 xe chữa cháy được huy động.",
     "30 xe chữa cháy", 2023),
    ("Mưa lớn gây thiệt hại ở Điện Biên\nNhiều hộ dân bị ảnh hưởng.\nMưa lớn diễn ra vào rạng sáng 28-8 tại huyện "
     "Nậm Pồ.\nToàn huyện có 23 nhà bị cuốn trôi.", "23 nhà", 2023),
    # with a sapo that dates nothing, the first body paragraph's date dates the incident it tells of ...
    ("Cá diêu hồng chết bất thường ở Cần Thơ\nHàng chục tấn cá của nhiều hộ nuôi chết nổi trên sông.\nNgày 31/10, "
     "người dân phát hiện cá diêu hồng nuôi trong bè chết nổi dày đặc trên mặt sông.\nÔng Hòa ước tính đã có 4 - 5 tấn "
     "cá bị chết.", "4 - 5 tấn", 2023),
    # what a place or a work has is a standing fact the dated event does not date (held-out CAND, GD&TĐ) ...
    ("Cõng hàng tiếp tế vùng bị cô lập\nNgày 2/11, công an xã trở lại 2 thôn bị cô lập sau mưa lũ.\nThôn Đang có "
     "69 hộ, 311 nhân khẩu, cách trung tâm xã 15km.", "311 nhân khẩu", None),
    # ... unless the event's damage is told of it
    ("Mưa lũ gây thiệt hại\nNgày 2/11, mưa lũ gây ngập nhiều nơi.\nToàn huyện có 200 nhà bị ngập.", "200 nhà", 2023),
    # ... while a period the lead names frames it (tuoitre_201: `Đến nay, cả nước có khoảng 52,7 triệu lao động`)
    ("Lao động 9 tháng đầu năm\nTrong 9 tháng đầu năm 2023, thu nhập của người lao động tăng.\nĐến nay, cả nước "
     "có khoảng 52,7 triệu lao động.", "khoảng 52,7 triệu lao động", 2023),
    # ... not a statement's day (tuoitre_202), nor a meeting's (tuoitre_203)
    ("Học sinh không được hỗ trợ bảo hiểm\nPhụ huynh khiếu nại.\nNgày 8-11, ông Công cho biết đang phối hợp chi trả "
     "cho phụ huynh bị chết lặng vì mất tiền.\nToàn huyện có khoảng 13.000 người dân thuộc đối tượng.",
     "khoảng 13.000 người dân", None),
    ("Lấy ý kiến về bồi thường\nNhiều hộ dân góp ý.\nNgày 28-11, UBND TP Thủ Đức tổ chức hội nghị lấy ý kiến.\n"
     "Dự án gồm hai đoạn.", "hai đoạn", None),
    # ... but not one telling of an earlier event (`Trước đó, ...`), nor a quoted account
    ("Cháy nhà xưởng ở Bình Dương\nMột vụ cháy lớn xảy ra tại khu công nghiệp.\nTrước đó, một vụ cháy khác xảy ra "
     "ngày 3/5 tại đây.\nĐám cháy huy động 30 xe chữa cháy.", "30 xe chữa cháy", None),
    ("Cháy nhà xưởng\nMột vụ cháy lớn xảy ra tại khu công nghiệp.\nÔng A kể: \"Chuyện xảy ra sáng 3/5, tôi rất "
     "sợ\".\nĐám cháy huy động 30 xe chữa cháy.", "30 xe chữa cháy", None),
])
def test_a_day_that_dates_the_reported_event_frames_it(text: str, span: str, year: int | None) -> None:
    assert locate(article(text, [span], "2023-07-25")).figures[0].year == year


@pytest.mark.parametrize(("text", "span", "year"), [
    # the lead's `năm nay` names the period the article reports, though a vague span opens it
    ("Nông dân trúng mùa cua, ghẹ\nTrong vòng 5 năm trở lại đây, chưa năm nào ghẹ xuất hiện nhiều như năm nay.\n"
     "Cua gạch hiện nay thương lái mua 400.000 đồng/kg.", "400.000 đồng/kg", 2018),
    # ... while a vague span alone frames no year (§8: `những năm gần đây` gives null)
    ("Nông dân trúng mùa cua, ghẹ\nTrong vòng 5 năm trở lại đây, ghẹ xuất hiện nhiều ở đầm.\n"
     "Cua gạch hiện nay thương lái mua 400.000 đồng/kg.", "400.000 đồng/kg", None),
    # a lead opening with a clause of time that holds a year frames the article, however long
    ("Vùng nuôi tôm thâm canh\nĐến những ngày trước và sau Tết Nguyên đán 2018, giá tôm thẻ ở ĐBSCL phục hồi.\n"
     "Hiện nay, giá tôm tại các đại lý khoảng 120.000 đồng/kg.", "khoảng 120.000 đồng/kg", 2018),
    # a whole date in the lead's first sentence dates the event, as a day without its year does
    ("Đại hội Công đoàn tỉnh\nĐại hội được diễn ra trong 2 ngày 21 và 22/6/2018 với nhiều nội dung.\n"
     "Dự đại hội có 246 đại biểu.", "246 đại biểu", 2018),
    # a term in the title names the congress, not the period of its figures
    ("Đại hội Công đoàn tỉnh lần thứ X, nhiệm kỳ 2018 - 2023 thành công tốt đẹp\nĐại hội đã diễn ra thành công.\n"
     "Dự đại hội có 246 đại biểu.", "246 đại biểu", None),
    # a named month of the year is a period of the publication year
    ("Tuổi trẻ chung tay xây dựng nông thôn mới\nTuổi trẻ đã thực hiện nhiều công trình.\n"
     "Trong Tháng Thanh niên, các cấp bộ Đoàn trồng 4.500 cây xanh.", "4.500 cây xanh", 2018),
    # a page whose body runs into one paragraph has no lead beyond its first sentences: a framing
    # phrase deep in it frames no figure of the article (held-out Báo Chính phủ page)
    ("Đầu tư công\nPhiên họp diễn ra tại Hà Nội. Các đại biểu thảo luận. Thủ tướng phát biểu. Hiện nay, cả nước "
     "có 34 dự án lớn. Thủ tướng cho biết, năm 2024, cả nước dành 657.000 tỷ đồng.", "34 dự án lớn", None),
    ("Đầu tư công\nNăm 2024, cả nước dành 657.000 tỷ đồng. Các đại biểu thảo luận. Hiện nay, cả nước có 34 dự án "
     "lớn.", "34 dự án lớn", 2024),
    # ... but not when the clause holds another number: the year is that figure's
    ("Vùng nuôi tôm thâm canh\nĐến cuối năm 2017 với 3.000 ha nuôi mới, giá tôm thẻ ở ĐBSCL phục hồi.\n"
     "Hiện nay, giá tôm tại các đại lý khoảng 120.000 đồng/kg.", "khoảng 120.000 đồng/kg", None),
])
def test_the_leads_period_frames_the_article(text: str, span: str, year: int | None) -> None:
    assert locate(article(text, [span], "2018-03-16")).figures[0].year == year


def test_an_anniversarys_dates_in_brackets_frame_nothing() -> None:
    """The lead's bracketed anniversary (`(01/4/1959 – 01/4/2018)`) is an aside: the event's own
    date after it (`ngày 30/3/2018`) frames the article."""
    text = ("Bà Rịa - Vũng Tàu: Thả giống tái tạo nguồn lợi thủy sản\nNhân dịp kỷ niệm 59 năm ngày truyền thống "
            "ngành thủy sản Việt Nam (01/4/1959 – 01/4/2018), ngày 30/3/2018, Chi cục Thủy sản tổ chức thả giống "
            "thủy sản.\nNhân dịp này, đã có 800.000 con Tôm sú giống được thả ra môi trường tự nhiên.")
    assert locate(article(text, ["800.000 con"])).figures[0].year == 2018


@pytest.mark.parametrize(("sentence", "span", "year"), [
    # §8: a standing fact has no year even when its sentence dates another event
    ("Cao tốc\nTuyến cao tốc khánh thành ngày 31/12/2022, dài 98,3 km.", "98,3 km", None),
    ("Vết nứt\nNăm 2023 vết nứt thứ hai rộng 40cm.", "40cm", 2023),  # its own clause names the year
    # a distance from a place (`cách quốc lộ 1A khoảng 3 km`) is standing too
    ("Cháy kho\nTrưa 27/8, kho cháy. Nơi đây cách quốc lộ 1A khoảng 3 km.", "khoảng 3 km", None),
    ("Lũ\nNăm 2023, lũ làm 115 hộ dân phải di dời.", "115 hộ dân", 2023),
    ("Tổng kết năm 2023\nThời gian qua, tỉnh đã hỗ trợ 115 hộ nghèo.", "115 hộ nghèo", None),  # vague span
    ("Giảm nghèo\nTỉnh báo cáo kết quả.\nKết quả năm 2022\nTỉnh đã hỗ trợ 115 hộ nghèo.", "115 hộ nghèo",
     2022),  # the heading above the paragraph
    ("Giảm nghèo\nTỉnh báo cáo kết quả.\nTheo đó, năm 2023, tỉnh hỗ trợ nhiều hộ. Tỉnh đã xây 115 căn nhà.",
     "115 căn nhà", 2023),  # the framing phrase after the paragraph's connective
    ("Giảm nghèo\nTỉnh báo cáo kết quả.\nNăm 2023, tỉnh hỗ trợ nhiều hộ. Tỉnh đã xây 115 căn nhà.",
     "115 căn nhà", 2023),
    # a size word ending a verb of change (`nhân rộng`, `mở rộng`, `nâng cao`) measures no standing fact
    ("Mô hình khuyến ngư\nNhiều mô hình hiệu quả.\nNăm 2018, nhân rộng trên 50 mô hình.", "trên 50 mô hình", 2018),
    ("Nuôi tôm\nTỉnh báo cáo kết quả.\nNăm 2018, huyện mở rộng 200 ha diện tích nuôi tôm.", "200 ha", 2018),
    ("Nuôi tôm\nTỉnh báo cáo kết quả.\nNăm 2018, hiệu quả nâng cao 20% so với ngoài mô hình.", "20%", 2018),
    ("Nuôi tôm\nTỉnh báo cáo kết quả.\nNăm 2018, huyện đào kênh rộng 20 m.", "20 m", None),  # still a width
    # `cách` opening a word (`cách mạng`, `cách ly`) measures no distance: the figure keeps its sentence's year
    ("Lao động\nTỉnh báo cáo.\nTrong 6 tháng đầu năm 2018, tỉnh chi trả trợ cấp ưu đãi người có công với cách mạng "
     "cho gần 11.000 người.", "gần 11.000 người", 2018),
    ("Dịch bệnh\nTỉnh báo cáo.\nNăm 2020, tỉnh tổ chức cách ly 300 người.", "300 người", 2020),
    # the last term (`nhiệm kỳ qua`) is a vague span: no year
    ("Đại hội Công đoàn\nĐại hội diễn ra ngày 22/6/2018.\nTrong nhiệm kỳ qua, công đoàn kết nạp gần 6.700 đoàn viên mới.",
     "gần 6.700 đoàn viên mới", None),
])
def test_standing_facts_inherit_no_year(sentence: str, span: str, year: int | None) -> None:
    assert locate(article(sentence, [span], "2024-01-01")).figures[0].year == year


@pytest.mark.parametrize(("text", "source", "province"), [
    (BA_VI, None, "Hà Nội"),  # the lead names one province
    (FLOOD, None, None),  # the lead names several
    ("Giá lúa tăng\nCác tỉnh miền Tây thu hoạch lúa.\nBạc Liêu - Giá lúa tại An Giang tăng.", None, "Cà Mau"),
    ("Giá lúa tăng\n(Dân trí) - TP HCM – Các tỉnh miền Tây thu hoạch lúa.", None, "Hồ Chí Minh"),
    ("Nhộn nhịp mua vàng ngày vía Thần Tài\nSáng nay, phố vàng đông khách.", "baohatinh.vn", "Hà Tĩnh"),
    ("Nhộn nhịp mua vàng ngày vía Thần Tài\nSáng nay, phố vàng đông khách.", "Báo Cà Mau", "Cà Mau"),
    ("Nhộn nhịp mua vàng ngày vía Thần Tài\nSáng nay, phố vàng đông khách.", "baomoi.com", None),
    # the lead names one province and a national name; the body's places are mostly in that province
    ("Vốn ủy thác cho vay chính sách\nNgân sách tỉnh Thái Bình ủy thác sang Ngân hàng Chính sách xã hội Việt Nam "
     "tăng 1.888 tỷ đồng.\nHuyện Vũ Thư dành 5 tỷ đồng.\nHuyện Kiến Xương dành 3 tỷ đồng.\nHuyện Đông Hưng cũng vậy.",
     None, "Hưng Yên"),
    # no place in the title or lead: the province most of the body's places name (more than all others)
    ("Điều chỉnh mức thu phí\nChiều 26/4, Tập đoàn Đèo Cả đã họp báo.\nTrạm nằm tại huyện Phú Lộc, tỉnh Thừa Thiên "
     "Huế.\nXe từ Thừa Thiên Huế qua Đà Nẵng đi Hải Vân 1, từ Đà Nẵng về Huế đi Hải Vân 2.", None, "Huế"),
    # the title names one province, the lead also a region (in a project's name): the title's
    ("Thông tin về việc giá lợn giống trong dự án giảm nghèo tại Điện Biên cao bất thường\nNgày 26/5, UBND tỉnh "
     "Điện Biên đã có văn bản trả lời về nội dung trong Dự án giảm nghèo các tỉnh miền núi phía Bắc.", None,
     "Điện Biên"),
    # a dateline the scrape glued to the lead's first word (the page set it in its own box)
    ("Giá thuê nhà tăng\nĐà NẵngNhiều hộ thuê nhà phải trả thêm 1 triệu đồng mỗi tháng.", None, "Đà Nẵng"),
    ("Cháy kho hàng\nTP HCMBa dãy nhà xưởng bị thiêu rụi trong đêm.", None, "Hồ Chí Minh"),
    ("Tai nạn trên cao tốc\nThừa Thiên - HuếHai xe khách va chạm trên cao tốc.", None, "Huế"),
])
def test_main_province(text: str, source: str | None, province: str | None) -> None:
    assert locate(article(text, [], source=source)).province == province


def test_foreign_name_of_an_earlier_sentence_is_an_attribute() -> None:
    text = ("Hà Nam: Đàn lợn uống nước cầm hơi\nNgười chăn nuôi ở huyện Bình Lục lo lắng.\nAnh Nhượng nuôi giống "
            "lợn Hàn Quốc. Tính chung cả đàn lợn chắc lỗ hơn 400 triệu đồng, anh Nhượng rầu rĩ.")
    assert locate(article(text, ["hơn 400 triệu đồng"])).figures[0].province == "Ninh Bình"


@pytest.mark.parametrize(("text", "span"), [
    # a region that ends a firm's or a station's name says nothing of where the figure holds
    ("Cháy kho hàng\nTP HCM - Lửa lan sang xưởng của Công ty thép Tây Nguyên (5.000 m2).", "5.000 m2"),
    ("Cháy kho hàng\nTP HCM - Khói bốc lên tại hai nhà kho Sunhouse Miền Nam trên đường số 1.", "hai nhà kho"),
    ("Cháy kho hàng\nTP HCM - Khu công nghiệp cách Bến xe miền Tây hơn 6 km.", "hơn 6 km"),
    # a region that ends a state body's name tells the body's remit, not where the figure holds
    ("Sạt lở kè biển\nTP HCM - Viện Khoa học thủy lợi miền Nam lập dự án, vốn đầu tư khoảng 190 tỷ đồng.",
     "khoảng 190 tỷ đồng"),
    ("Sạt lở kè biển\nTP HCM - Ông Bình, Phó Giám đốc Cảng vụ Hàng không Miền Nam cho biết có 43 người đồng ý.",
     "43 người"),
])
def test_region_in_a_name_leaves_the_main_place(text: str, span: str) -> None:
    assert locate(article(text, [span])).figures[0].province == "Hồ Chí Minh"


@pytest.mark.parametrize(("text", "span", "province"), [
    ("Bão số 4\nGió mạnh ở vùng biển Quảng Trị, sóng cao 3 m.", "3 m", "Quảng Trị"),
    ("Lũ ở miền Trung\nNgười dân Hà Tĩnh có 300 hộ bị ngập.", "300 hộ", "Hà Tĩnh"),
])
def test_the_sea_and_the_people_of_a_place_still_locate(text: str, span: str, province: str) -> None:
    assert locate(article(text, [span])).figures[0].province == province


def test_a_region_that_holds_the_figure_still_does() -> None:
    text = "Giá lúa tăng\nTP HCM - Mưa lớn ở miền Tây làm 300 hộ mất mùa."
    assert locate(article(text, ["300 hộ"])).figures[0].province is None


def test_several_big_cities_hold_no_province() -> None:
    text = ("Nhà giá rẻ\nTP HCM - Quỹ đất ở Thủ Đức, Hóc Môn còn nhiều. Các chuyên gia nhận định, "
            "các TP lớn có thể xây dựng nhà giá rẻ khoảng 500 triệu đồng.")
    assert locate(article(text, ["khoảng 500 triệu đồng"])).figures[0].province is None


@pytest.mark.parametrize(("text", "span", "province"), [
    # a deputy's constituency says who asks, not where the answer's figures hold
    ("Nhà tình nghĩa\nĐây là ý kiến của Thủ tướng trả lời chất vấn đại biểu Quốc hội Y Khút Niê - Phó Trưởng "
     "đoàn đại biểu Quốc hội tỉnh Đắk Lắk: mức hỗ trợ không vượt quá 50% tiền sử dụng đất.",
     "không vượt quá 50%", None),
    ("Chất vấn\nĐBQH tỉnh Cà Mau hỏi về khoản vay, Bộ trưởng cho biết mức vay không quá 30%.", "30%", None),
    # the province's own council is a place of the province's work
    ("Kỳ họp HĐND\nĐại biểu HĐND tỉnh Cà Mau cho biết tỉnh có 1.200 hộ nghèo.", "1.200 hộ nghèo", "Cà Mau"),
])
def test_a_deputys_constituency_is_no_place(text: str, span: str, province: str | None) -> None:
    assert locate(article(text, [span])).figures[0].province == province


def test_a_body_helping_a_region_still_locates_there() -> None:
    text = "Lũ lụt\nTP HCM - Tổng cục Thủy lợi hỗ trợ cho miền Trung 300 tấn gạo."
    assert locate(article(text, ["300 tấn gạo"])).figures[0].province is None


@pytest.mark.parametrize(("text", "span", "province"), [
    # §8: the people of an event hold where it happened, not where they live
    ("Tai nạn giao thông\nSáng 5/3, trên quốc lộ 1A đoạn qua huyện Trảng Bom, tỉnh Đồng Nai, xe khách va chạm "
     "xe tải làm 3 người chết, đều trú tại xã Tân Phú, huyện Đức Hòa, tỉnh Long An.", "3 người chết", "Đồng Nai"),
    # a nationality is no place: the passengers hold where they landed
    ("Hành khách cách ly\nChuyến bay hạ cánh xuống sân bay Tân Sơn Nhất, TPHCM lúc 12h30.\nChỉ có 3 hành khách "
     "đồng ý cách ly (1 người Mỹ, 1 người Hàn Quốc).", "1 người Mỹ", "Hồ Chí Minh"),
    ("Cháy xưởng gỗ\nRạng sáng 10/11, một vụ cháy lớn xảy ra tại xưởng gỗ ở huyện Trảng Bom (Đồng Nai).\n"
     "Chủ xưởng là ông Nguyễn Văn B, trú tại huyện Đức Hòa (Long An) thiệt hại 200 triệu đồng.", "200 triệu đồng",
     "Đồng Nai"),
    # the people of a custom are from a place, not counted there
    ("Cá lóc về chợ\nTP HCM - Cá lóc nướng là vật phẩm cúng của nhiều người Sài Gòn và các tỉnh Nam Bộ, "
     "giá 40.000 đồng một kg.", "40.000 đồng một kg", "Hồ Chí Minh"),
    # a plate says where a vehicle is registered (`biển`, `biển số`, `BKS` after a vehicle)
    ("Tai nạn trên cao tốc\nKhi qua xã Phong Thu, huyện Phong Điền, ôtô va vào xe container biển TP HCM, "
     "nằm cách hộ lan chừng 7 m.", "chừng 7 m", "Huế"),
    ("Tai nạn trên cao tốc\nTại huyện Trảng Bom, tỉnh Đồng Nai, xe tải biển số Tiền Giang tông 2 xe máy.",
     "2 xe máy", "Đồng Nai"),
    ("Tai nạn trên cao tốc\nTại huyện Trảng Bom, tỉnh Đồng Nai, ôtô BKS Long An tông 2 xe máy.",
     "2 xe máy", "Đồng Nai"),
    # a trip's destination is not where its cost is paid (the toll is at the tunnel, in Huế)
    ("Lùi thời điểm tăng phí qua hầm Hải Vân\nTỉnh Thừa Thiên Huế kiến nghị lùi thời gian tăng phí.\n"
     "Anh Phương thường xuyên có công việc đi Đà Nẵng nói: chỉ qua lại hầm 2 lượt mất 220.000 đồng.",
     "220.000 đồng", "Huế"),
    # ... nor are the experts who come over, who work on the route they name
    ("Đường sắt\nTới đầu tháng 11 sẽ có gần 100 chuyên gia, nhân sự của Tổng thầu Trung Quốc sang Việt Nam, "
     "dự kiến vận hành thử nghiệm toàn hệ thống Dự án đường sắt Cát Linh - Hà Đông trong tháng 12.",
     "gần 100 chuyên gia", "Hà Nội"),
])
def test_where_people_live_or_come_from_locates_nothing(text: str, span: str, province: str) -> None:
    assert locate(article(text, [span])).figures[0].province == province


def test_figure_before_examples_in_several_provinces_has_none() -> None:
    text = ("Mưa lớn\nLượng mưa tính từ 19h tối qua đến 15h có nơi trên 200mm như: Mai Hóa (Quảng Bình) 222.8mm, "
            "Tà Long (Quảng Trị) 363.6mm, Bạch Mã (Thừa Thiên Huế) 321.3mm.")
    located = locate(article(text, ["trên 200mm", "222.8mm"]))
    assert [f.province for f in located.figures] == [None, "Quảng Trị"]


def test_figure_counting_provinces_has_none() -> None:
    text = "Bồi thường sự cố môi trường biển\n4 tỉnh miền Trung bị ảnh hưởng gồm Hà Tĩnh, Quảng Bình."
    located = locate(article(text, ["4 tỉnh"]))
    assert located.figures[0].province is None


@pytest.mark.parametrize(("text", "span", "province"), [
    # a heading or the lead frames what is under it, not what a later paragraph names: the
    # square watermelons sold in Japan are not the Hanoi shop's of an earlier paragraph
    ("Sửng sốt với loại quả đắt đỏ\nMột cửa hàng trái cây cao cấp tại Hà Nội và TP.HCM rao bán hồng Nhật giòn.\n"
     "Dưa hấu vuông\nDưa hấu vuông được trồng ở quần đảo Shikoku.\nChị Huyền ở Hà Nội cho biết đã bán hết.\n"
     "Loại dưa này có giá bán ở Nhật dao động từ 100-200 USD/quả.", "từ 100-200 USD/quả", None),
    # ... and a national project's figures take no province from a city named paragraphs above
    ("GDP Việt Nam đã vượt Singapore\nĐây là hai thông tin rất đáng chú ý trong tuần vừa qua.\n"
     "Tổng vốn đầu tư nhà ga T3 ở TP.HCM khoảng 10.990 tỷ đồng.\n"
     "Cao tốc Bắc - Nam\nVề cao tốc Bắc - Nam phía Đông, Bộ trưởng GTVT cho biết dự án này có chiều dài 654km.",
     "654km", None),
    # a subheading may be a question: it still closes the section of the heading above it
    ("GDP Việt Nam đã vượt Singapore\nĐây là hai thông tin rất đáng chú ý trong tuần vừa qua.\n"
     "Tiến độ nhà ga sân bay Tân Sơn Nhất\nTổng vốn đầu tư của dự án khoảng 10.990 tỷ đồng.\n"
     "Định đoạt ra sao số phận dự án cao tốc Bắc - Nam sau mời thầu?\n"
     "Bộ trưởng GTVT cho biết, dự án này có chiều dài 654km.", "654km", None),
    ("GDP Việt Nam đã vượt Singapore\nĐây là hai thông tin rất đáng chú ý trong tuần vừa qua.\n"
     "Tiến độ nhà ga sân bay Tân Sơn Nhất\nTổng vốn đầu tư của dự án khoảng 10.990 tỷ đồng.",
     "khoảng 10.990 tỷ đồng", "Hồ Chí Minh"),
])
def test_a_heading_or_the_lead_frames_only_its_own_places(text: str, span: str, province: str | None) -> None:
    assert locate(article(text, [span])).figures[0].province == province


@pytest.mark.parametrize(("text", "span", "province"), [
    # right after `tại`/`ở`, a bare district name is a place even outside the article's province
    ("Giá hoa tăng mạnh\nCác shop hoa ghi nhận hoa nhập khẩu khan hiếm.\nHoa hồng đỏ trồng tại Đà Lạt, "
     "dịp lễ năm ngoái giá khoảng 450.000 đồng một bó.", "khoảng 450.000 đồng", "Lâm Đồng"),
    # ... but not elsewhere: a bare name may be a street or a bridge named after a district
    ("Giá hoa tăng mạnh\nCác shop hoa ghi nhận hoa nhập khẩu khan hiếm.\nShop trên đường Đà Lạt bán "
     "hoa hồng đỏ giá khoảng 450.000 đồng một bó.", "khoảng 450.000 đồng", None),
])
def test_a_bare_district_after_a_preposition_of_place(text: str, span: str, province: str | None) -> None:
    assert locate(article(text, [span])).figures[0].province == province


FIRE = "Kho hàng gia dụng sập đổ sau vụ cháy\nTrưa 27/8, khói vẫn bốc nghi ngút tại hai nhà kho ở quận Bình Tân.\n"


@pytest.mark.parametrize(("sentence", "span", "year"), [
    # a size the event hit holds for the year the lead dates the event in (§8 `Trưa 27/8, ...`)
    ("Hai dãy nhà rộng hơn 4.000 m2 chứa các đồ gia dụng đã bị thiêu rụi.", "hơn 4.000 m2", 2020),
    ("Hỏa hoạn đã thiêu rụi hơn 4.000 m2 trên tổng diện tích 7.200 m2 kho hàng.", "7.200 m2", 2020),
    ("Xe 7 chỗ cắm đầu xuống vệ đường, đuôi bị vò nát, nằm cách hộ lan chừng 7 m.", "chừng 7 m", 2020),
    # a standing feature beside the event stays without a year (`thiết bị` is no passive `bị`)
    ("Kho cháy chứa các thiết bị gia dụng, nằm trên con đường rộng 10 m.", "10 m", None),
    ("Nơi đây cách quốc lộ 1A khoảng 3 km và cách Bến xe miền Tây hơn 6 km.", "khoảng 3 km", None),
])
def test_a_size_the_event_hit_is_dated_like_the_event(sentence: str, span: str, year: int | None) -> None:
    located = locate(article(FIRE + sentence, [span], published="2020-08-27"))
    assert located.figures[0].year == year


@pytest.mark.parametrize(("text", "span", "province"), [
    # a caption's place (the sentence a photo credit follows) does not frame the text after it
    ("Tăng mức trợ cấp đối với người có công\nTheo Nghị định số 70/2017/NĐ-CP, mức chuẩn được tăng.\n"
     "Thủ tướng đã tới thăm hỏi, động viên Mẹ Trần Thị Tư, thành phố Phan Thiết, Bình Thuận. Ảnh VGP/Quang Hiếu "
     "Cụ thể, thân nhân của 1 liệt sĩ được trợ cấp 1.417.000 đồng/tháng.", "1.417.000 đồng/tháng", None),
    ("Tăng mức trợ cấp đối với người có công\nTheo Nghị định số 70/2017/NĐ-CP, mức chuẩn được tăng.\n"
     "Thủ tướng đã tới thăm hỏi gia đình chính sách ở thành phố Phan Thiết, Bình Thuận (Ảnh: VGP). "
     "Thân nhân của 1 liệt sĩ được trợ cấp 1.417.000 đồng/tháng.", "1.417.000 đồng/tháng", None),
    # without a credit the sentence is the text's own and frames what follows (`Ảnh hưởng` is no credit)
    ("Tăng mức trợ cấp đối với người có công\nTheo Nghị định số 70/2017/NĐ-CP, mức chuẩn được tăng.\n"
     "Thủ tướng đã tới thăm hỏi gia đình chính sách ở thành phố Phan Thiết, Bình Thuận. Ảnh hưởng của chính "
     "sách là lớn, thân nhân của 1 liệt sĩ được trợ cấp 1.417.000 đồng/tháng.", "1.417.000 đồng/tháng", "Lâm Đồng"),
])
def test_a_captions_place_frames_only_the_caption(text: str, span: str, province: str | None) -> None:
    assert locate(article(text, [span])).figures[0].province == province


@pytest.mark.parametrize(("text", "span", "province"), [
    # a breakdown by province ends where its sentence ends: the next sentence's national total
    # is not the last province's
    ("Nhiều nghề khai thác biển đạt hiệu quả cao\nSản lượng khai thác thủy sản 6 tháng ước đạt 1,6 triệu tấn.\n"
     "Sản lượng cá ngừ đại dương ước đạt 13.026 tấn; trong đó, Khánh Hòa đạt 2.925 tấn, Phú Yên đạt 3.201 tấn, "
     "Bình Định đạt 6.900 tấn. Sản lượng nuôi trồng thủy sản tháng 6 ước đạt 450.000 tấn.", "450.000 tấn", None),
    # a one-province sentence still frames the next one
    ("Giáo viên dọn dẹp trường lớp sau lũ\nMưa lớn kéo dài ở nhiều tỉnh miền Trung.\n"
     "Tại huyện Nghi Xuân (Hà Tĩnh) có 192 hộ dân bị ngập. Ước tính thiệt hại 2 tỷ đồng.",
     "2 tỷ đồng", "Hà Tĩnh"),
])
def test_a_breakdown_by_province_frames_no_later_sentence(text: str, span: str, province: str | None) -> None:
    assert locate(article(text, [span])).figures[0].province == province


@pytest.mark.parametrize(("text", "span", "year"), [
    # `Cụ thể,` opens the details of the sentence before: they hold for the period it names
    ("Nhiều nghề khai thác biển đạt hiệu quả cao\nThời tiết thuận lợi cho ngư dân ra khơi.\n"
     "Sản lượng khai thác thủy sản 6 tháng đầu năm 2017 đạt 1,6 triệu tấn, tăng 4,8% so với cùng kỳ năm 2016. "
     "Cụ thể, khai thác biển ước đạt hơn 1,55 triệu tấn.", "hơn 1,55 triệu tấn", 2017),
    # ... not a sentence that merely follows it
    ("Nhiều nghề khai thác biển đạt hiệu quả cao\nThời tiết thuận lợi cho ngư dân ra khơi.\n"
     "Sản lượng khai thác thủy sản 6 tháng đầu năm 2017 đạt 1,6 triệu tấn, tăng 4,8% so với cùng kỳ năm 2016. "
     "Giá bán cá ngừ loại lớn khoảng 92.000 đồng/kg.", "khoảng 92.000 đồng/kg", None),
    # `Trong đó,` opens a breakdown of the sentence before: its parts hold for the total's period
    ("Vùng nuôi tôm thâm canh\nGiá tôm phục hồi.\nNăm 2018, tỉnh có kế hoạch nuôi trồng thủy sản 68.600ha. "
     "Trong đó, tôm nước lợ 45.500ha.", "45.500ha", 2018),
])
def test_details_opened_by_cu_the_hold_for_the_sentence_before(text: str, span: str, year: int | None) -> None:
    assert locate(article(text, [span])).figures[0].year == year


@pytest.mark.parametrize(("text", "span", "province"), [
    # a breakdown by province: the count right after a province's name is that province's
    ("Ít nhất 11 người chết và mất tích sau mưa lũ\nMưa lũ đã làm 9 người thiệt mạng, trong đó Thái Nguyên "
     "là địa phương chịu thiệt hại nặng nề với 4 người, tiếp đến là Hà Giang 2 người, Điện Biên 2 người.",
     "Điện Biên 2 người", "Điện Biên"),
    ("Ít nhất 11 người chết và mất tích sau mưa lũ\nVẫn còn 2 nạn nhân mất tích, gồm: Hà Giang 1 người và "
     "Cao Bằng 1 người.", "Hà Giang 1 người", "Tuyên Quang"),  # Hà Giang is Tuyên Quang now
    # a number that is no figure is part of the name: a school, a tunnel, a hamlet
    ("Tuyển sinh\nTrường ĐH Sư phạm Hà Nội 2 tuyển 2.000 chỉ tiêu.", "2.000 chỉ tiêu", None),
    ("Phí qua hầm\nHầm Hải Vân 2 dài 8 km.", "8 km", None),
])
def test_a_count_right_after_a_place_name_is_that_places(text: str, span: str, province: str | None) -> None:
    """`Hà Giang 2 người`: the place is the name; the count, when it is a figure, is not part of it."""
    start = text.index(span) + next(i for i, c in enumerate(span) if c.isdigit())  # past the name
    figure = Figure(text=text[start:text.index(span) + len(span)], start=start, end=text.index(span) + len(span),
                    kind="other", value=Decimal(2), unit="item")
    located = locate(Article(id="t", text=text, figures=[figure]))
    assert located.figures[0].province == province


@pytest.mark.parametrize(("text", "span", "province"), [
    # an honour: `Việt Nam` in it is no national figure
    ("Chăm lo cho gia đình chính sách\nTheo Phó Chủ tịch Ủy ban Nhân dân Quận 3, hiện nay Quận đang quản lý "
     "1.932 người có công, bao gồm 56 Bà mẹ Việt Nam anh hùng (7 Mẹ còn sống được nhận phụng dưỡng suốt đời).",
     "7 Mẹ", "Hồ Chí Minh"),
    # a national body named after its seat: the bonds it auctions are national
    ("Thu ngân sách tháng 1\nKho bạc Nhà nước thực hiện 4 phiên đấu thầu Trái phiếu Chính phủ qua Sở Giao dịch "
     "chứng khoán Hà Nội kết quả huy động đạt hơn 10.000 tỷ đồng.", "hơn 10.000 tỷ đồng", None),
    # a school named after two countries' friendship: its figures hold where it is
    ("Trao học bổng cho sinh viên nghèo Nghệ An\nTổ chức đã tặng 40 suất quà cho sinh viên của trường Cao đẳng "
     "Kỹ thuật Công nghiệp Việt Nam - Hàn Quốc.", "40 suất quà", "Nghệ An"),
    # a programme named after a region: the article's province holds its share
    ("Giá lợn giống cao bất thường tại Điện Biên\nUBND tỉnh Điện Biên trả lời về giá lợn giống trong Dự án giảm "
     "nghèo các tỉnh miền núi phía Bắc. Cụ thể giá lợn giống lên tới 160.000 đồng/kg.", "160.000 đồng/kg", "Điện Biên"),
    # ... while help sent to a region holds across it
    ("Hỗ trợ khắc phục lũ\nDự án hỗ trợ cho các tỉnh miền Trung 200 tỷ đồng.", "200 tỷ đồng", None),
])
def test_a_place_inside_a_name_is_no_place(text: str, span: str, province: str | None) -> None:
    assert locate(article(text, [span])).figures[0].province == province


def test_a_national_name_ending_a_bodys_frames_no_later_sentence() -> None:
    """`Viện Nghiên cứu Bất động sản Việt Nam` gives its own survey's figures no province, but the
    sentences after it hold at the article's main place."""
    text = ("Giá thuê chung cư tăng phi mã\nHà Nội - Giá thuê căn hộ ở Hà Nội tăng mạnh.\n"
            "Kết quả khảo sát của Viện Nghiên cứu Bất động sản Việt Nam cho thấy nhu cầu tăng 70%. "
            "Ông Tuấn cho biết điều này xuất phát từ ba lý do chính.")
    located = locate(article(text, ["70%", "ba lý do chính"]))
    assert [f.province for f in located.figures] == [None, "Hà Nội"]


def test_a_firms_province_after_the_figure_in_its_sentence_locates_nothing() -> None:
    text = ("Bồi thường tiếp hơn 1.680 tỷ đồng cho ngư dân miền Trung\nTrong tháng 1-2017, thu ngân sách ước đạt "
            "97,4 nghìn tỷ đồng. Trong đó, Bộ Tài chính đã tạm cấp (lần 2) 1.680 tỷ đồng tiền bồi thường cho các "
            "địa phương chịu ảnh hưởng của sự cố môi trường do Formosa Hà Tĩnh gây ra.")
    assert locate(article(text, ["1.680 tỷ đồng tiền"])).figures[0].province is None


@pytest.mark.parametrize(("text", "span", "province"), [
    # a province ending a firm's name in the lead frames no national figure of the body
    ("Bồi thường tiếp hơn 1.680 tỷ đồng cho ngư dân miền Trung\nTrong tháng 1-2017, Bộ Tài chính đã tạm cấp "
     "1.680 tỷ đồng tiền bồi thường cho các địa phương chịu ảnh hưởng của sự cố môi trường do Formosa Hà Tĩnh gây ra.\n"
     "Theo báo cáo của Bộ Tài chính, tháng 1-2017, thu nội địa ước đạt 87,9 nghìn tỷ đồng.",
     "ước đạt 87,9 nghìn tỷ đồng", None),
    # ... while a national body's branch named by an acronym works there (§8)
    ("Vốn ủy thác cho vay chính sách ở miền Bắc\nÔng Vũ Văn Thuân, Phó Giám đốc NHCSXH Thái Bình cho biết "
     "nguồn vốn tiếp tục tăng.\nTổng nguồn vốn ủy thác đầu tư đến nay là hơn 19,970 tỷ đồng.",
     "hơn 19,970 tỷ đồng", "Hưng Yên"),
    # ... and a Vietnamese word opening the lead is no brand
    ("Mổ xẻ bài thuốc nam chữa bệnh trĩ ở Việt Nam\n(PL+) - Tại Hoài Đức, Hà Nội có vị lương y trẻ rất nổi tiếng.\n"
     "Nhiều người gửi xe ngoài đình rồi đi bộ vào nhà lương y (cách đó 50m) xếp hàng chờ bốc thuốc.", "50m", "Hà Nội"),
])
def test_a_firms_province_in_the_lead_frames_nothing(text: str, span: str, province: str | None) -> None:
    assert locate(article(text, [span])).figures[0].province == province


@pytest.mark.parametrize(("text", "province"), [
    # where people arrived from is no place of the event: the lead's other place is the article's
    ("Nhóm hành khách gây náo loạn sân bay\nNhóm hành khách trở về từ Hàn Quốc gây náo loạn sân bay ở TP HCM.\n"
     "Chuyến bay chở 158 hành khách là người Việt hạ cánh lúc 12h30.", "Hồ Chí Minh"),
    # a country where the event happened still leaves the article no main province
    ("Nhóm hành khách gây náo loạn sân bay\nNhóm hành khách tại Hàn Quốc phản đối, ở TP HCM người thân chờ đón.\n"
     "Chuyến bay chở 158 hành khách là người Việt hạ cánh lúc 12h30.", None),
])
def test_where_people_arrived_from_leaves_the_main_place(text: str, province: str | None) -> None:
    assert locate(article(text, ["158 hành khách"])).province == province


@pytest.mark.parametrize(("text", "span", "province"), [
    # several provinces named by no region in an earlier sentence are whom the market serves
    ("Cá lóc nướng\nTP HCM - Chợ đầu mối Bình Điền cung cấp thủy hải sản cho thành phố và các tỉnh lân cận.\n"
     "Chợ Bình Điền cung cấp rau củ cho thành phố và các tỉnh lân cận. Theo Ban quản lý chợ, lượng cá lóc "
     "nhập về đây trên 300 tấn.", "trên 300 tấn", "Hồ Chí Minh"),
    # ... while in the figure's own sentence they still span provinces
    ("Cá lóc nướng\nTP HCM - Chợ đầu mối Bình Điền cung cấp thủy hải sản cho thành phố và các tỉnh lân cận.\n"
     "Các tỉnh tiêu thụ trên 300 tấn cá lóc.", "trên 300 tấn", None),
])
def test_provinces_named_by_no_region_frame_no_later_sentence(text: str, span: str, province: str | None) -> None:
    assert locate(article(text, [span])).figures[0].province == province


def test_a_firm_word_then_a_preposition_leaves_the_place() -> None:
    """`siêu thị tại TP.HCM`: where the shops are, not a firm's name; it still frames the body."""
    text = ("Nông dân chờ giải cứu bí đỏ ở miền Trung\nCác siêu thị tại TP.HCM đang tổ chức giải cứu bí đỏ cho nông dân.\n"
            "Giá bán ở mức 5.000 đồng/kg.")
    assert locate(article(text, ["5.000 đồng/kg"])).figures[0].province == "Hồ Chí Minh"


@pytest.mark.parametrize(("text", "span", "province"), [
    # a person's age or birth year before a place: where the person is from, no place of the figures
    # (H/tuoitre_1: the career totals of a lecturer hold nowhere the article names)
    ("Chân dung 4 ứng viên phó giáo sư\nHội đồng Giáo sư nhà nước vừa công bố danh sách.\nÔng Nguyễn Hoàng "
     "Chung (34 tuổi, huyện Phù Mỹ, Bình Định) hiện là giảng viên. Ông Chung đã công bố 43 bài báo khoa học.",
     "43 bài báo", None),
    ("Tai nạn lao động\nCông an đang điều tra.\nAnh Nguyễn Văn A (SN 1990, xã Đông Hải, Bạc Liêu) bị thương, "
     "2 người khác tử vong.", "2 người", None),
    # ... while the event's own place still holds its figures
    ("Tai nạn lao động\nCông an đang điều tra.\nTại xã Đông Hải, Bạc Liêu, anh Nguyễn Văn A (SN 1990) bị "
     "thương, 2 người khác tử vong.", "2 người", "Cà Mau"),
    # a hometown with a bare district name before its province is one hometown (`quê Bình Lục, Hà Nam`)
    ("Chân dung 4 ứng viên phó giáo sư\nHội đồng Giáo sư nhà nước vừa công bố danh sách.\nBà Mai (33 tuổi, "
     "quê Bình Lục, Hà Nam) hiện là giảng viên. Bà Mai đã công bố 31 bài báo khoa học.", "31 bài báo", None),
])
def test_where_a_person_is_from_locates_no_figure(text: str, span: str, province: str | None) -> None:
    assert locate(article(text, [span])).figures[0].province == province


@pytest.mark.parametrize(("text", "span", "year"), [
    # a year opening the sentence holds past an ellipsis that cuts a list short (G/sggp_1)
    ("Chống khai thác IUU\nTỉnh có nhiều giải pháp.\nTàu cá được giám sát. Năm 2021, ngành nông nghiệp phối "
     "hợp với Bộ đội Biên phòng, Vùng Cảnh sát biển 4… đã xử lý 15/44 vụ vi phạm.", "44 vụ", 2021),
    ("Chống khai thác IUU\nTỉnh có nhiều giải pháp.\nTàu cá được giám sát. Năm 2021, ngành đã tuyên truyền "
     "nhiều đợt… Tỉnh hiện có 3.664 tàu cá.", "3.664 tàu", None),
])
def test_a_sentence_goes_on_past_an_ellipsis(text: str, span: str, year: int | None) -> None:
    assert locate(article(text, [span], published="2022-02-23")).figures[0].year == year
