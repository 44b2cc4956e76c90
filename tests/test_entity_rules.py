"""Entity rules on real sentences of the corpus: organisations with regular heads keep their
full span, gazetteer places come first, NER places that are dates or organisations are fixed."""
from __future__ import annotations

import pytest

from vnfigures.extractors.entity_rules import refine_entities
from vnfigures.schemas import Entity


def ner(text: str, *found: tuple[str, str]) -> list[Entity]:
    """NER entities as underthesea gave them on `text` (span text, label)."""
    out = []
    for part, label in found:
        start = text.index(part)
        out.append(Entity(text=part, start=start, end=start + len(part), label=label))
    return out


@pytest.mark.parametrize(("text", "found", "expected"), [
    ("Ngày 8-11, Công an tỉnh đã trao 115 hộ nghèo.", [("Ngày 8-11", "LOC")],
     [("Công an tỉnh", "ORG")]),  # a date is no place
    ("Theo Hội Liên hiệp Phụ nữ tỉnh Cà Mau, năm 2017 có 115 hộ.", [("Cà Mau", "PER"), ("năm 2017", "LOC")],
     [("Hội Liên hiệp Phụ nữ tỉnh Cà Mau", "ORG")]),
    ("Sở Lao động - Thương binh và Xã hội tỉnh Bạc Liêu cho biết", [("Sở Lao động", "LOC")],
     [("Sở Lao động - Thương binh và Xã hội tỉnh Bạc Liêu", "ORG")]),
    ("Ngân hàng Chính sách xã hội huyện Hồng Dân cho vay", [("huyện Hồng Dân", "LOC")],
     [("Ngân hàng Chính sách xã hội huyện Hồng Dân", "ORG")]),
    ("tặng 100 triệu đồng tới Ủy ban mặt trận Tổ Quốc Việt Nam tỉnh An Giang",
     [("Ủy ban mặt trận Tổ Quốc Việt Nam", "LOC")],
     [("Ủy ban mặt trận Tổ Quốc Việt Nam", "ORG"), ("tỉnh An Giang", "LOC")]),  # org word: not a place
    ("được phát hành tại điểm bán P.Mỹ Thới, Long Xuyên, An Giang", [(", Long Xuyên", "LOC")],
     [("P.Mỹ Thới", "LOC"), ("Long Xuyên", "LOC"), ("An Giang", "LOC")]),  # no edge punctuation
    ("Phó Thủ tướng Chính phủ Trương Hòa Bình thăm Khánh Hòa", [("Trương Hòa Bình", "PER"), ("Khánh Hòa", "PER")],
     [("Chính phủ", "ORG"), ("Trương Hòa Bình", "PER"), ("Khánh Hòa", "LOC")]),
    ("mưa lũ làm hư hỏng 36 căn nhà tại xã Hiệp Tùng, H.Năm Căn", [("hư hỏng 36", "LOC")],
     [("xã Hiệp Tùng", "LOC"), ("H.Năm Căn", "LOC")]),
    ("Lũ quét qua Kim Sơn, Kim Phượng, Bộc Nhiêu.", [("Kim Sơn, Kim Phượng, Bộc Nhiêu", "LOC")],
     [("Kim Sơn", "LOC"), ("Kim Phượng", "LOC"), ("Bộc Nhiêu", "LOC")]),  # a list is split
    ("Ảnh: Quang Duy/TTXVN", [("Quang Duy/TTXVN", "LOC")], [("Quang Duy", "LOC")]),  # acronym piece dropped
    ("áp dụng Luật thuế GTGT từ nay", [("Luật thuế GTGT", "LOC")], []),  # a law is no place
    ("theo Quyết định số 1275 ngày 17/10", [("Quyết định số 1275", "LOC")], []),
    ("phát triển KT-XH của địa phương", [("KT-XH", "LOC")], []),  # acronyms are no place
    ("Chủ tịch HoREA cho biết", [("Chủ tịch HoREA", "LOC")], []),  # after a post: no place
    ("Trưởng thôn Phong Hậu cho biết", [("Trưởng thôn Phong Hậu", "LOC")], [("thôn Phong Hậu", "LOC")]),
    ("GĐ Sở NNPTNT cho biết", [("GĐ Sở NNPTNT", "LOC")], [("Sở NNPTNT", "ORG")]),
    ("đã tiếp ngài Kim Chang Kuk tại", [("ngài Kim Chang Kuk", "LOC")], [("Kim Chang Kuk", "PER")]),
    ("cứu ngư dân Trần Khắc Thạch", [("ngư dân Trần Khắc Thạch", "PER")], [("Trần Khắc Thạch", "PER")]),
    ("giúp người dân miền Trung", [("người dân miền Trung", "LOC")], [("miền Trung", "LOC")]),
    ("trong thời gian Phước Long mưa", [("thời gian Phước Long", "LOC")], [("Phước Long", "LOC")]),
    ("cầu nối xã hội Eco Home", [("xã hội Eco Home", "LOC")], [("Eco Home", "LOC")]),
    ("xuất khẩu gạo Bình Dương hội đủ", [("Bình Dương hội", "LOC")], [("Bình Dương", "LOC")]),
    ("mưa lớn ở Cửu Long Ngày 7/2", [("Cửu Long Ngày 7/2", "LOC")], [("Cửu Long", "LOC")]),
    ("kinh tế Việt Nam năm 2020 tăng", [("Việt Nam năm 2020", "LOC")], [("Việt Nam", "LOC")]),
    ("mở thông 3 hầm Hải Vân", [("3 hầm Hải Vân", "LOC")], [("Hải Vân", "LOC")]),
    ("mức 1,5 độ C", [("1,5 độ C", "LOC")], []),
    ("lãnh đạo Nhà máy Thủy điện Sơn La", [("Nhà máy Thủy điện Sơn La", "LOC")],
     [("Nhà máy Thủy điện Sơn La", "ORG")]),  # organisation word
    ("theo báo cáo của NHSCXH", [("NHSCXH", "PER")], []),  # an acronym is no person
    ("Ảnh: KỲ QUAN", [("KỲ QUAN", "PER")], [("KỲ QUAN", "PER")]),  # a byline in capitals is
    ("Báo Người Lao Động đưa tin", [("Báo Người Lao Động", "PER")], [("Báo Người Lao Động", "ORG")]),
    ("ông Đoàn Văn Đảnh kể", [("Đoàn Văn Đảnh", "PER")], [("Đoàn Văn Đảnh", "PER")]),  # a surname
    ("Tổng thống Donald Trump nói", [("Tổng thống Donald Trump", "LOC")], [("Donald Trump", "PER")]),
    ("hàng lên Tàu rồi đi", [("Tàu", "LOC")], []),  # one syllable is rarely a place
    ("xuất khẩu sang Nhật", [("Nhật", "LOC")], [("Nhật", "LOC")]),  # unless it is one
    ("ông Trịnh Văn Quyết cho biết", [("Trịnh Văn Quyết", "LOC")], [("Trịnh Văn Quyết", "PER")]),  # a person
    ("trên đường Phạm Văn Đồng", [("đường Phạm Văn Đồng", "LOC")], [("đường Phạm Văn Đồng", "LOC")]),  # a street
    ("hỗ trợ đồng bào miền Trung", [], [("miền Trung", "LOC")]),  # a region from the gazetteer
    ("các tỉnh miền núi và thế giới", [], []),  # no capital, no name
    ("du lịch biển Cần Giờ hút khách", [], [("Cần Giờ", "LOC")]),  # a bare district name
    ("chị Thanh Bình bán hàng", [("Thanh Bình", "PER")], [("Thanh Bình", "PER")]),  # unless NER reads a person
    ("hàng Việt Nam chất lượng cao", [], [("Việt Nam", "LOC")]),
    ("Thiếu tướng Đỗ Danh Vượng phát biểu", [], [("Đỗ Danh Vượng", "PER")]),  # a name after a rank
    ("nhà anh Hùng bị sập", [], [("Hùng", "PER")]),  # after a word of address, one word will do
    ("Chủ tịch Vingroup cho biết", [], []),  # after a post, one word is an organisation
    ("ông Nguyễn Văn Nam, Chủ tịch UBND xã", [], [("Nguyễn Văn Nam", "PER"), ("UBND xã", "ORG")]),
    ("Phó trưởng phòng Dự báo thời tiết", [], []),  # a unit after a post is no person
    ("Chủ tịch HoREA nói", [], []),  # an acronym is no name
    ("tàu cá ở vùng biển gần Indonesia", [("vùng biển gần Indonesia", "LOC")], [("Indonesia", "LOC")]),
    ("xuất khẩu sang Bắc Mỹ tăng", [("Bắc Mỹ", "LOC")], [("Bắc Mỹ", "LOC")]),  # a compound, not `Mỹ`
    ("lao động VN ở nước ngoài", [("VN", "LOC")], [("VN", "LOC")]),  # an acronym that is a place
    ("theo báo cáo số 215/BC-UBND ngày 16/9", [], []),  # a document code is no organisation
    ("Các tỉnh, thành phố đã hỗ trợ", [], []),  # a phrase of the gazetteer, capitalized, is no name
    ("Ảnh: Hà Nội Trần Thị Phương Hoa", [("Hà Nội Trần Thị Phương Hoa", "LOC")],
     [("Hà Nội", "LOC"), ("Trần Thị Phương Hoa", "PER")]),  # a place run into a byline
    ("Thượng tướng Lê Quý Vương làm việc", [("Thượng tướng Lê Quý Vương", "LOC")],
     [("Lê Quý Vương", "PER")]),  # a name after a rank is a person, not a place
    ("Chủ tịch nước Lương Cường tiếp", [("Chủ tịch nước Lương Cường", "LOC")], [("Lương Cường", "PER")]),
    ("Chủ tịch nước Trần Đại Quang tiếp", [("nước Trần Đại Quang", "LOC")],
     [("Trần Đại Quang", "PER")]),  # a post begun before the span: `nước` is no place head here
    ("Chủ tịch UBND tỉnh Cà Mau nói", [("Chủ tịch UBND tỉnh Cà Mau", "LOC")],
     [("UBND tỉnh Cà Mau", "ORG")]),  # a body after a post stays a body
    ("Chính ủy BĐBP tỉnh phát biểu", [("Chính ủy BĐBP", "LOC")], []),  # a post, then an acronym
    ("BĐBP Cà Mau đã cứu 5 ngư dân", [("Cà Mau", "LOC")], [("BĐBP Cà Mau", "ORG")]),  # acronym head + place
    ("LĐLĐ tỉnh Bạc Liêu trao quà", [], [("LĐLĐ tỉnh Bạc Liêu", "ORG")]),
    ("Theo BHXH, số người tham gia tăng", [], []),  # an acronym head alone is no entity
    ("em Nguyễn Trường Giang đoạt giải", [("Nguyễn Trường Giang", "LOC")],
     [("Nguyễn Trường Giang", "PER")]),  # a family name + two words, no gazetteer place
    ("về thăm Hồ Chí Minh", [("Hồ Chí Minh", "LOC")], [("Hồ Chí Minh", "LOC")]),  # unless it is one
    ("tại đường Nguyễn Văn Linh", [("đường Nguyễn Văn Linh", "LOC")], [("đường Nguyễn Văn Linh", "LOC")]),
    ("các nước Nam Mỹ như Brazil", [], [("Nam Mỹ", "LOC"), ("Brazil", "LOC")]),  # a region, not `Mỹ`
    ("Nam Mỹ là thị trường lớn", [], [("Nam Mỹ", "LOC")]),
    ("Ông Nam Mỹ nói", [("Nam Mỹ", "PER")], [("Nam Mỹ", "PER")]),  # unless the NER reads a person
    ("chúc mừng Quốc khánh Cộng hòa Pháp", [("Quốc khánh Cộng hòa Pháp", "LOC")],
     [("Cộng hòa Pháp", "LOC")]),  # an occasion leaves the place; a state's form stays in it
    ("dự lễ kỷ niệm Quốc khánh Lào", [("Quốc khánh Lào", "LOC")], [("Lào", "LOC")]),
    ("nhân dịp Quốc khánh", [("Quốc khánh", "LOC")], []),  # an occasion alone is no place
    ("thăm Liên bang Nga", [("Liên bang Nga", "LOC")], [("Liên bang Nga", "LOC")]),
    ("trên Đại lộ Trần Hưng Đạo", [("Đại lộ Trần Hưng Đạo", "LOC")],
     [("Đại lộ Trần Hưng Đạo", "LOC")]),  # a street named after a person is not cut
    ("Chủ tịch HĐQT HTX cho biết", [("Chủ tịch HĐQT HTX", "LOC")], []),  # acronyms after a post are no name
    ("sửa đường tỉnh 825 đoạn qua Cầu Tàu", [("tỉnh 825 đoạn qua Cầu Tàu", "LOC")],
     [("Cầu Tàu", "LOC")]),  # `tỉnh` takes no number: a road, not a province
    ("Anh Phan Long Hồ kể lại", [("Phan Long Hồ", "LOC")],
     [("Phan Long Hồ", "PER")]),  # a family name, then a given name that is a place
    ("người lao động ở Hồ Chí Minh", [("Hồ Chí Minh", "LOC")],
     [("Hồ Chí Minh", "LOC")]),  # a place named after a person, in the gazetteer as a whole
])
def test_refine_entities(text: str, found: list[tuple[str, str]], expected: list[tuple[str, str]]) -> None:
    assert [(e.text, e.label.value) for e in refine_entities(text, ner(text, *found))] == expected
