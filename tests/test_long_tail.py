"""The long tail of values (issue #11): kinds, number and money forms and the settled cases of
ANNOTATION.md §7 that unseen papers write, one row per phrase (most taken from the shared corpus)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import doctest

import pytest

import vnfigures.extractors.joins as joins_module
import vnfigures.extractors.lexicon as lexicon_module
import vnfigures.extractors.surroundings as surroundings_module
from vnfigures.extractors.figures import extract_figures


def F(kind: str, value: str, unit: str, qualifier: str = "exact", value_max: str | None = None,
      **extra: Any) -> dict[str, Any]:
    """An expected figure: its scored fields, plus any other field that matters for the row."""
    row = {"kind": kind, "value": Decimal(value), "unit": unit, "qualifier": qualifier,
           "value_max": Decimal(value_max) if value_max else None}
    row.update(extra)
    return row


def check(sentence: str, expected: list[dict[str, Any]]) -> None:
    got = extract_figures(sentence)
    assert len(got) == len(expected), [(f.text, f.kind.value, f.value) for f in got]
    for fig, exp in zip(got, expected):
        data = {k: getattr(fig, k) for k in exp}
        for k in ("kind", "qualifier"):
            if k in data:
                data[k] = data[k].value
        assert data == exp, fig.text
        assert sentence[fig.start:fig.end] == fig.text


KINDS = [
    # schools and clinics: institutions (`other`), buildings when built or damaged (§7)
    ("nhiều phụ huynh có con học tại 2 trường tiểu học Nguyễn Trãi", [F("other", "2", "item")]),
    ("toàn tỉnh có 1.690/1.981 trường đạt chuẩn quốc gia", [F("other", "1690", "item"), F("other", "1981", "item")]),
    ("Tại 2 trường tiểu học có 100 phụ huynh đã đóng xong", [F("other", "2", "item"), F("people", "100", "person")]),
    ("bão làm tốc mái 2 trường học", [F("infrastructure", "2", "item")]),
    ("xây mới 3 trạm y tế", [F("infrastructure", "3", "item")]),
    ("đóng điện 2 trạm biến áp", [F("infrastructure", "2", "item")]),
    # a classifier counts what its noun counts: a longer entry after it wins (§7 non-dwellings)
    ("khánh thành 2 ngôi nhà văn hóa thôn", [F("infrastructure", "2", "item", subject="nhà văn hóa thôn")]),
    ("lũ cuốn trôi 2 chiếc cầu và 3 cái giếng", [F("infrastructure", "2", "item"), F("infrastructure", "3", "item")]),
    ("có 3 căn nhà cộng đồng bị sập", [F("infrastructure", "3", "item")]),
    ("trao 5 căn hộ chung cư và 2 căn phòng", [F("houses", "5", "house"), F("other", "2", "item")]),
    ("xây 10 ngôi nhà tình thương", [F("houses", "10", "house", subject="nhà tình thương")]),
    # sections of a work are works (`đoạn` looks through to its noun); a section of anything else is `other`
    ("sạt lở 2 đoạn đê dài 300m", [F("infrastructure", "2", "item"), F("other", "300", "item")]),
    ("thi công 4 đoạn kè và 3 đoạn đường", [F("infrastructure", "4", "item"), F("infrastructure", "3", "item")]),
    ("xem 3 đoạn video", [F("other", "3", "item")]),
    ("làm mới 1 sân bóng", [F("infrastructure", "1", "item")]),
    # things whose noun starts like a people noun (`khẩu`) are `other`
    ("phát 5.000 khẩu trang và thu giữ 3 khẩu súng", [F("other", "5000", "item"), F("other", "3", "item")]),
    ("mỗi hộ có 4 khẩu", [F("people", "4", "person")]),
    ("xã có ba giống lúa mới, gia đình có ba thế hệ", [F("other", "3", "item"), F("other", "3", "item")]),
    # a currency word that is also a noun counts things before a noun of its own
    ("lắp đặt 3 bảng thông báo và phát 200 bạt che mưa", [F("other", "3", "item"), F("other", "200", "item")]),
    ("cầu thủ có giá 30 triệu bảng", [F("money", "30000000", "GBP")]),
    ("vé vào cửa 50 bảng Anh, anh trả 1.000 bạt.", [F("money", "50", "GBP"), F("money", "1000", "THB")]),
    # samples are no land: `mẫu` is ten sào only as land (§7)
    ("đã lấy 200 mẫu xét nghiệm, 50 mẫu âm tính", [F("other", "200", "item"), F("other", "50", "item")]),
    ("lấy 30 mẫu nước và 100 mẫu máu", [F("other", "30", "item"), F("other", "100", "item")]),
    ("gia đình có 2 mẫu ruộng", [F("area", "0.72", "hectare")]),
    # nouns that start like people nouns but count things, and young people counted as `bạn`
    ("tỉnh có 30 dân tộc anh em, bài thuốc gồm 10 vị thuốc", [F("other", "30", "item"), F("other", "10", "item")]),
    ("chương trình có 10 ca khúc và 200 bạn trẻ tham gia", [F("other", "10", "item"), F("people", "200", "person")]),
    # a bare `phần`/`suất` is a gift only where gifts are given; else a part (`other`)
    ("đề án chia làm 3 phần, báo cáo gồm 4 phần chính", [F("other", "3", "item"), F("other", "4", "item")]),
    ("đoàn đã trao 200 phần cho người dân", [F("gifts", "200", "gift")]),
    # service routes and works of the mind are `other`, built works `infrastructure`
    ("thành phố có 14 tuyến xe buýt và 3 công trình nghiên cứu khoa học được công bố",
     [F("other", "14", "item"), F("other", "3", "item")]),
    ("nâng cấp 2 tuyến đường và 6 công trình thủy lợi", [F("infrastructure", "2", "item"), F("infrastructure", "6", "item")]),
    # firms and persons named `nhà …` are no dwellings
    ("có 3 nhà vô địch và 5 nhà phân phối", [F("people", "3", "person"), F("other", "5", "item")]),
    # organisations, groups, product lines
    ("xã đã thành lập mới một HTX nông nghiệp, đồng thời xây dựng bốn trang trại",
     [F("other", "1", "item"), F("other", "4", "item")]),
    ("có 3 tập đoàn và 5 hãng xe tham gia", [F("other", "3", "item"), F("other", "5", "item")]),
    ("xoay quanh 150 DN", [F("other", "150", "item", "approx")]),
    ("dự án gồm hai đoạn", [F("other", "2", "item")]),
    # non-dwelling buildings are infrastructure (§7); children of a named person are people
    ("Trưa 27/8, khói vẫn bốc nghi ngút tại hai nhà kho Sunhouse Miền Nam", [F("infrastructure", "2", "item")]),
    ("bảo vệ được văn phòng của công ty và hai nhà xưởng bên cạnh", [F("infrastructure", "2", "item")]),
    ("Hai dãy nhà cao hai tầng đã sập đổ sau vụ cháy", [F("infrastructure", "2", "item"), F("other", "2", "item")]),
    ("chở ông Phan Đình Quý 46 tuổi, vợ và hai con ông Quý", [F("people", "2", "person")]),
    ("mỗi hộ nuôi 2 con bò", [F("other", "2", "item")]),
    # shelters, dormitories, places of worship, gateways and playgrounds are works (§7), `TBA`
    # abbreviates a substation; a ministry's departments are offices (`other`), not rooms
    ("Xây dựng 3 nhà tránh lũ cho người dân", [F("infrastructure", "3", "item")]),
    ("Xây dựng 2 ký túc xá cho sinh viên", [F("infrastructure", "2", "item")]),
    ("Đưa vào sử dụng 2 tòa nhà ký túc xá", [F("infrastructure", "2", "item", text="2 tòa nhà ký túc xá")]),
    ("Khánh thành 3 nhà thờ họ và 2 ngôi chùa", [F("infrastructure", "3", "item"), F("infrastructure", "2", "item")]),
    ("Xây mới 3 cổng chào và 2 sân chơi", [F("infrastructure", "3", "item"), F("infrastructure", "2", "item")]),
    ("Ngành điện đóng điện 4 TBA", [F("infrastructure", "4", "item")]),
    ("Sở có 6 phòng chuyên môn", [F("other", "6", "item")]),
    ("Hai hãng hàng không đã mở đường bay", [F("other", "2", "item", text="Hai hãng hàng không")]),
    ("Có 7 siêu thị và 3 trung tâm thương mại", [F("other", "7", "item"), F("other", "3", "item")]),
    # visits count the people their clause names, else times
    ("lượng khách du lịch đạt 2,67 triệu lượt, doanh thu tăng", [F("people", "2670000", "person")]),
    ("xe qua lại hầm 2 lượt", [F("other", "2", "item")]),
    # counts per weight, weights per head
    ("cá giống cỡ 15-20 con/kg", [F("other", "15", "item", "range", "20", per="kg")]),
    ("Tôm cỡ 30 con/kg giá 200.000 đồng/kg",
     [F("other", "30", "item", per="kg"), F("money", "200000", "VND", per="kg")]),
    ("Bò nặng 300-400kg/con", [F("mass", "0.3", "tonne", "range", "0.4", per="con")]),
    ("heo con nặng 1,5 kg/con", [F("mass", "0.0015", "tonne", per="con")]),
    # gold weights (§7)
    ("Mua 1 chỉ vàng vào sáng sớm", [F("mass", "0.00000375", "tonne")]),
    ("ngày Thần Tài tôi cũng mua 1 hoặc 2 chỉ vàng", [F("mass", "0.00000375", "tonne"), F("mass", "0.0000075", "tonne")]),
    ("giá vàng tăng, khách mua mệnh giá 1 – 2 chỉ", [F("mass", "0.00000375", "tonne", "range", "0.0000075")]),
    ("tiết kiệm được 3 cây vàng", [F("mass", "0.0001125", "tonne")]),
    ("5 chỉ ra rằng", []),
    # percentage points (§7), rates in brackets, decimal dots in measurements
    ("tỷ lệ hộ nghèo giảm 1,5 điểm phần trăm", [F("percent", "1.5", "percent")]),
    ("thu nhập bình quân tăng 10,4 điểm % so với 2021", [F("percent", "10.4", "percent", text="10,4 điểm %")]),
    ("lưu lượng về hồ 120 (m3/s)", [F("other", "120", "item", text="120 (m3/s)", per="s")]),
    ("lượng mưa phổ biến 70-120 (mm)", [F("other", "70", "item", "range", "120")]),
    ("lượng mưa đo được 222.8mm", [F("other", "222.8", "item")]),
    # regional land units from units.yaml (§7)
    ("bốn sào (4.000 m2) ruộng", [F("area", "0.4", "hectare"), F("area", "0.4", "hectare")]),
    ("3 sào lúa ở Gia Lai", [F("area", "0.15", "hectare")]),
    ("1 mẫu ruộng ở Thái Bình", [F("area", "0.36", "hectare")]),
    # damage tallies (§7 houses in any state): a lone classifier counts the dwelling or work its
    # sentence named before it; a line headed by what it counts gives a bare number its kind
    ("Nhà ở bị thiệt hại 3.456 cái.", [F("houses", "3456", "house")]),
    ("Thiệt hại nhà cửa: sập 12 cái, tốc mái 350 cái.", [F("houses", "12", "house"), F("houses", "350", "house")]),
    ("Cầu dân sinh bị cuốn trôi 3 chiếc.", [F("infrastructure", "3", "item")]),
    ("Tàu cá bị chìm 5 chiếc, nhà bị sập 2 cái khác.", [F("other", "5", "item"), F("houses", "2", "house")]),
    ("Mưa lũ làm chìm 12 chiếc.", [F("other", "12", "item")]),
    ("Nhà bị sập: 25; nhà bị tốc mái, hư hỏng: 1.200.", [F("houses", "25", "house"), F("houses", "1200", "house")]),
    ("- Người mất tích: 2", [F("people", "2", "person")]),
    ("Xã có tổng kinh phí: 500.", []),
    ("Nhà bị tốc mái: 1.521 nhà (Quảng Ninh 1.200 nhà; Hải Phòng 321 nhà).",
     [F("houses", "1521", "house"), F("houses", "1200", "house"), F("houses", "321", "house")]),
    ("Khách đặt phòng 321 của khách sạn.", []),
    # `nóc nhà`: a village's households; roofs torn off or flooded are dwellings
    ("Bản có 50 nóc nhà người Mông.", [F("households", "50", "household")]),
    ("Toàn tỉnh có trên 1.000 nóc nhà bị tốc mái.", [F("houses", "1000", "house", "more_than")]),
    # greenhouses and net houses are no dwellings (§7); rooms and factories are parts and firms
    # unless counted as buildings
    ("3 nhà màng công nghệ cao ở huyện Cam Lâm bị sập, hư hỏng.", [F("infrastructure", "3", "item")]),
    ("Khách sạn bố trí 1 người 1 phòng.", [F("people", "1", "person"), F("other", "1", "item")]),
    ("Mưa lớn làm sập 2 phòng.", [F("infrastructure", "2", "item")]),
    ("Tỉnh có 3 nhà máy chế biến thủy sản", [F("other", "3", "item")]),
    ("Nhà đầu tư đã xây dựng 3 nhà máy chế biến.", [F("infrastructure", "3", "item")]),
    # fish counted by species, storms and floods counted, graduates and crews are people
    ("Đã thả 1.000 Cá Mú và 2.000 con cá giống.", [F("other", "1000", "item"), F("other", "2000", "item")]),
    ("Miền Trung hứng chịu bốn cơn bão và một áp thấp nhiệt đới.", [F("other", "4", "item"), F("other", "1", "item")]),
    ("Có 81 tân cử nhân nhận bằng, cùng 23 nhân viên và hai lái tàu.",
     [F("people", "81", "person"), F("people", "23", "person"), F("people", "2", "person")]),
    # a unit's label before a number yields to an adjective and a military unit is a name
    ("Cao ốc căn hộ cao cấp 34 tầng Azura tọa lạc bên sông.", [F("other", "34", "item")]),
    ("Binh đoàn 18 sẵn sàng bay tìm kiếm cứu nạn.", []),
    # a tally's line lists its items after the colon: verbs or places before bare numbers
    ("Nhà dân: sập 5, tốc mái 120.", [F("houses", "5", "house"), F("houses", "120", "house")]),
    ("Nhà bị sập: Cao Bằng 12, Lào Cai 20 nhà, Yên Bái 15.",
     [F("houses", "12", "house"), F("houses", "20", "house"), F("houses", "15", "house")]),
    ("Xe: Mazda 3, Toyota 5.", []),
    # a total's breakdown by place: each bare number after a place's name counts what the total counts
    ("Bão làm 130.268 nhà hư hỏng, trong đó: Quảng Ninh 70.629, Hải Phòng 36.675...; nhiều trụ sở bị tốc mái.",
     [F("houses", "130268", "house"), F("houses", "70629", "house"), F("houses", "36675", "house")]),
    ("Lũ làm 25 người chết, gồm: Lào Cai 12, Yên Bái 8.",
     [F("people", "25", "person"), F("people", "12", "person"), F("people", "8", "person")]),
    ("Đại lý bán 500 chiếc, trong đó: Mazda 3 bán chạy nhất.", [F("other", "500", "item")]),
    ("Huyện có 300 hộ nghèo. Trong đó, Mường Lát 120.", [F("households", "300", "household")]),
    # ports are institutions unless counted as works built or damaged, like schools (§7)
    ("Bộ đã công bố 47 cảng cá đủ điều kiện xác nhận nguồn gốc thủy sản.", [F("other", "47", "item")]),
    ("Trong đó có 18 cảng cá được xếp loại I.", [F("other", "18", "item")]),
    ("Tỉnh đã xây dựng 2 cảng cá và 3 bến cá.", [F("infrastructure", "2", "item"), F("infrastructure", "3", "item")]),
    ("Bão làm hư hỏng 3 cảng cá.", [F("infrastructure", "3", "item")]),
    # a list's items share the building verb that opens it, not the words of another item
    ("Mưa đá làm tốc mái 150 ngôi nhà, 3 trường học và 2 trạm y tế.",
     [F("houses", "150", "house"), F("infrastructure", "3", "item"), F("infrastructure", "2", "item")]),
    ("Tỉnh có 5 nhà bị sập, 3 trường đạt chuẩn quốc gia.", [F("houses", "5", "house"), F("other", "3", "item")]),
    # dwellings of the housing market, with or without a classifier; `sản phẩm` counts its noun
    ("Dự án gồm 50 shophouse, 12 penthouse và 200 officetel.",
     [F("houses", "50", "house"), F("houses", "12", "house"), F("houses", "200", "house")]),
    ("Thị trường ghi nhận 1.200 sản phẩm nhà phố, 3 sản phẩm OCOP.",
     [F("houses", "1200", "house"), F("other", "3", "item")]),
    # a voltage after a pole names its class, like `trạm 110kV` (§7)
    ("Gió làm đổ 5 cột điện 0,4 kV.", [F("infrastructure", "5", "item")]),
]

FORMS = [
    # a currency sign before the number, other currencies by ISO code
    ("giá $1,5 tỷ", [F("money", "1500000000", "USD", text="$1,5 tỷ")]),
    ("vé €20 mỗi người", [F("money", "20", "EUR", per="người")]),
    ("phí £3/tháng", [F("money", "3", "GBP", per="tháng")]),
    ("thu về US$5 triệu", [F("money", "5000000", "USD")]),
    # an ISO code before the number is a sign, unless a unit follows the number
    ("công ty nhận USD 5 triệu đầu tư", [F("money", "5000000", "USD", text="USD 5 triệu")]),
    ("vay EUR 20 triệu", [F("money", "20000000", "EUR")]),
    ("tỷ giá USD 23.000 đồng", [F("money", "23000", "VND", text="23.000 đồng")]),
    ("giá bán USD ở mức 24.500 đồng/USD", [F("money", "24500", "VND", per="USD")]),
    ("xuất khẩu đạt 3 tỷ USD 6 tháng đầu năm", [F("money", "3000000000", "USD")]),
    ("đầu tư 3 tỷ won", [F("money", "3000000000", "KRW")]),
    ("lương 5 triệu yên", [F("money", "5000000", "JPY")]),
    ("giá 1,2 triệu yen", [F("money", "1200000", "JPY")]),
    ("giá 100 AED và 20 dirham", [F("money", "100", "AED"), F("money", "20", "AED")]),
    ("giá 2.000 baht", [F("money", "2000", "THB")]),
    ("giá 20€ một vé", [F("money", "20", "EUR")]),
    ("20 triệu nhân dân tệ", [F("money", "20000000", "CNY")]),
    ("khoảng 5 EUR", [F("money", "5", "EUR", "approx")]),
    # an ISO code in capitals before the number, unless it is the unit of an amount before it
    ("Khoản tài trợ USD 5 triệu", [F("money", "5000000", "USD", text="USD 5 triệu")]),
    ("Phí AED 500 mỗi người", [F("money", "500", "AED", per="người")]),
    ("Doanh thu đạt EUR 20 triệu", [F("money", "20000000", "EUR")]),
    ("Xuất khẩu đạt 30 tỷ USD 9 tháng đầu năm", [F("money", "30000000000", "USD", text="30 tỷ USD")]),
    ("Giá 20 USD 5 chiếc", [F("money", "20", "USD"), F("other", "5", "item")]),
    ("Lương tối thiểu 2 triệu won Hàn Quốc", [F("money", "2000000", "KRW", "at_least")]),
    ("Thưởng 100.000 dirham UAE", [F("money", "100000", "AED")]),
    # ranges and pairs
    ("giữa 10 và 20 tấn", [F("mass", "10", "tonne", "range", "20", text="giữa 10 và 20 tấn")]),
    ("2 trong số 5 người", [F("people", "2", "person"), F("people", "5", "person")]),
    ("là 1 trong 3 đột phá chiến lược", [F("other", "1", "item"), F("other", "3", "item")]),
    ("một trong ba thiết kế", [F("other", "3", "item")]),
    ("một số ngầm tràn bị ngập 0,5 - 1m gây chia cắt", [F("other", "0.5", "item", "range", "1")]),
    ("lượng khách tăng gấp đôi, gấp ba ngày thường", [F("other", "2", "item"), F("other", "3", "item")]),
    ("Diện tích này tăng gấp đôi năm trước", [F("other", "2", "item")]),
    # spelled numbers
    ("trao ba tỷ đồng", [F("money", "3000000000", "VND")]),
    ("thiệt hại ba tỷ", [F("money", "3000000000", "VND")]),
    ("dân số khoảng hai triệu.", []),
    ("một nghìn không trăm linh năm hộ", [F("households", "1005", "household")]),
    ("thu nhập hơn trăm ngàn/ngày", [F("money", "100000", "VND", "more_than", per="ngày")]),
    ("thu nhập vài trăm ngàn/ngày", []),
    # a scale word alone after a qualifier is one of it, like `hơn trăm`; `chục` never is (§7)
    ("dự án hơn nghìn tỷ đồng bị bỏ hoang", [F("money", "1000000000000", "VND", "more_than")]),
    ("có gần triệu người tham gia", [F("people", "1000000", "person", "nearly")]),
    ("Hơn ngàn người dự lễ", [F("people", "1000", "person", "more_than")]),
    ("gần tỷ đồng bị mất", [F("money", "1000000000", "VND", "nearly")]),
    ("hàng triệu người xem", []),
    ("gần chục triệu đồng", []),
    ("chị là triệu phú", []),
    # a thousands amount in words is money when its clause names money (§7 `82 tỉ`)
    ("Tiền công mỗi ngày khoảng ba trăm ngàn", [F("money", "300000", "VND", "approx")]),
    ("Anh nuôi hai trăm ngàn con gà", [F("other", "200000", "item")]),
    # a digit after `trăm` or a scale word fills the next place down, as speech shortens it
    ("Căn nhà được rao giá một tỷ hai", [F("money", "1200000000", "VND")]),
    ("Mỗi tháng tiền lương ba triệu hai", [F("money", "3200000", "VND")]),
    ("Có một trăm hai hộ tham gia", [F("households", "120", "household")]),
    ("Có một trăm linh hai hộ tham gia", [F("households", "102", "household")]),
    # zero-padded counts; codes stay codes
    ("bắt giữ 01 đối tượng", [F("people", "1", "person")]),
    ("Tạm giữ 01 xe ô tô và 02 điện thoại", [F("other", "1", "item"), F("other", "2", "item")]),
    ("Thu giữ 02 xe mô tô", [F("other", "2", "item")]),
    ("Tổ 05 có 30 hộ", [F("households", "30", "household")]),
    ("hỗ trợ 05 hộ dân", [F("households", "5", "household")]),
    ("nhận 05 tấn gạo", [F("mass", "5", "tonne")]),
    ("trong 05 năm", []),
    ("gọi 0913.123.456", []),
    # `một` (§7)
    ("có ít nhất một kho chuyên dùng để chứa thóc", [F("other", "1", "item", "at_least")]),
    ("xã có 40 ngôi nhà bị ngập; một nhà dân ở bản Nà Cang bị cuốn trôi",
     [F("houses", "40", "house"), F("houses", "1", "house")]),
    ("ảnh hưởng năm hộ dân, trong đó, một gia đình bị sập tường, khiến một cháu nhỏ chết",
     [F("households", "5", "household"), F("households", "1", "household"), F("people", "1", "person")]),
    ("35 lồng cá của một trang trại nuôi cá", [F("other", "35", "item")]),
    ("Quốc lộ 4H bị sạt lở gần 50 điểm, tuyến huyện bị trôi một cầu bê-tông cốt thép và 150 m đường",
     [F("other", "50", "item", "nearly"), F("infrastructure", "1", "item"), F("other", "150", "item")]),
    ("trao tặng xã một chiếc thuyền", []),
    # a year or a number before a word it does not count; idioms; approx words (§7)
    ("cho hay đầu năm con chị đã đóng bảo hiểm y tế", []),
    ("Đến 2025 xã có 3 trường đạt chuẩn", [F("other", "3", "item")]),
    ("Giai đoạn 2021-2025 tỉnh hỗ trợ 500 hộ", [F("households", "500", "household")]),
    ("Quý I/2024 doanh nghiệp nộp thuế 200 tỷ đồng", [F("money", "200000000000", "VND")]),
    ("Tết 2024 công nhân được thưởng 5 triệu đồng", [F("money", "5000000", "VND")]),
    # `là năm` is the noun year (tuoitre_204), the lone count of a list is five
    ("cũng là năm tỉnh Thanh Hóa có nhiều nhà giáo được phong tặng nhất", []),
    ("Năm tỉnh Bắc Trung Bộ đều bị ảnh hưởng", [F("other", "5", "item")]),
    ("cuối tháng 10-2024 Phòng Giáo dục và Đào tạo đã mời", []),
    ("làm việc 3 ca, 4 kíp", []),
    ("các gói thầu như gói thầu 5.10 Nhà ga hành khách", []),
    ("thí sinh đạt điểm 10 nhiều nhất toàn quốc", []),
    ("có cỡ 500 người", [F("people", "500", "person", "approx")]),
    ("giá xoay quanh 20.000 đồng/kg", [F("money", "20000", "VND", "approx", per="kg")]),
    ("đề phòng mưa cường suất lớn (>100mm/6 giờ)", [F("other", "100", "item", "more_than", text=">100mm/6 giờ")]),
    ("tỷ lệ ≤ 5%", [F("percent", "5", "percent", "at_most")]),
    # a comparative that `so với` follows gives the difference itself: exact (§3)
    ("Giá thuê là 7,5 triệu đồng, thấp hơn 3 triệu so với căn đang ở",
     [F("money", "7500000", "VND"), F("money", "3000000", "VND", text="3 triệu")]),
    ("giá thấp hơn 3 triệu đồng", [F("money", "3000000", "VND", "less_than")]),
    # a minus or `âm` makes the value negative, the span starting at it; a dash after a number
    # is a range, a hyphen at a line's start a bullet
    ("tăng trưởng âm 2,5%", [F("percent", "-2.5", "percent", text="âm 2,5%")]),
    ("GDP giảm (-3%)", [F("percent", "-3", "percent", text="-3%")]),
    ("tăng trưởng quý 2 đạt -2,5%", [F("percent", "-2.5", "percent", text="-2,5%")]),
    ("lợi nhuận âm 20 tỷ đồng", [F("money", "-20000000000", "VND", text="âm 20 tỷ đồng")]),
    ("số dư tài khoản: −3 triệu đồng", [F("money", "-3000000", "VND", text="−3 triệu đồng")]),
    ("ngập sâu từ 25 -35cm", [F("other", "25", "item", "range", "35")]),
    ("Danh sách:\n-5 hộ nghèo được hỗ trợ", [F("households", "5", "household", text="5 hộ nghèo")]),
    # product lines are no land (`mẫu` is also a unit of area)
    ("ra mắt 2 mẫu smartphone", [F("other", "2", "item")]),
    # a voltage names the class of a line or station (§7 `trạm 110kV`); lengths stay figures
    ("đường dây 500kV mạch 3 dài 519 km", [F("other", "519", "item")]),
    ("trạm biến áp 220 kV", []),
    # a change opened by `từ` with a time or change verb before its separator: two exact figures (§7)
    ("quãng đường đi làm từ 3 km nay tăng lên 13 km",
     [F("other", "3", "item", text="3 km"), F("other", "13", "item")]),
    ("tỷ lệ hộ nghèo từ 5% năm 2019 giảm xuống còn 3%", [F("percent", "5", "percent"), F("percent", "3", "percent")]),
    # a rate's `/năm` is no number five taking the first figure's place in the change (dantri_8)
    ("lãi suất giảm từ 4,25%/năm xuống 4%/năm",
     [F("percent", "4.25", "percent", text="4,25%/năm"), F("percent", "4", "percent")]),
    ("giá giảm từ 20.000 đồng/năm xuống 15.000 đồng/năm", [F("money", "20000", "VND"), F("money", "15000", "VND")]),
    # a change whose new state is a range: the old state is one exact figure (§7)
    ("kỳ hạn 1 tháng giảm mạnh từ 4,15% xuống còn 3,4-3,5%/năm",
     [F("percent", "4.15", "percent", text="4,15%"), F("percent", "3.4", "percent", "range", "3.5")]),
    ("mức hỗ trợ từ 2 triệu đồng, tăng lên 3 triệu đồng",
     [F("money", "2000000", "VND", "at_least"), F("money", "3000000", "VND")]),
    # `từ` governed by a verb of origin is no bound (vnexpress_201)
    ("điều này xuất phát từ ba lý do chính", [F("other", "3", "item", text="ba lý do chính")]),
    ("du khách đến từ 20 quốc gia", [F("other", "20", "item")]),
    # rooms right after a dwelling name its type, like `xe 7 chỗ` (§7, vnexpress_201)
    ("một căn hộ hai phòng ngủ, diện tích 70 m2", [F("area", "0.007", "hectare")]),
    ("anh thuê một căn hai phòng ngủ 58 m2", [F("area", "0.0058", "hectare")]),
    ("ngôi nhà có 3 phòng ngủ và 2 phòng tắm", [F("other", "3", "item"), F("other", "2", "item")]),
    # positions are no figures (§7 `hai bên đường`, vnexpress_204)
    ("xe tải nằm chắn ngang cao tốc, hai bên là hai xe container", [F("other", "2", "item")]),
    # seats a venue holds are figures; after a vehicle they name its class (`xe 7 chỗ`, §7)
    ("sân vận động có sức chứa 40.000 chỗ ngồi", [F("other", "40000", "item")]),
    ("công ty mua 3 xe 45 chỗ ngồi", [F("other", "3", "item")]),
    # months counted as money paid are figures (§7 `6 tháng tiền lương`); a duration is none
    ("chủ nhà yêu cầu đóng theo năm cộng với tiền cọc trước ba tháng", [F("other", "3", "item", text="ba tháng")]),
    ("mà chỉ trả 3 tháng cuối năm 2023", [F("other", "3", "item", text="3 tháng")]),
    ("công trình thi công trong 3 tháng", []),
    ("đóng tiền ba tháng một lần nên họ sẽ cần chuẩn bị 31,5 triệu đồng", [F("money", "31500000", "VND")]),
    ("sau 3 tháng, anh trả hết nợ", []),
    # a cubic metre whose superscript was lost in copying (`5.000 m 3`, `40 -110m 3 /s`)
    ("sạt lở 5.000 m 3 đất đá", [F("other", "5000", "item")]),
    ("xả về hạ du từ 40 -110m 3 /s", [F("other", "40", "item", "range", "110", per="s")]),
    # specifications of a product are `other` (§7): a count of transistors, a data rate
    ("chip có 16 tỷ bóng bán dẫn", [F("other", "16000000000", "item")]),
    ("tốc độ tải xuống đạt 1 Gbps, tải lên 500 Mbps", [F("other", "1", "item"), F("other", "500", "item")]),
    # a number word glued to its dateline (vnexpress_203 `TP HCMHai dãy nhà`) opens the sentence
    ("TP HCMHai dãy nhà rộng hơn 4.000 m2 chứa các đồ gia dụng",
     [F("infrastructure", "2", "item", text="Hai dãy nhà"), F("area", "0.4", "hectare", "more_than")]),
    ("Hà NộiBa người bị thương", [F("people", "3", "person")]),
    ("thôn Hai Căn có 5 hộ", [F("households", "5", "household")]),
    # exam scores are no figures (§2); sites counted as `điểm` are
    ("thí sinh đạt 27 điểm xét tuyển", []),
    ("em đạt 8,5 điểm môn Toán", []),
    ("sạt lở tại 26 điểm", [F("other", "26", "item")]),
    # COVID cases and contacts are people (§7 `1 trường hợp`)
    ("phường có 12 F0 và 30 F1", [F("people", "12", "person"), F("people", "30", "person")]),
    # temperatures and coordinates are no figures
    ("tâm bão ở khoảng 16,5 độ Vĩ Bắc", []),
    ("nhiệt độ cao hơn 0,7-1,5 độ C", []),
    # half a scale word is a number (dantri_4 `giá nửa triệu đồng một quả`); `một nửa` is an idiom
    ("hồng Nhật có giá nửa triệu đồng một quả", [F("money", "500000", "VND", text="nửa triệu đồng một quả")]),
    ("hơn nửa triệu người dân bị ảnh hưởng", [F("people", "500000", "person", "more_than")]),
    ("mỗi năm anh thu về nửa tỷ đồng", [F("money", "500000000", "VND")]),
    ("có tới một nửa số hộ bị ngập", []),
    # done out of planned with a counted noun after it: two counts, not a date (dantri_6, §7 `13/20 hộ`)
    ("đã nghiệm thu 5/5 hạng mục công trình và 9/11 chuyên ngành thiết bị",
     [F("infrastructure", "5", "item"), F("infrastructure", "5", "item"), F("other", "9", "item"),
      F("other", "11", "item")]),
    ("hoàn thành 4/4 tiêu chí", [F("other", "4", "item"), F("other", "4", "item")]),
    ("Sáng 9/11 hộ dân được hỗ trợ", []),
    ("ngày 5/5 xã tổ chức lễ", []),
    # a bare number before a verb counts nothing (phapluatplus_1 `phương pháp bí truyền 400 điều trị`)
    ("phương pháp bí truyền 400 điều trị bệnh trĩ", []),
    ("bệnh viện có 50 ca điều trị", [F("people", "50", "person")]),
    ("xã có 5 HTX", [F("other", "5", "item", subject="HTX")]),
    # a spelled amount of millions after a verb that pays, lends or earns is money (§7 `82 tỉ`)
    ("gia đình đã vay ba trăm triệu để đầu tư", [F("money", "300000000", "VND")]),
    ("chị lỗ gần một tỷ", [F("money", "1000000000", "VND", "nearly")]),
    ("dân số hai triệu", []),
    # two neighbouring spelled digits are a vague count (§7 `một, hai căn`)
    ("có hai, ba hộ bị ngập", []),
    ("một, hai căn nhà bị sập", []),
    ("có ba, năm hộ", [F("households", "5", "household")]),
    # children counted are people, not animals
    ("anh Nam (35 tuổi) có 3 con nhỏ", [F("people", "3", "person")]),
    # kilograms spelled as spoken (`ki lô`, `kilô`)
    ("mua 3 ki lô thịt và 20 kilô gạo", [F("mass", "0.003", "tonne"), F("mass", "0.02", "tonne")]),
    # a crossroads is no count (`ngã 3`), a weak label that a measure unit overrides (`đổ ngã 15 - 30%`)
    ("lúa đổ ngã 15 - 30%", [F("percent", "15", "percent", "range", "30")]),
    ("bão làm đổ ngã 300 cây xanh", [F("other", "300", "item")]),
    ("vụ tai nạn xảy ra tại ngã 3 thị trấn Phước Hải", []),
    # workdays are no land (`công` is 1.000 m2 only as land, §7)
    ("huy động 500 công lao động và trồng 5 công lúa", [F("other", "500", "item"), F("area", "0.5", "hectare")]),
    # the peak power of a solar plant (`MWp`) is a measure like `MW`
    ("nhà máy điện mặt trời công suất 200 MWp", [F("other", "200", "item")]),
    # a negated comparative is a bound: `không nhỏ hơn` = at least, `không lớn hơn` = at most
    ("số tiền ký quỹ không nhỏ hơn 10 triệu đồng", [F("money", "10000000", "VND", "at_least")]),
    ("diện tích không lớn hơn 30 m2", [F("area", "0.003", "hectare", "at_most")]),
    # a share of a whole is a percentage even where it could be a day and month (§7 `1/3 dân số`)
    ("rừng chiếm 3/5 diện tích tự nhiên", [F("percent", "60", "percent")]),
    ("khoảng 4/10 số hộ có nước sạch", [F("percent", "40", "percent", "approx")]),
    ("ngày 3/5 có mưa, đến 12/11 số ca mắc tăng", []),
    # a year after a season or holiday counts nothing, even before a counted noun
    ("dịp Tết Nguyên đán 2021 người dân đi chợ đông, vụ đông xuân 2023 nông dân lãi 5 triệu đồng/ha",
     [F("money", "5000000", "VND", per="ha")]),
    # a rate's unit in brackets keeps its denominator (`15.000 (đồng/kg)`, like `120 (m3/s)`)
    ("giá lúa 15.000 (đồng/kg), năng suất 60 (tạ/ha)",
     [F("money", "15000", "VND", per="kg"), F("mass", "6", "tonne", per="ha")]),
    # a bound written after a rate's further denominators (dantri_32)
    ("không còn hộ nghèo thu nhập từ 21 triệu đồng/người/năm trở xuống",
     [F("money", "21000000", "VND", "at_most", text="từ 21 triệu đồng/người/năm trở xuống")]),
    ("doanh thu từ 500 triệu đồng/năm trở xuống", [F("money", "500000000", "VND", "at_most")]),
]


# The second pass over the long tail (issue #11, families left open by the first)
SECOND_PASS = [
    # a spelled number before a state body written in capitals counts the bodies; `Năm` in
    # capitals opening the sentence or before a name stays the year or the name
    ("hai Chính phủ đã ký hiệp định hợp tác", [F("other", "2", "item", text="hai Chính phủ")]),
    ("đại diện ba Ủy ban của Quốc hội và hai Nhà nước", [F("other", "3", "item"), F("other", "2", "item")]),
    ("ba Bộ cùng phối hợp kiểm tra", [F("other", "3", "item")]),
    ("Năm Chính phủ ban hành nghị định mới", []),
    ("ông Năm Bộ cho biết", []),
    # a raised alternative (`A, thậm chí B`) is two figures of the same noun, like `A hoặc B` (§7)
    ("anh mua 1, thậm chí 2 căn nhà", [F("houses", "1", "house", text="1"), F("houses", "2", "house")]),
    ("mỗi hộ nuôi 3 hoặc thậm chí 4 con bò", [F("other", "3", "item"), F("other", "4", "item")]),
    ("mỗi ngày bán 5, thậm chí là 7 tấn cá", [F("mass", "5", "tonne"), F("mass", "7", "tonne")]),
    ("giá tăng 10%, thậm chí là 20%", [F("percent", "10", "percent"), F("percent", "20", "percent")]),
    ("từ năm 2020, thậm chí 2021", []),
    # `N bên` before a position, or the parties acting together, names sides (§7 `hai bên đường`)
    ("sạt lở 2 bên tả luy dương", []),
    ("trồng 500 cây xanh ở 2 bên lề đường", [F("other", "500", "item")]),
    ("hai bên bờ sông bị sạt lở", []),
    ("hai bên ký kết biên bản ghi nhớ, hai bên thống nhất giá 20.000 đồng/kg",
     [F("money", "20000", "VND", per="kg")]),
    ("có 5 bên tham gia đấu thầu", [F("other", "5", "item")]),
    # `có năm` is "in some years" when its clause tells how the year went (a verb of selling,
    # harvesting, earning after the people noun); any other predicate keeps the count of people
    ("có năm bà con nông dân lãi lớn, có năm mất trắng", []),
    ("có năm người nông dân này thu về 200 triệu đồng", [F("money", "200000000", "VND")]),
    ("vụ cháy có năm người bị thương, có năm hộ bị sập nhà",
     [F("people", "5", "person"), F("households", "5", "household")]),
    # `hơn cả` after a comparative adjective is a comparison with the figure: exact
    ("giá 1 kg thịt lợn còn rẻ hơn cả 1 kg khoai lang",
     [F("mass", "0.001", "tonne"), F("mass", "0.001", "tonne", text="1 kg khoai lang")]),
    ("năng suất cao hơn cả 2 lần", [F("other", "2", "item", text="2 lần")]),
    ("có hơn cả 100 người đến dự", [F("people", "100", "person", "more_than")]),
    # `trường hợp` counts people (§7) unless its noun is a thing: it counts what that noun counts
    ("ghi nhận 3 trường hợp tử vong và 5 trường hợp mắc sốt xuất huyết",
     [F("people", "3", "person"), F("people", "5", "person")]),
    ("có 3 trường hợp mobile banking bị lừa", [F("other", "3", "item")]),
    ("phát hiện 4 trường hợp giao dịch bất thường", [F("other", "4", "item")]),
    ("xử lý 2 trường hợp vi phạm của doanh nghiệp", [F("other", "2", "item")]),
    ("có 4 trường hợp doanh nghiệp nợ thuế, 2 trường hợp học sinh bị ngộ độc",
     [F("other", "4", "item"), F("people", "2", "person")]),
    # a lone capital joined to the number by a dash, even spaced, is a code unless a measure follows
    ("quỹ do tổ chức Rotary International D – 3600 tài trợ", []),
    ("chiếc máy bay B – 52 cất cánh từ căn cứ", []),
    ("Loại A – 50 triệu đồng, Quảng Nam - 300 hộ",
     [F("money", "50000000", "VND"), F("households", "300", "household")]),
]

FOURTH_PASS = [
    # money slang: a scale abbreviation glued to the digits (`tr` = triệu, `k` = nghìn, digits
    # after it its decimals); `k` only where money is named or a rate follows; `củ` = a million
    ("Lương tháng của anh chỉ 8tr, không đủ chi tiêu.", [F("money", "8000000", "VND", text="8tr")]),
    ("Anh bán được 1tr5 tiền cá mỗi ngày.", [F("money", "1500000", "VND", text="1tr5")]),
    ("Công ty trả 1,5tr cho mỗi ca làm thêm.", [F("money", "1500000", "VND", per="ca")]),
    ("Giá vé vào cổng là 200K/người, trẻ em được miễn phí.",
     [F("money", "200000", "VND", per="người", text="200K/người")]),
    ("Bó rau giá 15k một bó.", [F("money", "15000", "VND", per="bó")]),
    ("Giá gửi xe là 2k5 một lượt.", [F("money", "2500", "VND", per="lượt")]),
    ("Mua gói cước 70k/tháng.", [F("money", "70000", "VND", per="tháng")]),
    ("Điện thoại có màn hình độ phân giải 2K, tần số quét 120Hz.", [F("other", "120", "item")]),
    ("Anh tham gia giải chạy 10K ở Đà Nẵng.", []),
    ("Phí đăng ký cự ly 5K là 300.000 đồng.", [F("money", "300000", "VND")]),
    ("Tivi 4K giá 10 triệu.", [F("money", "10000000", "VND")]),
    ("Mỗi cây cho 5 củ, giá bán 20 nghìn đồng/kg.", [F("other", "5", "item"), F("money", "20000", "VND")]),
    ("Chiếc xe cũ anh mua lại với giá 2 củ.", [F("money", "2000000", "VND", text="2 củ")]),
    ("Mỗi tháng chị kiếm được 7 củ từ bán rau.", [F("money", "7000000", "VND")]),
    ("Anh đào được 5 củ khoai lang to.", [F("other", "5", "item", text="5 củ khoai lang")]),
    # a typo'd dot group (`6.3000`) has no value that can be known: no figure, never a wrong one
    ("Tỉnh đã hỗ trợ 6.3000 tấn gạo cho người dân.", []),
    ("Tổng kinh phí là 12.30 triệu đồng.", [F("money", "12300000", "VND")]),
    # the counted noun phrase stops before the predicate (§3 spans)
    ("Đã có 3 trường hợp mobile banking tự ngừng hoạt động sau khi cập nhật.",
     [F("other", "3", "item", text="3 trường hợp mobile banking")]),
    ("Đã có 12 học sinh nghỉ học vì mưa lũ.", [F("people", "12", "person", text="12 học sinh")]),
    ("Có 4 nhà đầu tư rót vốn vào dự án.", [F("people", "4", "person", text="4 nhà đầu tư")]),
    ("Thành phố đã có 6 dự án sử dụng toàn bộ vốn ngân sách.", [F("other", "6", "item", text="6 dự án")]),
    ("Lưu lượng về hồ đạt 120 (m3/s) lúc 7 giờ sáng.", [F("other", "120", "item", subject="", per="s")]),
    # a numbered part of one named place is a name; before a list of places it counts them
    ("Nước ngập sâu ở khu vực 2 xã Đông Phú, nhiều hộ phải di dời.", []),
    ("Ông Điện ở khu vực 4 phường 5 thành phố Vị Thanh cho biết.", []),
    ("Mưa lớn ở khu vực 2 xã Tân Phú và Tân Lập làm ngập 50 ha lúa.",
     [F("other", "2", "item"), F("area", "50", "hectare")]),
    ("Dịch bệnh xuất hiện tại khu vực 3 xã biên giới.", [F("other", "3", "item")]),
    # issue #11 re-check, one sentence per form
    ("Sản phẩm có giá $5 tại Mỹ.", [F("money", "5", "USD", text="$5")]),
    ("Vé tham quan có giá €20 mỗi người.", [F("money", "20", "EUR", per="người")]),
    ("Một ly cà phê ở London giá £3.", [F("money", "3", "GBP")]),
    ("Apple đầu tư $1,5 tỷ vào nhà máy mới.", [F("money", "1500000000", "USD")]),
    ("Công ty thu về 20 triệu EUR và 3 triệu GBP.", [F("money", "20000000", "EUR"), F("money", "3000000", "GBP")]),
    ("Dự án vay 10 tỷ JPY, nhập hàng trị giá 500 triệu CNY.",
     [F("money", "10000000000", "JPY"), F("money", "500000000", "CNY")]),
    ("Hàn Quốc viện trợ 2 tỷ KRW, chi phí khoảng 100.000 THB mỗi tour, 50 triệu AED.",
     [F("money", "2000000000", "KRW"), F("money", "100000", "THB", "approx"), F("money", "50000000", "AED")]),
    ("Mức lương dao động giữa 8 và 12 triệu đồng mỗi tháng.",
     [F("money", "8000000", "VND", "range", "12000000")]),
    ("Lợi nhuận âm 20 tỷ đồng, tăng trưởng tín dụng -2%.",
     [F("money", "-20000000000", "VND"), F("percent", "-2", "percent")]),
    ("Quỹ đã chi một tỷ không trăm năm mươi triệu đồng cho một nghìn không trăm linh năm hộ dân.",
     [F("money", "1050000000", "VND"), F("households", "1005", "household")]),
    ("Công an đã bắt giữ 01 đối tượng, thu giữ 05 xe máy.", [F("people", "1", "person"), F("other", "5", "item")]),
    ("Đàn gà đạt 15-20 con/kg, mỗi con nặng 1,5 kg/con.",
     [F("other", "15", "item", "range", "20", per="kg"), F("mass", "0.0015", "tonne", per="con")]),
    ("Tôm thẻ loại 30 con/kg có giá 150.000 đồng/kg.",
     [F("other", "30", "item", per="kg", text="30 con/kg"), F("money", "150000", "VND", per="kg")]),
    ("Anh kiếm được vài trăm ngàn/ngày từ nghề bán vé số.", []),
    ("Chị kiếm được hơn trăm ngàn/ngày từ bán rau.", [F("money", "100000", "VND", "more_than", per="ngày")]),
    # the đồng sign; a toll after `trạm` (a station's number or class is no money); chained denominators
    ("Sản phẩm được bán với giá 500.000₫, bản cao cấp 1.290.000 ₫.",
     [F("money", "500000", "VND"), F("money", "1290000", "VND", text="1.290.000 ₫")]),
    ("Phí qua trạm 35.000 đồng/lượt/xe.", [F("money", "35000", "VND", per="lượt/xe", text="35.000 đồng/lượt/xe")]),
    ("Xây dựng trạm 110kV và trạm 3 ở xã.", []),
    ("Thu nhập bình quân đạt 4.000 USD/người/năm.", [F("money", "4000", "USD", per="người/năm")]),
    ("Giá thuê là 10 USD/m2/tháng.", [F("money", "10", "USD", per="m2/tháng")]),
]

# families read on the fresh `learn` articles (heldout2/split.json), one real-looking sentence each
FRESH_LEARN = [
    # a number naming a programme, a unit of the army, a crop: a name, no count
    ("Trường trao bằng tốt nghiệp đại học văn bằng 2 hệ vừa làm vừa học.", []),
    ("Huy động Binh đoàn 18 sẵn sàng bay tìm kiếm cứu nạn.", []),
    ("Anh có 2,5 ha diện tích nuôi tôm vụ 2 mới thả được hơn 1 tháng.", [F("area", "2.5", "hectare")]),
    # a fraction after a class of war invalids is the class, no share (like `gạo 5%`)
    ("Tặng quà thương binh 1/4, bệnh binh 1/3 và bệnh binh 2/3.", []),
    ("Thương binh có tỷ lệ 1/4 số hộ của xã.", [F("percent", "25", "percent")]),
    # graduates are people; greenhouses are no dwellings; a hive is a/an
    ("Có 81 tân cử nhân nhận bằng tốt nghiệp.", [F("people", "81", "person", text="81 tân cử nhân")]),
    ("Bão làm 3 nhà màng công nghệ cao bị sập, 16 nhà tốc mái.",
     [F("infrastructure", "3", "item"), F("houses", "16", "house", text="16 nhà")]),
    ("Ông nuôi một thùng ong lấy mật.", []),
    ("Xuất khẩu 2 triệu thùng dầu mỗi ngày, giá 80 USD/thùng.",
     [F("other", "2000000", "item"), F("money", "80", "USD", per="thùng")]),
    # a bare low end takes the largest scale that keeps it below the high end
    ("Mức quà tặng từ 500.000 - 1,7 triệu đồng/trường hợp.", [F("money", "500000", "VND", "range", "1700000")]),
    ("Giá từ 900 - 1,2 triệu đồng/kg.", [F("money", "900000", "VND", "range", "1200000")]),
    ("Lương 10 - 15 triệu đồng.", [F("money", "10000000", "VND", "range", "15000000")]),
    # `so` alone compares: the comparative names a difference, exact (§3)
    ("Hiệu quả tăng cao hơn 20% so ngoài mô hình.", [F("percent", "20", "percent", "exact", text="20%")]),
    # spans stop before `đối với`, `cách đây`, `kèm` and the predicate
    ("Mức hỗ trợ 1,5 triệu đồng/trường hợp đối với Bà mẹ Việt Nam anh hùng.",
     [F("money", "1500000", "VND", text="1,5 triệu đồng/trường hợp")]),
    ("Khiến 40 lồng cá trôi xa hơn 1 km và 60 tấn cá tràn ra sông.",
     [F("other", "40", "item", text="40 lồng cá"), F("other", "1", "item", "more_than"),
      F("mass", "60", "tonne", text="60 tấn cá")]),
    ("Gia đình thả nuôi 80 lồng cá diêu hồng cách đây 4 tháng.",
     [F("other", "80", "item", text="80 lồng cá diêu hồng")]),
    ("Ngân hàng đang nghiêng về hướng giảm 30% kèm điều kiện.", [F("percent", "30", "percent", text="30%")]),
    # `giờ` after an hour takes minutes (`7 giờ 30`); alone it is "now" and the count after it stays
    ("Tôi không kịp trở tay, giờ 40 lồng cá trôi.", [F("other", "40", "item", text="40 lồng cá")]),
    ("Lúc 7 giờ 30 sáng, nước dâng cao.", []),
    ("Đến 14 giờ 15, có 20 hộ bị ngập.", [F("households", "20", "household")]),
]


SIXTH_PASS = [
    # a union is no land unit `công` (1,000 m2); `công ruộng` still is
    ("Nhiệm kỳ qua đã thành lập mới 47 công đoàn cơ sở.", [F("other", "47", "item", text="47 công đoàn cơ sở")]),
    ("Gia đình ông có 5 công ruộng.", [F("area", "0.5", "hectare")]),
    # the grades of war invalids listed after one `thương binh` are grades too
    ("Hỗ trợ trên 170 thương binh 1/4, 2/4 có mức sống trung bình.", [F("people", "170", "person", "more_than")]),
    # a season before a year makes it a year (`mùa hè 2018`), no count of the noun after it
    ("Dự kiến mùa hè 2018 Hiệp định được ký kết.", []),
    # latrines and the parts of bridges are works; forces and visits count the people named after them
    ("Các xã xây 18 nhà tiêu hợp vệ sinh.", [F("infrastructure", "18", "item", text="18 nhà tiêu hợp vệ sinh")]),
    ("Đoàn viên đổ 10 móng cầu bê tông.", [F("infrastructure", "10", "item", text="10 móng cầu bê tông")]),
    ("Có hơn 4.300 lực lượng đoàn viên thanh niên tham gia.",
     [F("people", "4300", "person", "more_than", text="hơn 4.300 lực lượng đoàn viên thanh niên")]),
    ("Hỗ trợ cho trên 7.000 lượt CNVCLĐ nghèo.",
     [F("people", "7000", "person", "more_than", text="trên 7.000 lượt CNVCLĐ nghèo")]),
    ("Qua lại hầm 2 lượt mỗi ngày.", [F("other", "2", "item")]),
    # after `mỗi năm` a range is money a year; `năm` labels only a year (`năm 2020 và 2021`)
    ("Lợi nhuận bình quân mỗi năm 30 đến 50 triệu đồng/ha.",
     [F("money", "30000000", "VND", "range", "50000000", text="30 đến 50 triệu đồng/ha")]),
    ("Năm 2020 và 2021 tỉnh có 30 hộ thoát nghèo.", [F("households", "30", "household")]),
    # a road marker's metres (`Km13+300`), a road number before `hiện` ("now"), `Cty` for công ty
    ("Điểm cuối Km13+300 nút giao với tuyến nhánh vào chùa.", []),
    ("Riêng tuyến tỉnh lộ 622B, 623 và 626 hiện còn 13 điểm ách tắc.", [F("other", "13", "item")]),
    ("Hiện trên địa bàn tỉnh có 6 Cty và 1 khu nông nghiệp.", [F("other", "6", "item"), F("other", "1", "item")]),
    # `trên` before a count of surfaces is "on", no qualifier; after a word of quantity it is "more than"
    ("Mưa lớn đã gây lũ vượt mức lịch sử trên hai tuyến sông tại TP. Huế.", [F("other", "2", "item", text="hai tuyến sông")]),
    ("Tỉnh tháo dỡ dàn đèn trình diễn ánh sáng nghệ thuật trên 3 ngọn núi.", [F("other", "3", "item", text="3 ngọn núi")]),
    ("Tỉnh có trên 100 ao nuôi tôm.", [F("other", "100", "item", "more_than")]),
    # ... and so it is after a verb whose preposition it is (K/baomoi_302); not after other verbs
    ("Quy hoạch cũng dựa trên 3 nhóm tiêu chí chính để phân vùng biển.",
     [F("other", "3", "item", text="3 nhóm tiêu chí chính")]),
    ("Tỉnh xây trên 300 căn nhà.", [F("houses", "300", "house", "more_than")]),
    # `5/10 xóm`: five of ten hamlets, two counts (not a date, not money)
    ("Xã Vầy Nưa (Đà Bắc) có 5/10 xóm tiếp giáp với vùng hồ.", [F("other", "5", "item"), F("other", "10", "item")]),
    # `vụ 1` before no counted noun is the first crop; `vụ 5 người chết` still counts people
    ("Được biết, vụ 1 nuôi tôm nước lợ năm nay, toàn tỉnh thả nuôi trên 1.766 ha.",
     [F("area", "1766", "hectare", "more_than")]),
    ("Công an điều tra vụ 5 người chết.", [F("people", "5", "person")]),
    # `hai bên gia đình`: both sides of a couple, no count (§7 `hai bên`)
    ("Với 3 sào rẫy được bố mẹ hai bên gia đình hỗ trợ.", [F("area", "0.108", "hectare")]),
]


@pytest.mark.parametrize(("sentence", "expected"), SIXTH_PASS)
def test_sixth_pass_of_the_long_tail(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), FRESH_LEARN)
def test_fresh_learn_families(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), FOURTH_PASS)
def test_fourth_pass_of_the_long_tail(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), SECOND_PASS)
def test_second_pass_of_the_long_tail(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), KINDS)
def test_kinds_of_the_long_tail(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), FORMS)
def test_number_and_money_forms(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize("module", [lexicon_module, surroundings_module])
def test_doctests(module: object) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_joins_module_has_its_public_names() -> None:
    assert set(joins_module.__all__) <= set(dir(joins_module))
