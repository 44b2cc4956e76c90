"""The figure extractor on sentences from real articles, one row per case of ANNOTATION.md."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from vnfigures.extractors.figures import extract_figures
from vnfigures.schemas import Figure

D = Decimal


def F(kind: str, value: str, unit: str, qualifier: str = "exact", modality: str = "actual",
      value_max: str | None = None, **extra: Any) -> dict[str, Any]:
    """An expected figure: the scored fields, plus any other field that matters for the row."""
    row = {"kind": kind, "value": D(value), "unit": unit, "qualifier": qualifier,
           "modality": modality, "value_max": D(value_max) if value_max else None}
    row.update(extra)
    return row


def _fields(fig: Figure, keys: list[str]) -> dict[str, Any]:
    data = fig.model_dump()
    out = {k: data[k] for k in keys}
    for k in ("kind", "qualifier", "modality"):
        if k in out:
            out[k] = out[k].value
    return out


def check(sentence: str, expected: list[dict[str, Any]]) -> None:
    got = extract_figures(sentence)
    assert len(got) == len(expected), [f.text for f in got]
    for fig, exp in zip(got, expected):
        assert _fields(fig, list(exp)) == exp
        assert sentence[fig.start:fig.end] == fig.text


KINDS = [
    ("Công an tỉnh hỗ trợ 115 hộ nghèo.", [F("households", "115", "household", text="115 hộ nghèo", subject="hộ nghèo")]),
    ("Hỗ trợ 3 gia đình bị sạt lở.", [F("households", "3", "household")]),
    ("có 2.743 hộ nghèo chưa có nhà ở", [F("households", "2743", "household")]),
    ("trao 42 căn nhà tình thương", [F("houses", "42", "house", subject="nhà tình thương")]),
    ("xây 50 ngôi nhà tình nghĩa", [F("houses", "50", "house")]),
    ("292 căn nhà đồng đội, nhà tình nghĩa, nhà tình thương", [F("houses", "292", "house", text="292 căn nhà đồng đội")]),
    ("Toàn tỉnh có 1 nhà bị sập hoàn toàn, 7 nhà bị sạt lở", [F("houses", "1", "house"), F("houses", "7", "house")]),
    ("262 tấn gạo", [F("mass", "262", "tonne", subject="gạo")]),
    ("trao 25 kg gạo", [F("mass", "0.025", "tonne")]),
    ("thu 3 tạ thóc và 5 yến ngô", [F("mass", "0.3", "tonne"), F("mass", "0.05", "tonne")]),
    ("khoảng 8 lạng", [F("mass", "0.0008", "tonne", "approx")]),
    ("trên 625 triệu đồng", [F("money", "625000000", "VND", "more_than", text="trên 625 triệu đồng")]),
    ("trúng 82 tỉ tại An Giang", [F("money", "82000000000", "VND")]),
    ("553,763 tỷ đồng", [F("money", "553763000000", "VND")]),
    ("1 tỷ 200 triệu đồng", [F("money", "1200000000", "VND")]),
    ("giá trị 136 triệu USD", [F("money", "136000000", "USD", subject="giá trị")]),
    ("với kinh phí 193 tỷ đồng", [F("money", "193000000000", "VND", subject="kinh phí")]),
    ("nhận trên 100 triệu đồng tiền hỗ trợ", [F("money", "100000000", "VND", "more_than", subject="tiền hỗ trợ")]),
    ("giá 1.800 USD/ounce", [F("money", "1800", "USD", per="ounce")]),
    ("hơn 1.040 lượt người tham dự", [F("people", "1040", "person", "more_than")]),
    ("2 người chết", [F("people", "2", "person")]),
    ("có 1 trường hợp tử vong", [F("people", "1", "person")]),
    ("41.766 đối tượng", [F("people", "41766", "person")]),
    ("40 vạn dân", [F("people", "400000", "person")]),
    ("hai cháu bé", [F("people", "2", "person")]),
    ("trên 144.000 phần quà", [F("gifts", "144000", "gift", "more_than")]),
    ("395.550 suất học bổng", [F("gifts", "395550", "gift")]),
    # parts per thousand (salinity) are a measure, even where gifts are given (G/vnexpress_1)
    ("Tỉnh hỗ trợ nước ngọt, nước mặn ở mức 4-10 phần nghìn vẫn tràn tới.",
     [F("other", "4", "item", "range", value_max="10")]),
    ("độ mặn đo được 5‰", [F("other", "5", "item")]),
    # a thousands word counts the noun after it (K/baomoi_302); alone, or before a money noun, it is money
    ("các nhà khoa học đã phát hiện được 11 nghìn loài sinh vật cư trú", [F("other", "11000", "item")]),
    ("khoảng 2 nghìn lít dầu", [F("other", "2000", "item", "approx")]),
    ("trả 200 nghìn tiền điện", [F("money", "200000", "VND")]),
    ("thu 50 nghìn mỗi ngày", [F("money", "50000", "VND")]),
    ("26 cây cầu, 2 tuyến lộ nông thôn", [F("infrastructure", "26", "item"), F("infrastructure", "2", "item")]),
    ("xây 3 phòng học và 1 nhà văn hóa", [F("infrastructure", "3", "item"), F("infrastructure", "1", "item")]),
    ("tăng 7,4% so với năm 2016", [F("percent", "7.4", "percent", text="7,4%")]),
    ("giảm 21,8 % so với cùng kỳ", [F("percent", "21.8", "percent")]),
    ("chiếm 1/3 dân số", [F("percent", "33.33", "percent")]),
    ("gần 260ha lúa", [F("area", "260", "hectare", "nearly")]),
    ("căn hộ 30 m2", [F("area", "0.003", "hectare")]),
    ("3,9 triệu m2 sàn", [F("area", "390", "hectare")]),
    ("trồng 5 công lúa", [F("area", "0.5", "hectare")]),
    ("trên 315 cuộc tuyên truyền", [F("other", "315", "item", "more_than")]),
    ("298 chiếc quạt điện, 86 nồi cơm điện", [F("other", "298", "item"), F("other", "86", "item")]),
    ("1,5 triệu con lợn", [F("other", "1500000", "item")]),
    ("tiết kiệm 13.533 Kw điện", [F("other", "13533", "item")]),
    ("dài 5 km", [F("other", "5", "item")]),
    ("hai vụ sạt lở đất", [F("other", "2", "item")]),
    ("1.993 Chi hội", [F("other", "1993", "item")]),
]

QUALIFIERS = [
    ("khoảng 700 nhà", [F("houses", "700", "house", "approx")]),
    ("chừng 20 người", [F("people", "20", "person", "approx")]),
    ("cổ phiếu giao dịch quanh mức 3.000 đồng/cổ phiếu", [F("money", "3000", "VND", "approx", per="cổ phiếu")]),
    ("xung quanh 20.000 đồng; hơn kém 5%", [F("money", "20000", "VND", "approx"), F("percent", "5", "percent", "approx")]),
    ("không nhiều hơn 20 hộ; không vượt 10 tấn", [F("households", "20", "household", "at_most"), F("mass", "10", "tonne", "at_most")]),
    ("xấp xỉ 1 tạ", [F("mass", "0.1", "tonne", "approx")]),
    ("tầm 2kg", [F("mass", "0.002", "tonne", "approx")]),
    ("nặng tầm 300g - 350gram", [F("mass", "0.0003", "tonne", "range", value_max="0.00035")]),
    ("mạng 5G phủ sóng", []),
    ("xe tải từ 2 tấn đến dưới 4 tấn", [F("mass", "2", "tonne", "range", value_max="4")]),
    ("thấp nhất 35.000 đồng/lượt, cao nhất là 240.000 đồng/lượt",
     [F("money", "35000", "VND"), F("money", "240000", "VND")]),
    ("qua lại hầm 2 lượt", [F("other", "2", "item")]),
    ("gần 14.000 hộ nghèo", [F("households", "14000", "household", "nearly")]),
    ("ngót 700 triệu đồng", [F("money", "700000000", "VND", "nearly")]),
    ("hơn 5.800 hộ cận nghèo", [F("households", "5800", "household", "more_than")]),
    ("vượt 10 tấn", [F("mass", "10", "tonne", "more_than")]),
    ("dưới mức 20.000 đồng/kg", [F("money", "20000", "VND", "less_than", per="kg")]),
    ("chưa đến 10m2", [F("area", "0.001", "hectare", "less_than")]),
    ("chưa đầy 5 tấn", [F("mass", "5", "tonne", "less_than")]),
    ("Ít nhất 11 người chết", [F("people", "11", "person", "at_least")]),
    ("tối thiểu phải từ 25m2 trở lên", [F("area", "0.0025", "hectare", "at_least")]),
    ("3 liệt sĩ trở lên", [F("people", "3", "person", "at_least")]),
    ("khoảng 15.000 đồng/kg trở lên", [F("money", "15000", "VND", "at_least")]),
    ("không dưới 50 hộ", [F("households", "50", "household", "at_least")]),
    ("hỗ trợ tối đa 50 triệu đồng", [F("money", "50000000", "VND", "at_most")]),
    ("không quá 6 tầng", [F("other", "6", "item", "at_most")]),
    ("tốc độ tối đa 60km/h", [F("other", "60", "item", "exact", per="h")]),
    ("từ 10 đến 15 triệu đồng", [F("money", "10000000", "VND", "range", value_max="15000000")]),
    ("10-15 hộ", [F("households", "10", "household", "range", value_max="15")]),
    ("khoảng 170.000 - 200.000 đồng", [F("money", "170000", "VND", "range", value_max="200000")]),
    ("từ 35,99 triệu đồng đến 38,99 triệu đồng", [F("money", "35990000", "VND", "range", value_max="38990000")]),
    ("từ 1,5m2 - 2,8m2", [F("area", "0.00015", "hectare", "range", value_max="0.00028")]),
    ("ước tính gần 700 tỷ đồng", [F("money", "700000000000", "VND", "nearly")]),
    ("khoảng hơn 800 hộ", [F("households", "800", "household", "more_than")]),
    ("Ước tính, tổng thiệt hại là 3,5 tỷ đồng", [F("money", "3500000000", "VND", "approx")]),
    ("sản lượng ước đạt 85.000 tấn", [F("mass", "85000", "tonne", "approx")]),
    ("kinh phí lên đến 25 tỷ đồng", [F("money", "25000000000", "VND", "exact")]),
    ("có tới 50 người", [F("people", "50", "person", "exact")]),
    ("giá từ 6.000 đồng/kg xuống 5.800 đồng/kg", [F("money", "6000", "VND"), F("money", "5800", "VND")]),
    ("trên mức BĐ2 0,75m", [F("other", "0.75", "item", "exact")]),
    ("cầu vượt lên 36,75m", [F("other", "36.75", "item", "exact")]),
    ("vận động đượctrên 192tỷđồng", [F("money", "192000000000", "VND", "more_than")]),
]

MODALITY = [
    ("Năm nay tỉnh dự kiến xây dựng khoảng 700 nhà cho hộ nghèo với số tiền gần 36 tỷ đồng.",
     [F("houses", "700", "house", "approx", "target"), F("money", "36000000000", "VND", "nearly", "target")]),
    ("Mục tiêu năm 2017 giảm 2.270 hộ nghèo.", [F("households", "2270", "household", modality="target")]),
    ("Tỉnh phấn đấu phát triển 190.000 hội viên mới.", [F("people", "190000", "person", modality="target")]),
    ("Theo kế hoạch, sẽ xây 122 cầu.", [F("infrastructure", "122", "item", modality="target")]),
    ("Theo dự báo, Việt Nam sẽ xuất khẩu khoảng 5,8 triệu tấn gạo.", [F("mass", "5800000", "tonne", "approx", "target")]),
    ("Nếu thua lỗ, mỗi con lợn có thể lỗ từ 1-1,5 triệu đồng.",
     [F("money", "1000000", "VND", "range", "target", value_max="1500000")]),
    ("Giá vàng đạt 85% kế hoạch.", [F("percent", "85", "percent")]),
    ("đạt 54,8% so với kế hoạch năm 2017", [F("percent", "54.8", "percent")]),
    ("Ban chỉ đạo phân công 1 đồng chí Phó Giám đốc", [F("people", "1", "person")]),
    ("lãi suất 0,65%/tháng", [F("percent", "0.65", "percent", per="tháng")]),
    ("Nếu mua với số lượng lớn chỉ còn 5.000 đồng/kg", [F("money", "5000", "VND", per="kg")]),
    ("mục tiêu tỷ lệ hội viên từ 40% lên 60%", [F("percent", "40", "percent"), F("percent", "60", "percent", modality="target")]),
    ("Khoảng 700 nhà sẽ được xây trong năm tới.", [F("houses", "700", "house", "approx", "target")]),
    ("Tỉnh đã vượt kế hoạch, xây 50 nhà.", [F("houses", "50", "house")]),
    ("Sở Kế hoạch và Đầu tư cấp phép 12 dự án.", [F("other", "12", "item")]),
    # money still needed, a planned option's budget (§7)
    ("Cần 340 tỷ đồng khắc phục sạt lở kè đê biển Bạc Liêu", [F("money", "340000000000", "VND", modality="target")]),
    ("chỉ cần 1 hộ dân không đồng tình là đi vào ngõ cụt", [F("households", "1", "household")]),
    ("Phương án công trình được chọn là đê ngầm và kè mỏ hàn hình chữ “T”, với vốn đầu tư khoảng 190 tỷ đồng.",
     [F("money", "190000000000", "VND", "approx", "target")]),
    ("Thực hiện phương án 4 tại chỗ, huyện huy động 200 cán bộ, chiến sĩ giúp dân.", [F("people", "200", "person")]),
    ("Huyện xây dựng phương án di dời 500 hộ dân.", [F("households", "500", "household", modality="target")]),
    # `nếu như` before a past time contrasts two facts; `nếu tính theo` measures, sets no condition
    ("Nếu như phiên hôm qua (30/9), mã này được khớp tổng cộng hơn 390 nghìn đơn vị thì chỉ trong sáng nay đã được giao dịch gần 1,5 triệu đơn vị.",
     [F("other", "390000", "item", "more_than"), F("other", "1500000", "item", "nearly")]),
    ("Nếu như năm tới giá tăng thêm 5% thì lỗ 3 tỷ đồng.",
     [F("percent", "5", "percent", modality="target"), F("money", "3000000000", "VND", modality="target")]),
    ("Nếu tính theo giá thị trường thì giá trị tài sản cổ phiếu của ông Long là 21.980 tỷ đồng",
     [F("money", "21980000000000", "VND")]),
    # `sắp xếp` (arrange) is no `sắp` (soon); `nếu không kể` (excluding) sets no condition
    ("ông Trump đã sắp xếp cho hai công ty của mình vay hơn 700 triệu đô la",
     [F("other", "2", "item"), F("money", "700000000", "USD", "more_than")]),
    ("ông ta sắp xếp cho công ty vay 700 triệu đô la", [F("money", "700000000", "USD")]),
    ("(nếu không kể tiền sử dụng đất thì đạt 71,9 nghìn tỷ đồng, bằng 8,7% dự toán năm)",
     [F("money", "71900000000000", "VND"), F("percent", "8.7", "percent")]),
    # a question whether something could be done makes its figures possibilities (§7)
    ("Căn hộ 100 - 200 triệu đồng cho người nghèo có khả thi?",
     [F("money", "100000000", "VND", "range", "target", value_max="200000000")]),
    ("Bình Dương có thể hình thành quỹ nhà ở chỉ 100 - 200 triệu đồng/căn và mô hình này liệu có thể áp dụng cho Hà Nội không?",
     [F("money", "100000000", "VND", "range", "target", value_max="200000000", per="căn")]),
    ("Vậy mô hình nhà giá rẻ chỉ 100 triệu đồng tại Bình Dương thực chất là thế nào?", [F("money", "100000000", "VND")]),
    ("vậy mà chỉ với 10 thang thuốc của chị, phải chăng chị đã bỏ thêm dược liệu gì mới làm được?", [F("other", "10", "item")]),
    ("VSDC thông báo hủy đăng ký chứng khoán đối với 709,9 triệu cổ phiếu FLC", [F("other", "709900000", "item")]),
    # a revised plan: the value before the change was a plan too
    ("NHCSXH được giao bổ sung kế hoạch tăng trưởng tín dụng thêm 2%, tăng từ 8% lên 10%.",
     [F("percent", "2", "percent", modality="target"), F("percent", "8", "percent", modality="target"),
      F("percent", "10", "percent", modality="target")]),
    # reported against the plan: facts
    ("dư nợ tín dụng thực hiện theo chỉ tiêu kế hoạch giao đạt 140.929 tỷ đồng, hoàn thành 100% kế hoạch.",
     [F("money", "140929000000000", "VND"), F("percent", "100", "percent")]),
    ("Đã xây 9 cầu. Năm tới sẽ xây 33 cầu.", [F("infrastructure", "9", "item"), F("infrastructure", "33", "item", modality="target")]),
]

SETTLED = [
    # sào: northern size by default, central size where the article is central (§7)
    ("nhà có 6 sào lúa", [F("area", "0.216", "hectare")]),
    ("Ở Gia Lai, nhà có 6 sào lúa", [F("area", "0.3", "hectare")]),
    ("bốn sào (4.000 m2) lúa; thêm 2 sào nữa", [F("area", "0.4", "hectare"), F("area", "0.4", "hectare"), F("area", "0.2", "hectare")]),
    # rates keep their denominator
    ("50 triệu đồng/1 nhà mới", [F("money", "50000000", "VND", per="nhà mới")]),
    ("200 ngàn đồng/2 sào", [F("money", "200000", "VND", per="2 sào")]),
    ("1 triệu đồng/hộ gia đình", [F("money", "1000000", "VND", per="hộ gia đình")]),
    ("lưu lượng 50 m3/s", [F("other", "50", "item", per="s")]),
    ("giá dầu vượt 85 USD một thùng", [F("money", "85", "USD", "more_than", per="thùng")]),
    ("hỗ trợ 5 triệu đồng mỗi hộ", [F("money", "5000000", "VND", per="hộ")]),
    ("được hỗ trợ 10 kg gạo/nhân khẩu", [F("mass", "0.01", "tonne", per="nhân khẩu", subject="gạo")]),
    ("lúa ba vụ/năm", [F("other", "3", "item", per="năm")]),
    ("gấp 20 lần", [F("other", "20", "item")]),
    ("tăng gấp đôi", [F("other", "2", "item")]),
    ("Sau hai năm, 100% Ban đại diện", [F("percent", "100", "percent")]),
    ("tăng gấp ba so với năm trước", [F("other", "3", "item")]),
    ("cao gấp 2,5 lần", [F("other", "2.5", "item")]),
    ("từ hai đến ba người", [F("people", "2", "person", "range", value_max="3")]),
    ("2-3 lần/ngày", [F("other", "2", "item", "range", value_max="3", per="ngày")]),
    ("6 tháng tiền lương", [F("other", "6", "item")]),
    # pairs and fractions
    ("di dời 13/20 hộ dân", [F("households", "13", "household"), F("households", "20", "household")]),
    ("chi trả 923,835/1.010 tỷ đồng", [F("money", "923835000000", "VND"), F("money", "1010000000000", "VND")]),
    ("1/4 diện tích", [F("percent", "25", "percent")]),
    # fractions said in words are percentages too; `phần trăm`, `phần quà` are no fractions
    ("hai phần ba số hộ và 2 phần 3 diện tích", [F("percent", "66.67", "percent"), F("percent", "66.67", "percent")]),
    ("một phần tư dân số, 3 phần trăm", [F("percent", "25", "percent"), F("percent", "3", "percent")]),
    ("tặng 2 phần quà; một phần năm 2017 đã chi", [F("gifts", "2", "gift")]),
    # floods and weather are `other`, value as written
    ("mực nước 73,75 m", [F("other", "73.75", "item")]),
    ("lượng mưa 70-120mm", [F("other", "70", "item", "range", value_max="120")]),
    # product specifications are `other`
    ("bộ nhớ 256GB, RAM 12GB", [F("other", "256", "item"), F("other", "12", "item")]),
    ("màn hình 6,5-inch, độ phân giải 2688x1242 pixel", [F("other", "6.5", "item"), F("other", "2688", "item"), F("other", "1242", "item")]),
    ("pin 4.200mAh, sạc nhanh 65W", [F("other", "4200", "item"), F("other", "65", "item")]),
    ("động cơ 1.5L, mô-men xoắn 145 Nm, xe máy 150cc, quay 60fps",
     [F("other", "1.5", "item"), F("other", "145", "item"), F("other", "150", "item"), F("other", "60", "item")]),
    # names, labels, idioms and indefinites are not figures
    ("Đề án 1 triệu ha lúa", []),
    ("Hỗ trợ 5 hộ. [Mưa lũ Điện Biên: 2 người chết và mất tích] Có 3 con bò",
     [F("households", "5", "household"), F("other", "3", "item")]),
    ("xe Mazda 3 đời mới", []),
    ("hai bên đường trồng cây", []),
    ("lưu thông 2 chiều", []),
    ("vạn tấm lòng", []),
    ("hàng chục người", []),
    ("2 chục người", [F("people", "20", "person")]),
    ("gần chục triệu đồng", []),
    ("cả trăm người", []),
    ("dăm ba người", []),
    ("vài ba hộ", []),
    ("cả 3 người", [F("people", "3", "person")]),
    ("tiền tỷ", []),
    ("một lòng vì dân", []),
    ("một địa bàn khó khăn", []),
    ("một tỷ đồng", [F("money", "1000000000", "VND")]),
    ("đối với một đô thị đặc biệt", []),
    ("5 đô la", [F("money", "5", "USD")]),
    ("một tấn gạo", [F("mass", "1", "tonne")]),
    ("một trăm hai mươi hộ", [F("households", "120", "household")]),
    ("1 đồng chí", [F("people", "1", "person")]),
    ("gạo 5% tấm giá 345 – 350 USD/tấn", [F("money", "345", "USD", "range", value_max="350", per="tấn")]),
    ("ngày 10/7 đã khiến 2 người chết", [F("people", "2", "person")]),
    ("Mưa lũ Điện Biên: 2 người chết", [F("people", "2", "person")]),
    ("Hà Giang 2 người, Điện Biên 1 người", [F("people", "2", "person"), F("people", "1", "person")]),
    ("cần hỗ trợ khẩn cấp 200 tỷ đồng", [F("money", "200000000000", "VND", modality="target")]),  # still needed (§7)
    ("việc hỗ trợ là rất cần thiết, đã chi 200 tỷ đồng", [F("money", "200000000000", "VND")]),
    ("bão cấp 12 đổ bộ", []),
    ("tiết kiệm 226 triệu đồng,120 kg gạo", [F("money", "226000000", "VND"), F("mass", "0.12", "tonne")]),
    ("xây, sửa 416 “Mái ấm tình thương”", [F("houses", "416", "house")]),
    # abbreviations of worker and people nouns count people; other abbreviations stay `other`
    ("thu hút 500 CNVCLĐ tham dự", [F("people", "500", "person", text="500 CNVCLĐ")]),
    # a number word ends the counted noun: it starts the next figure
    ("hai vợ chồng ông nuôi bốn người con ăn học", [F("people", "2", "person"), F("people", "4", "person")]),
    # a two-syllable function word ends the counted noun (`trị giá`, `công suất`)
    ("Xã có 25 tàu cá công suất trên 90 CV", [F("other", "25", "item", text="25 tàu cá"), F("other", "90", "item", "more_than")]),
    ("trao 50 suất học bổng trị giá 1 triệu đồng/suất",
     [F("gifts", "50", "gift", subject="suất học bổng"), F("money", "1000000", "VND", per="suất")]),
    ("thu hút sự tham gia của gần 6.000 CNLĐ.", [F("people", "6000", "person", "nearly", subject="CNLĐ")]),
    ("tặng quà 120 HS, 30 SV và 40 ĐVTN", [F("people", "120", "person"), F("people", "30", "person"), F("people", "40", "person")]),
    ("có 25 CBCNV và 300 NLĐ", [F("people", "25", "person"), F("people", "300", "person")]),
    ("thành lập mới 5 HTX", [F("other", "5", "item", subject="HTX")]),
    ("mạng 5G phủ sóng 5 HTX", [F("other", "5", "item")]),
    # a dwelling owned by a school or an office is infrastructure (§7)
    ("sập 2 ngôi nhà thuộc trường Tiểu học và THCS Nậm Dịch", [F("infrastructure", "2", "item")]),
    ("3 căn nhà của UBND xã bị tốc mái, 5 căn nhà thuộc xã Tân Hòa bị sập",
     [F("infrastructure", "3", "item"), F("houses", "5", "house")]),
    ("hỗ trợ 12 nghìn lượt hộ nghèo vay vốn", [F("households", "12000", "household")]),
    # a tonnage right after a vehicle names its type, like `xe 7 chỗ` (§7)
    ("trôi 1 cầu gỗ; 1 ôtô 25 tấn bị rơi xuống vực", [F("infrastructure", "1", "item"), F("other", "1", "item")]),
    ("3 xe tải 10 tấn chở 25 tấn gạo", [F("other", "3", "item"), F("mass", "25", "tonne", subject="gạo")]),
    ("sáng mùng 4 Tết", []),
    # trading sessions in a row are a duration; court sessions and meetings are counted
    ("mã cổ phiếu VIC đã tăng 5 phiên liên tiếp", []),
    ("sau 3 phiên tòa, 2 phiên họp", [F("other", "3", "item"), F("other", "2", "item")]),
    ("Kho bạc thực hiện 4 phiên đấu thầu; ra mắt 3 phiên bản", [F("other", "4", "item"), F("other", "3", "item")]),
    ("đến các địa phương với 22 Cục DTNN khu vực", [F("other", "22", "item")]),
    # a denomination names the kind of coin (a class label) unless it is an amount in đồng
    ("đồng xu mệnh giá 5 xu của Mỹ", []),
    ("tờ tiền mệnh giá 500.000 đồng", [F("money", "500000", "VND")]),
    # billionaires are people, not a scale (`6 tỷ phú`); `một tỷ phú` is "a billionaire"
    ("Việt Nam có 6 tỷ phú USD và 2 triệu phú", [F("people", "6", "person"), F("people", "2", "person")]),
    ("tài sản của một tỷ phú tăng 500 triệu USD", [F("money", "500000000", "USD")]),
    # a month and year is a date; a year or road number listed after a labelled one is a label too
    ("đến tháng 8/2020 đơn vị cho thuê máy đột nhiên rút", []),
    ("GDP năm 2020 và 2021 lần lượt đạt tăng trưởng 1,6% và 6,7%", [F("percent", "1.6", "percent"), F("percent", "6.7", "percent")]),
    ("Trên tuyến đường tỉnh lộ 127 và 129 nối huyện Nậm Nhùn", []),
    ("năm 2016, 30 hộ thoát nghèo", [F("households", "30", "household")]),
    # one-way traffic, exam scores and container sizes are no counts (§2, §7)
    ("hiện đã thông xe 1 chiều tạm thời", []),
    ("Nhiều thí sinh đạt 8-9 điểm mỗi môn, 26,5 điểm khối A", []),
    ("VN-Index đạt 912,19 điểm", [F("other", "912.19", "item")]),
    ("xe chở hàng bằng container 20 feet tăng từ 180.000 đồng/lượt lên 210.000 đồng/lượt",
     [F("money", "180000", "VND", per="lượt"), F("money", "210000", "VND", per="lượt")]),
    # procedures and jobs are no persons; domain nouns let spelled-out numbers count
    ("thực hiện 30 ca phẫu thuật, tạo 2.000 vị trí việc làm",
     [F("other", "30", "item", subject="ca phẫu thuật"), F("other", "2000", "item", subject="vị trí việc làm")]),
    ("nuôi hai con bò, ba ghe cào, hai lồng bè, 20 giường bệnh và hai hợp tác xã",
     [F("other", "2", "item", subject="bò"), F("other", "3", "item"), F("other", "2", "item"),
      F("other", "20", "item", subject="giường bệnh"), F("other", "2", "item", subject="hợp tác xã")]),
    # `ba mẹ` (parents) is an idiom, `ba mẹ con` three people
    ("ba mẹ con chị sống trong căn nhà tạm; ba mẹ em đi làm xa", [F("people", "3", "person")]),
    # kin, veterans and farm households
    ("hai thân nhân, hai bố con, 5 cựu thanh niên xung phong và 300 nông hộ",
     [F("people", "2", "person"), F("people", "2", "person"), F("people", "5", "person"), F("households", "300", "household")]),
    # foreign currencies by name
    ("giá 5 triệu đô la Hồng Kông, 20 ringgit, 3 tỷ yuan và 100 rúp",
     [F("money", "5000000", "HKD"), F("money", "20", "MYR"), F("money", "3000000000", "CNY"), F("money", "100", "RUB")]),
    # `một trong ba X`: a spelled-out number counting the noun after it
    ("đồng xu là một trong ba thiết kế duy nhất", [F("other", "3", "item", subject="thiết kế")]),
    ("nhập kho 170.000 tấn gạo (đạt 100% kế hoạch) và 64.000 tấn thóc",
     [F("mass", "170000", "tonne"), F("percent", "100", "percent"), F("mass", "64000", "tonne")]),
    ("có 3/5 xã đạt chuẩn", [F("other", "3", "item"), F("other", "5", "item")]),
    ("Sáng 3/5, tỉnh trao quà", []),
    # the same unit on both sides of the slash: done out of planned, two figures (like `13/20 hộ`)
    ("nhập kho được 64.000 tấn/80.000 tấn thóc (đạt 80% kế hoạch)",
     [F("mass", "64000", "tonne"), F("mass", "80000", "tonne", subject="thóc"), F("percent", "80", "percent")]),
    ("năng suất 5 tấn/2 ha", [F("mass", "5", "tonne", per="2 ha")]),
    ("60 thượng nghị sĩ", [F("people", "60", "person")]),
    ("xử phạt 25 cá nhân", [F("people", "25", "person")]),
    ("so với 6 đồng tiền chủ chốt", [F("other", "6", "item")]),
    ("Tổng số hộ nghèo là 115.", [F("households", "115", "household")]),
    # a rice variety (`giống lúa 504`) is a label; a tonnage after the grain is a quantity
    ("xuất khẩu gạo 6 triệu tấn, hỗ trợ gạo 300 tấn; giống lúa 504, gạo 5451",
     [F("mass", "6000000", "tonne"), F("mass", "300", "tonne")]),
    # `gạo 5%` is a grade (like `gạo 5% tấm`); `Nếu như đầu tháng 5/2016 X thì Y` contrasts facts
    ("Nếu như đầu tháng 5/2016, giá gạo 5% của Việt Nam chào bán chỉ ở mức 350-354 USD/tấn thì gạo Thái Lan đã ở mức 390 USD/tấn",
     [F("money", "350", "USD", "range", value_max="354"), F("money", "390", "USD")]),
    ("tỷ lệ gạo 5% chiếm 30%; xuất khẩu gạo tăng 5%", [F("percent", "30", "percent"), F("percent", "5", "percent")]),
    # a canal, room or lot number is a label; a measure after it is a quantity
    ("nạo vét kênh 3 km, xem kênh 14, phòng 302, phòng 50 m2, lô 500 tấn hàng, lô 12",
     [F("other", "3", "item"), F("area", "0.005", "hectare"), F("mass", "500", "tonne")]),
    # compounds ending in a label syllable are no labels (`bộ đội`, `khẩn cấp`)
    ("huy động lực lượng bộ đội 300 người; hỗ trợ khẩn cấp 500 hộ; bão cấp 12",
     [F("people", "300", "person"), F("households", "500", "household")]),
    # words ending in `số` that name a group, not a label (`dân tộc thiểu số 8.000 hộ`)
    ("hộ nghèo dân tộc thiểu số 8.000 hộ; xã có dân số 960 người",
     [F("households", "8000", "household"), F("people", "960", "person")]),
    ("Số người chết: 5", [F("people", "5", "person")]),
    ("số nhà 25 đường Lê Lợi", []),
    ("sau 10 năm Hiệp định có hiệu lực", []),
    ("nhận khoảng trên 100 triệu đồng tiền hỗ trợ", [F("money", "100000000", "VND", "more_than")]),
    ("giá từ 400 đến 600.000 đồng/lượng", [F("money", "400000", "VND", "range", value_max="600000")]),
    ("từ 400 đến 400.000 đồng", [F("money", "400", "VND", "range", value_max="400000")]),
    ("từ 50.000 – 100.000 đồng/kg", [F("money", "50000", "VND", "range", value_max="100000")]),
]


@pytest.mark.parametrize(("sentence", "expected"), KINDS)
def test_kinds(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), QUALIFIERS)
def test_qualifiers(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), MODALITY)
def test_modality(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), SETTLED)
def test_settled_cases(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


def test_given_sentence_bounds_are_used() -> None:
    """Given bounds split where the rule splitter does not; where they miss a rule break (`.`
    then a capital), the cue still stops there."""
    text = "Sẽ xây mới, có 9 cầu. Có 5 cầu"
    no_bounds = extract_figures(text)
    given = extract_figures(text, [(0, 10), (11, len(text))])
    assert [f.modality.value for f in no_bounds] == ["target", "actual"]
    assert [f.modality.value for f in given] == ["actual", "actual"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "Không có số nào."])
def test_no_figures(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize("form", ["NFD", "NFKD"])
def test_decomposed_text_gives_the_same_figures_at_its_own_offsets(form: str) -> None:
    import unicodedata

    nfc = "Công an tỉnh hỗ trợ 115 hộ nghèo trên 625 triệu đồng, xây 3 căn nhà tình thương."
    text = unicodedata.normalize(form, nfc)
    got, want = extract_figures(text), extract_figures(nfc)
    assert [(f.kind, f.value, f.qualifier) for f in got] == [(f.kind, f.value, f.qualifier) for f in want]
    assert all(text[f.start:f.end] == f.text for f in got)


@pytest.mark.parametrize(("sentence", "kind"), [
    ("xây 3 nhà văn hoá", "infrastructure"), ("xây 3 nhà văn hóa", "infrastructure"),
    ("5 thuỷ điện", "infrastructure"), ("5 thủy điện", "infrastructure"),
])
def test_either_tone_placement_matches(sentence: str, kind: str) -> None:
    assert [f.kind.value for f in extract_figures(sentence)] == [kind]


@pytest.mark.parametrize(("entry", "message"), [
    ({"forms": ["đồng"], "kind": "money", "unit": "tonne"}, "not a unit of money"),
    ({"forms": ["tấn"], "kind": "mass", "factor": 0}, "factor must be positive"),
    ({"forms": [], "kind": "mass"}, "at least 1"),
])
def test_unit_table_entries_are_validated(entry: dict[str, Any], message: str) -> None:
    from pydantic import ValidationError

    from vnfigures.extractors.lexicon import UnitEntry

    with pytest.raises(ValidationError, match=message):
        UnitEntry.model_validate(entry)
