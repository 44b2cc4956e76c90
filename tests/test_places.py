"""Place mentions in real sentences of the corpus: unit words decide the level, bare names count
only as provinces, national/regional/foreign names hold no province."""
from __future__ import annotations

import pytest

from vnfigures.extractors.places import find_places


def places(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.text, p.level, p.province) for p in find_places(text)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Tại tỉnh Hòa Bình, mưa lớn kéo dài trong hai ngày 28 và 29-8 gây sạt lở đất đá ảnh hưởng năm hộ dân "
     "tại xóm Co Lương (xã Vạn Mai, huyện Mai Châu)",
     [("tỉnh Hòa Bình", "province", "Phú Thọ"), ("xóm Co Lương", "below_ward", None),
      ("xã Vạn Mai", "ward", "Phú Thọ"), ("huyện Mai Châu", "district", "Phú Thọ")]),
    ("Nhiều phụ huynh có con học tiểu học tại xã DLiê Yang (Ea H'leo, Đắk Lắk) tố bị 'ăn chặn'",
     [("xã DLiê Yang", "ward", "Đắk Lắk"), ("Ea H'leo", "bare", "Đắk Lắk"), ("Đắk Lắk", "province", "Đắk Lắk")]),
    ("giải ngân vốn đầu tư đã được TP.HCM bố trí cho dự án",
     [("TP.HCM", "province", "Hồ Chí Minh")]),
    ("“phố vàng” Nguyễn Công Trứ (TP Hà Tĩnh) nhộn nhịp",
     [("TP Hà Tĩnh", "city", "Hà Tĩnh")]),
    ("Tại Thừa Thiên - Huế, Phó Chủ tịch UBND tỉnh Nguyễn Văn Phương cho biết",
     [("Thừa Thiên - Huế", "province", "Huế"), ("tỉnh", "anaphor", None)]),
    ("Tại Công ty TNHH Lương thực Thực phẩm Long An, trong bảy tháng đầu năm nay",
     [("Long An", "province", "Tây Ninh")]),
    ("Đến nay, cả nước có khoảng 52,7 triệu lao động", [("cả nước", "national", None)]),
    # a national body's name gives no province (§8: `Ngân hàng Nhà nước`); its branch in a province does
    ("Dữ liệu do Ngân hàng Nhà nước công bố cho thấy lãi suất phổ biến ở mức 0,1-0,2%/năm",
     [("Ngân hàng Nhà nước", "national", None)]),
    ("Ngân hàng Nhà nước chi nhánh tỉnh Cà Mau cho biết",
     [("Ngân hàng Nhà nước", "national", None), ("tỉnh Cà Mau", "province", "Cà Mau")]),
    ("Công ty Cỏ May XK đi Singapore gần 20 tấn gạo hữu cơ", [("Singapore", "foreign", None)]),
    ("ở Bắc Bộ và các tỉnh Thanh Hóa, Nghệ An tiếp tục có mưa vừa",
     [("Bắc Bộ", "region", None), ("tỉnh Thanh Hóa", "province", "Thanh Hóa"), ("Nghệ An", "province", "Nghệ An")]),
    # a share of the nation or a region (`chiếm gần 30% cả nước`) names the whole, not where the figure holds
    ("Tỉnh có diện tích nuôi thủy sản khoảng 303.000ha, chiếm gần 30% cả nước và chiếm khoảng 40% vùng ĐBSCL", []),
    ("Cả nước có 34 dự án lớn", [("Cả nước", "national", None)]),
    # a hamlet word (`sóc`, `buôn`) that begins a province's or district's name is part of it
    ("Hiện nay, tại Sóc Trăng, giá tôm thẻ chân trắng tại các đại lý thu mua khoảng 120.000 đồng/kg",
     [("Sóc Trăng", "province", "Cần Thơ")]),
    ("Sóc Trăng có kế hoạch nuôi trồng thủy sản 68.600ha", [("Sóc Trăng", "province", "Cần Thơ")]),
    ("Tại huyện Buôn Đôn có 20 hộ được hỗ trợ", [("huyện Buôn Đôn", "district", "Đắk Lắk")]),
    ("người dân ấp Sóc Mới vẫn bám ruộng", [("Sóc Mới", "below_ward", None)]),
    # personal names, versions and rankings are no places
    ("ông Nguyễn Đức Công - phó trưởng Phòng Giáo dục và Đào tạo", []),
    ("Cụ thể, phiên bản Galaxy Note20 hiện đang được giảm giá 2 triệu đồng", []),
    # an airport is a place inside its province, even after `sân bay` (a street's word)
    ("khi hạ cánh xuống sân bay Tân Sơn Nhất, chỉ có 3 hành khách đồng ý",
     [("Tân Sơn Nhất", "district", "Hồ Chí Minh")]),
    ("Gói thầu Nhà ga hành khách T3 Cảng hàng không quốc tế Tân Sơn Nhất được ACV triển khai",
     [("Tân Sơn Nhất", "district", "Hồ Chí Minh")]),
    ("Chuyến bay hạ cánh xuống Nội Bài lúc 12h30", [("Nội Bài", "district", "Hà Nội")]),
    # several big cities at once hold no one province
    ("các chuyên gia BĐS nhận định, các TP lớn có thể xây dựng nhà giá rẻ khoảng 500 triệu đồng",
     [("các TP lớn", "region", None)]),
    ("giá nhà ở các thành phố lớn như Hà Nội tăng",
     [("các thành phố lớn", "region", None), ("Hà Nội", "province", "Hà Nội")]),
    # a wind named after the compass point it blows from is weather, not the region
    ("Hiện nay, do ảnh hưởng gió mùa Đông Bắc kết hợp với triều cường dâng cao", []),
    ("gió mùa đông bắc mạnh thêm, vùng Tây Bắc có mưa", [("Tây Bắc", "region", None)]),
    ("Gió Tây Nam hoạt động mạnh ở Nam Bộ", [("Nam Bộ", "region", None)]),
    # `bản` capitalized inside a sentence begins a name (a firm, a commune), not the hamlet
    ("cổ phiếu VCI của Công ty Cổ phần chứng khoán Bản Việt (VCSC) mua vào rất mạnh", []),
    ("Cùng với cổ phiếu của Bản Việt thì các mã khác trong lĩnh vực chứng khoán cũng bật tăng", []),
    ("vùi lấp 15 km kênh mương thủy lợi tại bản Nậm Rịa, xã Tân Tiến",
     [("bản Nậm Rịa", "below_ward", None), ("xã Tân Tiến", "ward", None)]),
    ("Mưa lũ làm sập 2 phòng học. Bản Nậm Rịa bị cô lập", [("Bản Nậm Rịa", "below_ward", None)]),
    ("có 84/90 học sinh dự thi đoạt giải (đạt tỉ lệ 93%; tỉ lệ cao nhất cả nước", []),
    ("Tắc đường trên Xa lộ Hà Nội và cầu Long Biên, giá ở chợ Bến Thành tăng", []),
    # a route named by its two ends: both are its name
    ("hoàn thành dự án Mỹ Thuận - Cần Thơ theo đúng kế hoạch", []),
    ("giao cao tốc Hà Nội - Hải Phòng tại nút giao", []),
    ("huyện Phong Điền - Huế có mưa", [("huyện Phong Điền", "district", None), ("Huế", "province", "Huế")]),
    ("tại xã An Lão, huyện Bình Lục, tỉnh Hà Nam - khu vực được mệnh danh là thủ phủ nuôi lợn lớn nhất ở miền Bắc",
     [("xã An Lão", "ward", None), ("huyện Bình Lục", "district", "Ninh Bình"),
      ("tỉnh Hà Nam", "province", "Ninh Bình")]),  # a ranking's reference, even after `ở`
    # `HCM` alone is a stock ticker as often as the city; after a unit word it is the city
    ("SSI tăng 700 đồng (tương ứng 4,13%) lên 17.700 đồng; HCM tăng 1.200 đồng", []),
    ("Theo báo cáo của Hiệp hội Bất động sản TP HCM", [("TP HCM", "city", "Hồ Chí Minh")]),
    # a number names a district or ward after its unit word (only TP HCM numbers its districts)
    ("căn nhà ở phường 5, quận 3 bị cháy", [("phường 5", "ward", None), ("quận 3", "district", "Hồ Chí Minh")]),
    ("toàn thành phố có 3 quận, 2 huyện", [("thành phố", "anaphor", None)]),
    # a name never runs on into the next paragraph, nor does a unit word at a line's end name it
    ("Sạt lở nghiêm trọng ở An Giang\nNgày 9-5, mưa lớn", [("An Giang", "province", "An Giang")]),
    ("chiếm 18,6% diện tích tự nhiên của huyện\nĐặc biệt là", [("huyện", "anaphor", None)]),
    # a firm's name that ends with a province's (two name words before it) is no place
    ("nâng tỷ lệ sở hữu tại Hoàng Anh Gia Lai", []),
    ("Sở GTVT Hà Nội cho biết", [("Hà Nội", "province", "Hà Nội")]),
    # `toàn tỉnh` points back to the province named before
    ("Toàn tỉnh có 1 nhà bị sập hoàn toàn", [("tỉnh", "anaphor", None)]),
    # a route whose two ends are places of one province is a place inside it (a ward and a district)
    ("Đường sắt Cát Linh - Hà Đông sắp vận hành", [("Đường sắt Cát Linh - Hà Đông", "route", "Hà Nội")]),
    ("Tuyến cao tốc Hạ Long - Vân Đồn cũng đã", [("cao tốc Hạ Long - Vân Đồn", "route", "Quảng Ninh")]),
    ("dự án Bến Thành - Suối Tiên, đang được TP.HCM rà soát",
     [("dự án Bến Thành - Suối Tiên", "route", "Hồ Chí Minh"), ("TP.HCM", "province", "Hồ Chí Minh")]),
    # ... compass points make it a route across the country
    ("trên tuyến cao tốc Bắc - Nam phía Đông giai đoạn 2017 - 2020", [("cao tốc Bắc - Nam", "span", None)]),
    # ... while ends in two provinces, or an end named in several, leave it unread
    ("chạy trên cao tốc Cam Lộ - La Sơn hướng Nam", []),
    ("và dự án Mỹ Thuận - Cần Thơ theo đúng kế hoạch", []),
    # a national congress is an event's name
    ("Cam kết vận hành trước Đại hội Đảng toàn quốc lần thứ XIII", []),
])
def test_places(sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert places(sentence) == expected


@pytest.mark.parametrize(("text", "count", "with_count", "without"), [
    # the school's number is part of its name, unless a figure starts there
    ("Trường ĐH Sư phạm Hà Nội 2 tuyển 2.000 chỉ tiêu.", "2 tuyển", ["Hà Nội"], []),
    ("Mưa lũ làm 9 người thiệt mạng, tiếp đến là Hà Giang 2 người, Điện Biên 2 người.", "2 người, Đ",
     ["Hà Giang"], []),
])
def test_places_read_again_with_other_counts_follow_the_counts(
        text: str, count: str, with_count: list[str], without: list[str]) -> None:
    """The places of a text are kept for the next caller (the entity step reads them after the
    locate step); a caller whose figures start elsewhere still gets the answer for its figures."""
    at = frozenset({text.index(count)})
    assert [p.text for p in find_places(text)] == without
    assert [p.text for p in find_places(text, at)] == with_count
    assert [p.text for p in find_places(text)] == without
