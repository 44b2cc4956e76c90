"""Year expressions of ANNOTATION.md §8 in real sentences of the corpus."""
from __future__ import annotations

import pytest

from vnfigures.extractors.years import find_years


def years(text: str, published: int | None = 2024) -> list[tuple[int | None, int | None, bool, str]]:
    return [(m.year, m.year_max, m.comparison, text[m.start:m.end]) for m in find_years(text, published)]


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("Năm 2017, lượng khách du lịch đạt 2,67 triệu lượt", None, [(2017, None, False, "Năm 2017")]),
    ("Trong kỳ thi học sinh giỏi quốc gia các môn văn hóa năm học 2023-2024, có 84/90 học sinh", None,
     [(2023, 2024, False, "năm học 2023-2024")]),
    ("tốc độ tăng trưởng kinh tế hai năm 2016, 2017 của huyện đạt 10,6%/năm", None,
     [(2016, 2017, False, "năm 2016, 2017")]),
    ("Giai đoạn 2015-2020, Ba Vì phấn đấu tốc độ tăng trưởng", None, [(2015, 2020, False, "Giai đoạn 2015-2020")]),
    ("Từ đầu năm 2024 đến nay, tỉnh Thanh Hóa đã tuyển dụng", None, [(2024, None, False, "đầu năm 2024")]),
    ("từ năm 2021 đến nay đã xây 500 căn nhà", 2024, [(2021, 2024, False, "từ năm 2021 đến nay")]),
    ("Còn quý IV-2023, khoảng 57.000 tỷ đồng trái phiếu", None, [(2023, None, False, "quý IV-2023")]),
    # a bare year that is the subject of what is said of it (`2016 là năm ...`) is a year; a bare
    # number is not
    ("“2016 là năm có nguồn tín dụng cho vay mới lớn nhất từ trước đến nay, tăng hơn 6.000 tỷ đồng so với năm 2015”",
     None, [(2016, None, False, "2016"), (2015, None, True, "năm 2015")]),
    ("Hội đã vận động 2016 hội viên tham gia", None, []),
    # a lunar year's name before a bare number makes it a year
    ("Dịp Tết Nguyên đán Tân Sửu 2021 vừa rồi, bà con bán được từ 30.000 đồng/kg", None,
     [(2021, None, False, "Tân Sửu 2021")]),
    ("hoàn trả 70% số tiền bảo hiểm trong 3 tháng (10, 11, 12 của năm 2023", None, [(2023, None, False, "năm 2023")]),
    ("trong bảy tháng đầu năm nay đã XK được hơn 20.000 tấn gạo", 2018,
     [(2018, None, False, "bảy tháng đầu năm nay")]),
    ("Như năm ngoái, hàng rẻ nhất chị cũng bán được 15.000 đồng/kg", 2021, [(2020, None, False, "năm ngoái")]),
    # without a publication year a relative year is known to exist but not which
    ("Năm nay vết nứt tại bản Mường Phú đã mở rộng khoảng 20cm", None, [(None, None, False, "Năm nay")]),
    ("Chiều 29-8, xã Chà Nưa hỗ trợ bốn gia đình", 2018, [(2018, None, False, "Chiều 29-8")]),
    # the day of an occasion (`dịp 27/7`, the War Invalids' day) is a day of the publication year
    ("Trao 500 suất quà nhân dịp 27/7 cho gia đình chính sách", 2023, [(2023, None, False, "nhân dịp 27/7")]),
    # a day named from the publication day is a date of the publication year
    ("Theo quyết định mới nhất, kể từ hôm nay 1/10, lãi suất tối đa là 0,2%/năm", 2020,
     [(2020, None, False, "hôm nay")]),
    ("Đêm qua và hôm nay (19/9), ở khu vực từ Hà Tĩnh đến Quảng Trị có mưa to", None,
     [(None, None, False, "Đêm qua"), (None, None, False, "hôm nay")]),
    ("nếu dịp lễ 20-10 năm ngoái giá khoảng 450.000 đồng", 2026, [(2025, None, False, "năm ngoái")]),
    # a month before a relative year is no count of years; a month alone is the publication year
    ("Tháng 8 năm ngoái đến đợt gia hạn hợp đồng mới, chủ nhà tăng thêm một triệu đồng", 2023,
     [(2022, None, False, "năm ngoái")]),
    ("tiền thuê căn hộ tăng thêm 2 triệu đồng từ tháng 8, vợ chồng chị choáng váng", 2023,
     [(2023, None, False, "tháng 8")]),
    ("vào tháng 8 năm 2022 giá thuê tăng", 2023, [(2022, None, False, "năm 2022")]),
    ("trong tháng 10 âm lịch", 2023, []),
    ("sau 3 tháng triển khai đạt 352 tỷ đồng", 2017, []),
    # the start, middle or end of this year, this month or week
    ("Đầu năm, vợ chồng anh chuyển từ phòng trọ 30 m2 lên chung cư", 2023, [(2023, None, False, "Đầu năm")]),
    ("phấn đấu đến cuối năm giải ngân 95%", 2024, [(2024, None, False, "cuối năm")]),
    ("Đầu tháng này, chủ nhà lại báo giá thuê tăng hai triệu", 2023, [(2023, None, False, "tháng này")]),
    ("Tuần qua, giá lúa tăng 200 đồng/kg", 2024, [(2024, None, False, "Tuần qua")]),
    # `hiện` + có/còn/đang: reported as a standing state, no year (§8); not inside a word (`thực hiện`)
    ("cả nước hiện có 34 dự án lớn", 2024, [(None, None, False, "hiện có")]),
    ("Huyện hiện còn 50 hộ nghèo", 2024, [(None, None, False, "hiện còn")]),
    ("xã đã thực hiện có hiệu quả 20 mô hình", 2024, []),
    ("công an phát hiện có 3 người", 2024, []),
    # a count of years back from now is a vague span (§8 `5 năm qua`)
    ("5 năm qua, Quỹ đền ơn đáp nghĩa đã vận động được 12 tỷ đồng", 2024, [(None, None, False, "5 năm qua")]),
    ("giá thuê ổn định suốt hai năm qua", 2023, [(None, None, False, "hai năm qua")]),
    # a habit (`hàng năm`) is vague even when `năm trước` could be read inside it
    ("hàng năm trước ngày vía Thần Tài, lượng cá lóc nhập về đây trên 300 tấn", 2024,
     [(None, None, False, "hàng năm")]),
    # comparison bases and dates of effect are never a figure's own year
    ("tăng 26 tỷ đồng so với năm 2015", None, [(2015, None, True, "năm 2015")]),
    # a month and its year joined by a dot, as some papers write dates (`ngày 27.6`)
    ("xuất khẩu gạo trong tháng 1.2017 của Việt Nam tiếp tục bế tắc", None, [(2017, None, False, "tháng 1.2017")]),
    # the base of a record: the figure is this quarter's, not the year it is compared back to
    ("lãi chỉ đạt 233 triệu đồng trong quý 3 - mức thấp nhất kể từ năm 2018", None,
     [(2018, None, True, "từ năm 2018")]),
    ("giá vàng lên mức cao nhất kể từ năm 2011", None, [(2011, None, True, "từ năm 2011")]),
    # `kể từ năm` alone opens a span that runs until now
    ("kể từ năm 2018 đến nay, huyện đã xây 120 căn nhà", 2020, [(2018, 2020, False, "từ năm 2018 đến nay")]),
    ("Về đỉnh lũ năm 2024 được nhận định ở mức cao hơn năm 2023 khoảng 0,1 - 0,4m", None,
     [(2024, None, False, "năm 2024"), (2023, None, True, "năm 2023")]),
    ("theo tinh thần nghị định 75 của Chính phủ (có hiệu lực từ 1-11-2023 - PV)", None,
     [(2023, None, True, "1-11-2023")]),
    ("Nạn nhân là anh Nguyễn Văn A (sinh năm 1990, trú xã Tân Phú) bị thương nặng", None,
     [(1990, None, True, "năm 1990")]),  # a birth year
    # a date that defines a group of people by when they served: who, not when
    ("Người hoạt động cách mạng trước ngày 1/1/1945 diện thoát ly mức trợ cấp 1.583.000 đồng/tháng", None,
     [(1945, None, True, "1/1/1945")]),
    ("Người hoạt động cách mạng từ ngày 1/1/1945 đến ngày khởi nghĩa tháng Tám năm 1945 được trợ cấp "
     "1.465.000 đồng/tháng", None, [(1945, None, True, "1/1/1945"), (1945, None, True, "năm 1945")]),
    # ... while the period of a sentence about such people is still its year
    ("Năm 2024, tỉnh chi trả trợ cấp cho 300 người hoạt động cách mạng", None, [(2024, None, False, "Năm 2024")]),
    # identifiers and lunar dates: no year
    ("Việc Chính phủ vừa ban hành Nghị định 107/2018/NĐ-CP về kinh doanh", None, []),
    # vague spans name no year and block inheritance (§8: year null)
    ("Bốn năm nay, bình quân mỗi tháng, Công ty Cỏ May XK", 2018, [(None, None, False, "Bốn năm nay")]),
    ("những vụ dưa trước đây, diện tích trồng dưa hấu năm nào cũng trên 140ha, nhưng năm nay chỉ 70ha", 2021,
     [(None, None, False, "trước đây"), (None, None, False, "năm nào cũng"), (2021, None, False, "năm nay")]),
    ("Thời gian qua, tỉnh đã hỗ trợ 115 hộ nghèo", 2024, [(None, None, False, "Thời gian qua")]),
    ("Sáng ngày vía Thần Tài (10/1 âm lịch)", 2024, []),
    # a quarter without its year is a period of the publication year, like a month (§8)
    ("Trong quý I, doanh thu của công ty đạt 120 tỷ đồng", 2024, [(2024, None, False, "quý I")]),
    ("quý 3 vừa qua, sản lượng tôm đạt 2.000 tấn", 2019, [(2019, None, False, "quý 3")]),
    ("Quý I, doanh thu đạt 120 tỷ đồng", None, []),  # without a publication year it says too little
    ("Tết Quý Mão 2023 đã qua", None, [(2023, None, False, "Quý Mão 2023")]),  # a lunar year, no quarter
    # a storm numbered within its year (`bão số 10`) is an event of the publication year, unless a year follows
    ("Bão số 10 đã khiến hàng chục ha tôm bị thiệt hại", 2017, [(2017, None, False, "Bão số 10")]),
    ("Trong cơn bão số 10, thị xã thiệt hại 55 ha", 2017, [(2017, None, False, "cơn bão số 10")]),
    ("bão số 3 năm 2024 làm 200 nhà tốc mái", 2025, [(2024, None, False, "năm 2024")]),
    ("Bão số 3 đã làm 200 nhà bị tốc mái", None, [(None, None, False, "Bão số 3")]),
    # a time past a year names no year of the figure (`sau năm 2030`)
    ("Dự kiến sau năm 2030, tuyến đường sẽ được mở rộng lên 4 làn", 2024, [(None, None, False, "sau năm 2030")]),
    ("Trước năm 2025, tỉnh hoàn thành 500 căn nhà", 2024, [(2025, None, False, "Trước năm 2025")]),
])
def test_years(sentence: str, published: int | None, expected: list) -> None:
    assert years(sentence, published) == expected
