"""Modality by cue scope (ANNOTATION.md §7): real sentences, the expected modality of each figure.

Rows name their source: a file of ../shared/corpus (raw/text, the gold where annotated), or §7
itself and the issue's families (#11) for the short rows. `T` target, `A` actual, in reading order.
"""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from vnfigures.extractors.clauses import opens_region, regions, scope_end
from vnfigures.extractors.figures import extract_figures
from vnfigures.extractors.modality_cues import ModalityCues, modality_cues

# A forecast or plan cue that opens the sentence (its quote, or a list after `:`) governs every
# figure of it, across `;`; a forecast opener also governs the next sentence of its paragraph.
OPENING = [
    ("tuoitre_201", "Dự báo trong quý 4-2024, các ngành tăng tuyển dụng là sản xuất giường, tủ, bàn ghế "
     "(tăng 4,5%), sản xuất sản phẩm từ cao su - plastic (tăng 3,6%), sản xuất và chế biến thực phẩm (tăng 2,4%).",
     "TTT"),
    ("vietnamnet_201", "Dự báo do ảnh hưởng của hoàn lưu áp thấp nhiệt đới, bão trên đất liền tính từ sáng nay "
     "19/9 đến ngày 21/9 có mưa to, mưa rất to và rải rác có dông. Tổng lượng mưa cả đợt phổ biến 200-300 mm, "
     "có nơi trên 500 mm.", "TT"),
    ("nhandan_202", "Trong nửa cuối nhiệm kỳ giai đoạn 2015-2020, Ba Vì phấn đấu tốc độ tăng trưởng kinh tế "
     "bình quân 5 năm đạt từ 10,5 đến 11%; cơ cấu kinh tế đến năm 2020: dịch vụ, du lịch chiếm tỷ trọng 55%; "
     "nông, lâm nghiệp, thủy sản chiếm 24%; công nghiệp và xây dựng chiếm 21%.", "TTTT"),
    ("nhandan_202", "“Phấn đấu năm 2020, tổng giá trị tăng thêm nhóm ngành dịch vụ - du lịch đạt 8.720 tỷ đồng, "
     "tốc độ tăng trưởng bình quân 11,4%, trong đó tổng lượng khách du lịch đến thăm Ba Vì đạt từ 3,5 đến "
     "4 triệu lượt khách, doanh thu từ 480 đến 500 tỷ đồng, tạo thêm nguồn lực quan trọng để huyện phát triển "
     "nhanh hơn”, ông Bạch Công Tiến cho biết.", "TTTT"),
    ("vietnamnet_202", "Từ chiều tối và đêm nay đến đêm mai, khu vực Thanh Hóa, Nghệ An có mưa to và rải rác có "
     "giông, cục bộ có nơi mưa rất to với lượng mưa 100-200mm, cục bộ có nơi trên 300mm.", "TT"),
    ("vietnamnet_203", "Đỉnh triều cao nhất tại trạm Cần Thơ trên sông Hậu trong đợt triều cường này có khả năng "
     "lên mức: 2,00 - 2,10m, cao hơn mức báo động 3: 0,00 - 0,10m.", "TT"),
    ("vietnamnet_203", "Về đỉnh lũ năm 2024 được nhận định ở mức cao hơn năm 2023 khoảng 0,1 - 0,4m.", "T"),
    ("tuoitre_204", "Trong năm 2025, Sở Giáo dục và Đào tạo Thanh Hóa phối hợp với Sở Nội vụ sẽ tham mưu cho "
     "UBND tỉnh tiếp tục giao 6.507 chỉ tiêu lao động hợp đồng làm giáo viên.", "T"),
    ("§7", "Theo kế hoạch, năm nay huyện xây 50 nhà; đến nay đã xây 20 nhà.", "TA"),
    # the hours ahead of a forecast (H/vietnamnet_1); a story's `ngày tiếp theo` is no cue
    ("H/vietnamnet_1", "Trong 24-48 giờ tiếp theo, vùng gió mạnh của bão mở rộng đến vùng biển từ Quảng Bình đến "
     "Quảng Ngãi, sóng biển cao từ 2-3m, vùng gần tâm bão từ 3-5m.", "TT"),
    ("#11", "Ngày tiếp theo, đoàn đã trao 50 suất quà cho bà con.", "A"),
    ("§7", "Dự kiến trong năm tới, tỉnh xây 30 căn nhà, nhưng hiện nay mới có 10 căn nhà được khởi công.", "TA"),
    # a forecast opening its sentence governs it past `nhưng`, `nên`; a fact cue still ends it (#11)
    ("#11", "Dự báo đêm nay, Bắc Bộ có mưa, nhưng lượng mưa chỉ 20-50mm.", "T"),
    ("#11", "Dự báo đêm nay mưa 50mm, nhưng hôm qua đã có nơi mưa 200 mm.", "TA"),
]

# A plan cue must not leak onto what already exists or was done: its scope ends at `;` and at a
# fact cue; a plan reached or kept, a cue inside a name, `có thể nói` are no cues.
NO_LEAK = [
    ("vtc_201", "Dự án cao tốc Bắc - Nam phía đông đã hoàn thành 9/11 dự án thành phần giai đoạn 2017 - 2020 "
     "và dự án Mỹ Thuận - Cần Thơ theo đúng kế hoạch, nâng tổng số đường cao tốc lên 1.892km, trong đó riêng "
     "năm 2023 là 475km; 2 dự án còn lại đầu tư theo hình thức hợp đồng BOT, các chủ đầu tư, nhà thầu đang "
     "tích cực triển khai để hoàn thành theo đúng chỉ đạo của Thủ tướng.", "AAAAA"),
    ("vtc_201", "Gói thầu Nhà ga hành khách T3 Cảng hàng không quốc tế Tân Sơn Nhất được ACV triển khai thi công, "
     "bám sát tiến độ đề ra, đến nay giải ngân đạt 2.477/10.825 tỷ đồng (23%)…", "AAA"),
    ("vtc_201", "Đánh giá 2023 có thể nói là một năm thành công về phát triển hạ tầng - 1 trong 3 đột phá chiến "
     "lược, Thủ tướng biểu dương các địa phương.", "AA"),  # `1 trong 3`: both counts are figures (gold)
    ("vietnamvn_201", "Ông Lê Đình Quyết, Trưởng phòng dự báo khí tượng Đài khí tượng thủy văn Nam Bộ, cho biết "
     "so với cùng thời điểm của hai đợt El Nino hoạt động mạnh gần đây (tháng 2 năm 2016 và 2020), năm nay "
     "cường độ nắng mạnh hơn.", "A"),
    ("vietnamnet_203", "Mực nước cao nhất sáng 19/9, tại các trạm trên sông Hậu đã vượt mức báo động 2, cụ thể "
     "tại trạm thủy văn Cần Thơ trên sông Hậu đạt 1,93m vượt báo động 2 là 0,03m.", "AA"),
    ("vietnamnet_202", "Có 73 xã ở miền Trung và Tây Nguyên đang được cảnh báo lũ quét, sạt lở đất.", "A"),
    ("§7", "Hiện có 500 hộ nằm trong vùng có nguy cơ sạt lở.", "A"),
    ("#11", "Dự án dự kiến triển khai tại 12 xã, hỗ trợ 500 hộ.", "AT"),
    ("§7", "Tỉnh đã phân bổ 50 tỷ đồng cho chương trình.", "A"),
    ("#11", "Huyện đã hoàn thành mục tiêu đưa tỷ lệ hộ nghèo xuống còn 3,1%.", "A"),
    ("#11", "Huyện phấn đấu hoàn thành mục tiêu đưa tỷ lệ hộ nghèo xuống còn 3,1%.", "T"),
    ("#11", "Đến nay, huyện mới đạt 40% kế hoạch.", "A"),
    # a plan reached or exceeded with its modifiers and tail is no cue; a pledge to reach it keeps its own
    ("#11", "Năm 2024, huyện hoàn thành vượt mức các chỉ tiêu kế hoạch đề ra, thu ngân sách đạt 120 tỷ đồng.", "A"),
    ("#11", "Năm 2025, huyện phấn đấu hoàn thành vượt mức các chỉ tiêu kế hoạch đề ra, thu ngân sách đạt 120 tỷ "
     "đồng.", "T"),
    ("#11", "Huyện hoàn thành và vượt mục tiêu đề ra với 500 hộ thoát nghèo.", "A"),
    ("#11", "Thu ngân sách đạt 120 tỷ đồng, vượt dự toán 20%.", "AA"),
    ("#11", "Năm 2023, mục tiêu đặt ra là 500 hộ, kết quả đạt 520 hộ.", "TA"),
    # a plan noun after `theo` inside a clause is a reference, no plan of the sentence (dantri_13);
    # `theo kế hoạch` opening the sentence or a clause is a cue
    ("dantri_13", "Tuy nhiên khi hạ cánh xuống sân bay Tân Sơn Nhất, chỉ có 3 hành khách đồng ý đi theo cam kết "
     "(1 người Mỹ, 1 người Hàn Quốc, 1 người Việt Nam) những người còn lại có dấu hiệu lôi kéo nhau.", "AAAA"),
    ("#11", "Năm 2023, tỉnh đã xây 500 căn nhà theo kế hoạch, vượt 20 căn.", "AA"),
    ("#11", "Năm 2025, theo kế hoạch, tỉnh xây 9 cầu.", "T"),
    # a relative clause right after a count of places describes them, not the plan's output (#11)
    ("#11", "Đề án được triển khai tại 12 xã có tổng diện tích 5.000 ha, hỗ trợ 500 hộ.", "AAT"),
    ("#11", "Dự án sẽ triển khai tại 8 xã với 3.000 hộ nghèo, hỗ trợ 1.200 hộ.", "AAT"),
    ("#11", "Tỉnh sẽ hỗ trợ cho 12 xã có 300 hộ.", "TT"),
    # the area a plan is carried out over exists; the land of what is built is the plan's output (#11)
    ("#11", "Chương trình sẽ được thực hiện từ nay đến năm 2020, trên diện tích hơn 22.000 ha.", "A"),
    ("#11", "Dự án dự kiến triển khai tại xã A với diện tích 500 ha, hỗ trợ 300 hộ, tổng vốn 50 tỷ đồng.", "ATT"),
    ("#11", "Theo kế hoạch, tỉnh sẽ xây dựng khu đô thị với diện tích 500 ha, tổng vốn 5.000 tỷ đồng.", "TT"),
    # what a plan sells exists: its size is a fact, how many it sells the plan's output (thanhnien_1, fresh learn)
    ("thanhnien_1", "Chủ tịch UBND TP.Đà Nẵng đã kết luận sẽ bán một số căn hộ chung cư ở Q.Sơn Trà có diện tích "
     "từ 50 - 55m2 cho cán bộ, công chức.", "A"),
    ("#11", "Thành phố sẽ bán 351 căn hộ có diện tích 60 m2.", "TA"),
    ("#11", "Xã sẽ nuôi tôm bán thâm canh với diện tích 50 ha.", "T"),
    ("#11", "Thành phố sẽ xây 300 căn hộ có diện tích 50 m2 để bán.", "TT"),
    # a cue the qualifier took into the figure's span still governs it (#11)
    ("#11", "Giá bán dự kiến khoảng 15 triệu đồng/m2.", "T"),
    ("#11", "Nguồn vốn dự kiến khoảng 1.000 tỷ đồng.", "T"),
    # `tính ra` states a computed fact, a price in force after an ability (dantri_4, dantri_2); what a price buys
    # now (`có thể mua được một kg` in a sentence naming the price) is a price in force too, no possibility (§7)
    ("dantri_4", "Giá chỉ với 10.000 - 20.000 đồng, người tiêu dùng có thể mua được một kg dưa hấu, tính ra một "
     "quả dưa giá chỉ có giá từ 40.000 - 100.000 đồng tùy trọng lượng.", "AAA"),
    ("#11", "Chỉ với 50.000 đồng, khách có thể mua được 3 kg vải thiều.", "AA"),
    ("#11", "Nếu giá giảm còn 10.000 đồng, người dân có thể mua được 2 kg.", "TT"),
    ("#11", "Người dân có thể mua được 2 tấn gạo trong tuần tới.", "T"),
    # a sum worked out from a sale already made (dantri_2: FLC `đã bán ra 1,24 triệu cổ phiếu` the sentence
    # before) computes a past fact: `có thể` after `Tính ra,` hedges the computation, it forecasts no output
    # (§7: estimates of future output are targets, a computation of a present fact is not); a condition keeps it
    ("dantri_2", "Tính ra, FLC có thể thu về ít nhất là 230 tỷ đồng.", "A"),
    ("#11", "Tính ra, nếu giá lên 50.000 đồng, mỗi hộ có thể thu về 300 triệu đồng.", "TT"),
    ("#11", "Tạm tính theo mức giá này, nhà đầu tư có thể lãi khoảng 20 tỷ đồng.", "A"),
    ("#11", "Theo ông A, giá có thể tăng 10% trong tháng tới.", "T"),
]

# Plans' outputs, proposals, conditions and possibilities are targets; rules in force, habits,
# capacities and prices in force stay actual even with `sẽ`, `nếu`, `có thể`.
PLANS_AND_RULES = [
    # the content of a rule or price table just issued, after `Theo đó,`, is in force whatever `sẽ` it holds
    # (nhaphodep_1, fresh learn); a plan issued or approved and a rule still to be issued keep their targets
    ("nhaphodep_1", "UBND thành phố Hà Nội vừa ban hành bảng đơn giá xây dựng mới nhà ở, nhà tạm, vật kiến trúc. "
     "Theo đó, đơn giá xây dựng nhà cấp 4 sẽ từ hơn 1,76 triệu đến trên 5,16 triệu đồng/m2; nhà cấp 3 có đơn giá "
     "từ trên 5,3 triệu đến trên 6,1 triệu đồng/m2.", "AAAA"),
    ("#11", "Chính phủ vừa ban hành Nghị định 73/2024. Theo đó, từ ngày 1/7/2024, mức lương cơ sở sẽ là 2,34 "
     "triệu đồng/tháng.", "A"),
    ("#11", "UBND thành phố sẽ ban hành bảng đơn giá mới. Theo đó, đơn giá xây dựng nhà cấp 4 sẽ từ 2 triệu "
     "đồng/m2.", "T"),
    ("#11", "Tỉnh vừa ban hành kế hoạch hỗ trợ hộ nghèo. Theo đó, tỉnh sẽ hỗ trợ 500 hộ.", "T"),
    ("#11", "Dự án đã được phê duyệt. Theo đó, tỉnh sẽ xây 500 nhà.", "T"),
    # a purpose of reaching names a goal (baobaclieu_1, fresh learn); an order addressed to a counted group is
    # an order (vnexpress_2, fresh learn), a thing required stays no cue
    ("baobaclieu_1", "Theo ông Lâm Anh Tuấn, Chủ tịch UBND xã Hưng Hội: “Để hoàn thành 19/19 tiêu chí XDNTM trong "
     "năm 2018, nguồn kinh phí thực hiện còn rất lớn”.", "TT"),
    ("#11", "Để hoàn thành công trình, xã đã chi 500 triệu đồng.", "A"),
    ("vnexpress_2", "Riêng Khánh Hòa và Phú Yên, hai tỉnh được dự báo nằm trong tâm bão đã sơ tán hơn 10.000 người "
     "ở vùng nguy hiểm và yêu cầu 12.000 người trên các lồng bè vào bờ.", "AAT"),
    ("vietnamnet_201", "Để ứng phó với bão số 4, tỉnh Thừa Thiên Huế đã lên phương án di dời hơn 16.000 hộ dân "
     "với hơn 52.000 nhân khẩu đến nơi an toàn.", "TT"),
    ("baomoi_41", "Để sớm có điều kiện khắc phục sạt lở trước mắt, cũng như đầu tư xây dựng mới mang tính lâu dài, "
     "UBND tỉnh Bạc Liêu đã đề xuất với Đoàn công tác và các Bộ, ngành có liên quan hỗ trợ kinh phí cho Bạc "
     "Liêu với mức hỗ trợ là 340 tỷ đồng.", "T"),
    ("baomoi_61", "Với mức giá 18.000-20.000 đồng/kg, người chăn nuôi phải chịu thua lỗ nặng, mỗi con lợn có thể "
     "lỗ từ 1-1,5 triệu đồng.", "AT"),
    ("dantri_24", "Đáng chú ý, theo Nghị định 91/2020, nếu gọi điện thoại quảng cáo trước 8 giờ sáng và sau 17 "
     "mỗi ngày mà không có thỏa thuận khác với người sử dụng sẽ bị phạt tiền từ 20 đến 30 triệu đồng.", "A"),
    ("dantri_26", "Với hộ nghèo và cận nghèo, không có khả năng cất trữ hành thì chúng tôi vận động cán bộ, công "
     "chức, viên chức trong thị xã mua ủng hộ bà con mỗi người 10 kg với giá 15.000 đồng/kg.", "AA"),
    # a campaign going on (`tiếp tục vận động`, `vận động tiếp`, `đang vận động`) asks what is not done yet: a
    # target, its price a rate in force; a bare `vận động` reports a campaign's results (baomoi_23, held out),
    # and what it obtained (`vận động được`) is a fact
    ("dantri_33", "Trong 5 năm qua, toàn tỉnh đã vận động được trên 192 tỷ đồng.", "A"),
    ("#11", "Năm 2016, Hội đã tích cực vận động hội viên hiến 401 cây dừa.", "A"),
    ("#11", "Hội tiếp tục vận động mỗi hội viên tiết kiệm 1.000 đồng/ngày, góp 2 ngày công.", "AT"),
    ("#11", "Xã đang vận động 50 hộ di dời khỏi vùng sạt lở.", "T"),
    ("#11", "Năm 2016, Hội đã vận động tiếp 50 hộ di dời khỏi vùng sạt lở.", "A"),
    ("#11", "Bộ Tài chính đề xuất nâng mức phạt lên 10%.", "T"),
    ("#11", "Theo dự thảo nghị định, mức phạt sẽ từ 5 đến 10 triệu đồng.", "T"),
    ("§7", "Nếu vỡ đê, 2.000 ha lúa sẽ bị ngập.", "T"),
    ("#11", "Nhà văn hóa mới có thể chứa 500 người.", "A"),
    ("#11", "Trạm bơm có khả năng tưới cho 500 ha.", "A"),
    ("#11", "Nhà máy có thể xử lý 500 tấn rác mỗi ngày.", "A"),
    ("#11", "Nếu được đầu tư, nhà máy có thể xử lý 500 tấn rác mỗi ngày.", "T"),
    ("#11", "Với giá hiện nay, anh ước tính thu về khoảng 300 triệu đồng.", "T"),
    ("#11", "Mỗi năm, mỗi sào sẽ cho khoảng 2 tạ lúa.", "A"),
    ("#11", "Mỗi lượt đăng ký sẽ được tặng 2 phần quà.", "A"),
    ("#11", "Gia đình ước thu về khoảng 60 tấn.", "T"),
    ("§7", "Tỉnh dự kiến xây hồ chứa để bảo đảm nước tưới cho khoảng 500 ha.", "A"),
    ("§7", "Thành phố cần đến 9.000 tỷ đồng để giải tỏa.", "T"),
    ("§7", "UBND tỉnh phê duyệt dự án với tổng vốn 500 tỷ đồng.", "A"),
    ("§7", "Theo chương trình, mỗi hộ sẽ được vay tối đa 100 triệu đồng.", "A"),
    ("§7", "Chủ tịch tỉnh chỉ đạo thủy điện mở thêm 1 cửa xả.", "T"),
    # only noun cues take part in a name: `Ban Chỉ đạo`, but `phòng sẽ tăng` (the room will cost more)
    ("#11", "Chủ nhà báo phòng sẽ tăng lên 5 triệu đồng.", "T"),
    ("#11", "Bộ sẽ hỗ trợ 50 tỷ đồng.", "T"),
    # a budget foreseen, a scenario, a plan's horizon are targets; a requirement in force is a fact
    ("#11", "Kinh phí dự trù khoảng 50 tỷ đồng.", "T"),
    ("#11", "Theo kịch bản cao, GDP tăng 8%.", "T"),
    ("#11", "Đến năm 2035, tỉnh có 20 khu công nghiệp.", "T"),
    ("#11", "Trong giai đoạn tới, tỉnh đầu tư 500 tỷ đồng cho giao thông.", "T"),
    ("dantri_14", "Sau khi xây dựng cải tạo xong có khu chung cư yêu cầu hệ số 1.5, cao nhất là 2.8.", "A"),
    ("vnexpress_1", "Bộ Năng lượng yêu cầu các công ty kinh doanh dầu tăng tỷ lệ dự trữ bắt buộc từ 1% lên 3%.",
     "AT"),
    ("test_figures", "Ban chỉ đạo phân công 1 đồng chí Phó Giám đốc", "A"),
    # a sufficient condition of a rule in force (`chỉ cần`: it only takes) is no need (nhandan_203)
    ("nhandan_203", "Thay vào đó, thương nhân chỉ cần có ít nhất một kho chuyên dùng để chứa thóc, gạo.", "A"),
    ("#11", "Tỉnh cần có 500 tỷ đồng để làm đường.", "T"),
    # `vừa` meaning moderate is no fact cue: the forecast opener keeps every measurement (#11)
    ("#11", "Dự báo đêm nay, khu vực Bắc Bộ có mưa vừa, mưa to với lượng mưa 40-90 mm, có nơi trên 150 mm.", "TT"),
    ("#11", "Doanh nghiệp nhỏ và vừa sẽ được vay 2 tỷ đồng.", "T"),
    # a part of the planned whole already done: `, trong đó 120 hộ đã …` (#11)
    ("#11", "Dự kiến, đến cuối năm, toàn huyện sẽ có 300 hộ thoát nghèo, trong đó 120 hộ đã đăng ký.", "TA"),
    ("#11", "Theo kế hoạch, tỉnh xây 500 nhà, hiện 200 nhà đã hoàn thành.", "TA"),
    ("#11", "Phấn đấu đến năm 2025, 100% hộ dân đã có nước sạch.", "T"),
    # a `sẽ` wrongly believed plans nothing (baomoi_6); `tưởng tượng` (imagine) is no belief
    ("baomoi_6", "Nhiều hộ tưởng mình sẽ được mua hàng giá rẻ, đi vay mượn để mua nồi áp suất giá trên 1,7 "
     "triệu đồng nhưng thực chất giá chỉ có 300.000 đồng.", "AA"),
    ("#11", "Tưởng tượng sẽ có 500 người đến.", "T"),
    # a work described as it will be once done is the plan's output (#11)
    ("#11", "Khi hoàn thành, nhà máy có công suất 500 tấn/ngày.", "T"),
    ("#11", "Công trình được khởi công năm 2020, khi hoàn thành cung cấp nước cho 300 ha.", "T"),
    ("#11", "Sau khi hoàn thành, công trình đã phục vụ 500 hộ dân.", "A"),
    # a lower-case cue after `Sở`, `Bộ` is the verb, not part of a name (proposals, #11)
    ("#11", "Sở kiến nghị bổ sung 50 tỷ đồng cho dự án.", "T"),
    ("#11", "Ông Nguyễn Văn A, Phó Giám đốc Sở Kế hoạch và Đầu tư, cho biết tỉnh có 300 dự án.", "A"),
    # what exists stays actual inside a plan's sentence: a natural area, `hiện có`, `đang có` (#11)
    ("#11", "Theo kế hoạch, dự án được triển khai tại 12 xã có tổng diện tích tự nhiên 25.000 ha, hỗ trợ 500 hộ.",
     "AAT"),
    ("#11", "Dự kiến, vùng nguyên liệu rộng 300 ha, hiện có 120 hộ tham gia.", "TA"),
    ("#11", "Trong năm 2025, huyện sẽ xây 20 cầu cho 8 xã đang có 3.000 hộ bị chia cắt.", "TTA"),
    ("#11", "Dự kiến sẽ di dời 200 hộ ra khỏi khu vực sạt lở, vốn có 1.000 hộ sinh sống.", "TA"),
    ("#11", "Theo kế hoạch, dự án hỗ trợ 200 hộ, được chọn trong số 500 hộ nghèo của xã.", "TA"),
    ("#11", "Dự kiến, trong số 500 hộ, 200 hộ sẽ được hỗ trợ.", "AT"),
    # a bare land unit's size in a bracket defines it (dantri_29); after a count it restates the amount
    ("dantri_29", "Bình quân năng suất dưa hấu vụ này phải đạt trên 2 tấn/sào (500m2).", "TA"),
    ("#11", "Dự kiến năm nay gia đình trồng 5 sào (khoảng 2.500 m2).", "TT"),
    # a fact cue after a figure in a clause of its own after `;` (#11)
    ("#11", "Theo phương án, 200 hộ dân sẽ được di dời; 50 hộ đã di dời xong.", "TA"),
    # the terms of a scheme are targets; the results of a plan carried out are facts (#11)
    ("#11", "Đề án hỗ trợ 40 triệu đồng/căn, trong đó cho vay 25 triệu đồng.", "TT"),
    ("#11", "Qua 5 năm triển khai đề án, 1.200 hộ thoát nghèo, 300 hộ có nhà mới.", "AA"),
    ("#11", "Sau 3 năm thực hiện kế hoạch, huyện hỗ trợ 500 hộ.", "A"),
    # `có thể tích` is "has a volume of", no possibility
    ("#11", "Hồ có thể tích 2 triệu m3.", "A"),
    # an ellipsis that trails off a list inside the sentence ends no scope (baomoi_42)
    ("baomoi_42", "Hiện tỉnh rất cần sự hỗ trợ kinh phí từ Trung ương để có thể thực hiện dự án xây dựng kè tạo "
     "bãi, trồng rừng phòng chống sạt lở bờ biển… với tổng mức đầu tư khoảng 1.300 tỷ đồng.", "T"),
    # sites after a place preposition are where an order happens, not its output (baomoi_47)
    ("baomoi_47", "Sở đã chỉ đạo các nhà thầu hướng dẫn giao thông, cắm biển cảnh báo tạm thời tại 2 điểm sạt lở "
     "lớn tại xã Lùng Sui, dự kiến cuối ngày 12/7 mới thông đường.", "A"),
    ("#11", "Tỉnh sẽ hỗ trợ 5 điểm sạt lở.", "T"),
    # a crop's state and a directive named as a document plan nothing (baomoi_48, baomoi_7)
    ("baomoi_48", "Mưa trái mùa khiến hàng trăm ha lúa sắp thu đổ ngã từ 15 - 30%, ảnh hưởng đến tiến độ thu hoạch.",
     "A"),
    ("baomoi_7", "Sau khi Tỉnh ủy ban hành công văn chỉ đạo, Chi nhánh triển khai tới 11.189 chi bộ.", "A"),
    # a photo credit glued before a sentence: the capitalised cue after it opens the sentence (baomoi_64)
    ("baomoi_64", "Ảnh: Cao Cường Kế hoạch của TP trong giai đoạn 2016 - 2020 là cần đầu tư xây dựng thêm 39 dự án "
     "NƠXH với quy mô 44.700 căn trên tổng diện tích 140ha, trong đó, hoàn thành 30 nghìn căn.", "TTTT"),
    # `Trường hợp …,` opening a sentence sets a condition; counted cases plan nothing (#11)
    ("#11", "Trường hợp mưa lớn kéo dài, hơn 1.000 hộ dân phải sơ tán.", "T"),
    ("#11", "Có 2 trường hợp tử vong, 5 người bị thương.", "AA"),
    ("#11", "Theo quy định, trường hợp vi phạm sẽ bị phạt 5 triệu đồng.", "A"),
    # an introductory phrase before the condition leaves it opening; a named case or a rule's own case is none
    ("#11", "Theo đó, trường hợp mưa lớn kéo dài, hơn 1.000 hộ dân phải sơ tán.", "T"),
    ("#11", "Đồng thời, khi xảy ra vỡ đập, khoảng 3.000 hộ dân bị ảnh hưởng.", "T"),
    # a condition on a hazard that may come (`Khi có lũ lớn,`) opening its sentence; one dated in its own
    # clause is a past event; `khi có mặt` names no hazard (#11)
    ("#11", "Khi có lũ lớn, nước ngập sâu 1-2 m, khoảng 300 hộ phải sơ tán.", "TT"),
    ("#11", "Theo ông A, mỗi khi có bão, 300 hộ phải sơ tán.", "T"),
    ("#11", "Khi có lũ lớn năm 2020, 500 nhà bị ngập.", "A"),
    ("#11", "Khi có mưa lớn vừa qua, 20 hộ bị ngập.", "A"),
    ("#11", "Khi có mặt tại hiện trường, chúng tôi thấy 3 căn nhà bị sập.", "A"),
    ("#11", "Theo thống kê, 2 trường hợp tử vong, 5 người bị thương.", "AA"),
    ("#11", "Năm 2023, trường hợp của ông A được hỗ trợ 20 triệu đồng.", "A"),
    ("#11", "Tỉnh hỗ trợ 5 triệu đồng/hộ, trường hợp nhà bị sập hoàn toàn được hỗ trợ 40 triệu đồng.", "AA"),
    # a clause opening with an earlier year than the plan's reports that year's facts (#11)
    ("#11", "Tỉnh phấn đấu năm 2025 thu ngân sách đạt 20.000 tỷ đồng, năm 2024 thu được 18.000 tỷ đồng.", "TA"),
    ("#11", "Mục tiêu đến năm 2025 có 95% dân số tham gia bảo hiểm y tế, năm 2023 đạt 92%.", "TA"),
    ("#11", "Phấn đấu năm 2025 đạt 100 tỷ đồng, năm 2026 đạt 120 tỷ đồng.", "TT"),
    # an intention (`tính` + a verb of acting) is a plan (vnexpress_201)
    ("vnexpress_201", "Ban đầu, anh tính thuê quanh khu vực Cầu Giấy để tiện đi làm, ngân sách khoảng 8-9 triệu "
     "đồng mỗi tháng.", "T"),
    ("#11", "Tính đến nay, huyện có 300 hộ thoát nghèo.", "A"),
    # a count already registered is a fact
    ("#11", "Mỗi hộ tham gia sẽ được hỗ trợ 5 triệu đồng, số hộ đã đăng ký là 200.", "AA"),
    # a venue's seats are its capacity, a fact (§7)
    ("#11", "Sân vận động có sức chứa 40.000 chỗ ngồi.", "A"),
    # a time already elapsed since a start dates a past: what follows is a fact (dantri_22)
    ("dantri_22", "Tuy nhiên, sau khi đưa vào sử dụng khoảng 18 tháng, số ca bệnh được chỉ định phẫu thuật quá ít "
     "(32 ca, trong đó có 10 ca miễn phí), chi phí trung bình 85 triệu đồng mỗi ca.", "AAA"),
    ("#11", "Khi đưa vào sử dụng, nhà máy xử lý 500 tấn rác mỗi ngày.", "T"),
    # under a rule, `đăng ký` is a condition of the provision, no pledge (dantri_24)
    ("dantri_24", "Đáng chú ý, theo điều 32 của Nghị định này, các hình thức gọi điện thoại quảng cáo đến người "
     "sử dụng khi chưa được sự đồng ý một cách rõ ràng; gửi tin nhắn đăng ký quảng cáo khi người sử dụng đã từ "
     "chối hoặc không trả lời nhận tin nhắn đăng ký quảng cáo sẽ bị phạt tiền từ 5 đến 10 triệu đồng.", "A"),
    ("#11", "Xã vận động 200 hộ đăng ký thoát nghèo năm 2025.", "A"),
    # a penalty named as such is a rule's provision, a case the rule provides for too (dantri_24, dantri_13);
    # a case already named (`trường hợp này`) is neither, a proposal to raise a penalty stays a target
    ("dantri_24", "Kể từ ngày hôm nay (1/10), các hành vi gửi tin nhắn rác và gọi điện quảng cáo sai sự thật sẽ "
     "bị phạt nặng, với mức phạt tối đa có thể lên đến 100 triệu đồng.", "A"),
    ("dantri_13", "Đối với cách ly trả phí khuyến khích 1 người 1 phòng, đối với những trường hợp có quan hệ được "
     "chứng minh có mối quan hệ huyết thống và cam kết được ở chung một phòng thì sẽ xem xét giải quyết, tối đa "
     "2 người 1 phòng.", "AAAA"),
    ("#11", "Đối với trường hợp này, tỉnh cam kết hỗ trợ 50 triệu đồng.", "T"),
    ("#11", "Bộ Tài chính đề xuất nâng mức phạt lên 10 triệu đồng.", "T"),
    # a condition stated in a rule's terms in its own clause is the rule's case (nld_1); a rule named
    # after the condition leaves it a hypothesis (#11)
    ("nld_1", "Trường hợp cá nhân trực tiếp khai thuế đối với hoạt động cho thuê bất động sản thì cá nhân được "
     "lựa chọn khai thuế hai lần trong năm tính thuế hoặc khai thuế một lần theo năm tính thuế.", "A"),
    ("#11", "Nếu vi phạm quy định, doanh nghiệp sẽ bị phạt 50 triệu đồng.", "A"),
    ("#11", "Nếu được thông qua, luật mới sẽ nâng mức phạt lên 10 triệu đồng.", "T"),
    # a habit in the sentence's opening phrase governs the clause right after it, not past a further comma
    ("#11", "Hằng năm, huyện sẽ tổ chức 2 đợt tiêm phòng cho đàn gia súc.", "A"),
    ("#11", "Mỗi năm, cây sẽ cho khoảng 2 tạ quả.", "A"),
    ("#11", "Hằng năm, huyện hỗ trợ 100 hộ, năm nay sẽ hỗ trợ thêm 50 hộ.", "AT"),
    ("#11", "Năm nay, huyện đăng ký 50 hộ thoát nghèo.", "T"),
    # a requirement is a plan: what must be moved is its output (baomoi_42)
    # the structure of a plan or project is how it is made up, no output (dantri_6); a plan made and carried
    # out reports what was done, `sẽ lên kế hoạch` keeps `sẽ` (#11)
    ("dantri_6", "Phương án triển khai chia thành 11 dự án thành phần, trong đó có 6 dự án sử dụng toàn bộ vốn ngân "
     "sách Nhà nước và 5 dự án đầu tư theo phương thức PPP.", "AAA"),
    ("#11", "Theo kế hoạch, dự án được chia thành 3 giai đoạn, tổng vốn 500 tỷ đồng.", "TT"),
    ("#11", "Kế hoạch chia thành 3 đợt, đợt 1 hỗ trợ 100 hộ, đợt 2 hỗ trợ 200 hộ.", "TTT"),
    ("#11", "Đề án được chia thành 4 dự án thành phần.", "A"),
    ("#11", "Năm 2023, xã đã lên kế hoạch và xây dựng 20 căn nhà cho hộ nghèo.", "A"),
    ("#11", "Xã lên kế hoạch và triển khai hỗ trợ 300 hộ nghèo.", "A"),
    ("#11", "Xã sẽ lên kế hoạch và xây dựng 20 căn nhà.", "T"),
    ("#11", "Xã lên kế hoạch xây dựng 20 căn nhà.", "T"),
    ("#11", "Xã đang lên kế hoạch và triển khai hỗ trợ 300 hộ nghèo.", "T"),
    # a fact cue in a noun's modifier (`ngoài những hộ đã di dời,`) governs that modifier only (#11)
    ("#11", "Theo kế hoạch, ngoài những hộ đã di dời, xã vận động tiếp 8 hộ di dời trong tháng 9.", "T"),
    ("#11", "Dự kiến năm nay, ngoài các hộ đã nhận hỗ trợ, huyện hỗ trợ thêm 50 hộ.", "T"),
    ("#11", "Theo kế hoạch, ngoài 20 hộ đã di dời, xã vận động tiếp 8 hộ.", "AT"),
    ("#11", "Dự kiến năm nay, huyện hỗ trợ 50 hộ, các hộ đã nhận 30 triệu đồng.", "TA"),
    # `đã` reports its own clause; the campaign going on in the next one (`vận động tiếp`) asks the 8
    # households still to move (#11)
    ("#11", "Năm nay, xã đã di dời 20 hộ, vận động tiếp 8 hộ.", "AT"),
    ("#11", "Dự án dự kiến di dời 500 hộ; đến nay các hộ đã nhận tiền đền bù, tổng số 20 tỷ đồng.", "TA"),
    ("#11", "Dự kiến năm nay, tỉnh hỗ trợ cho các hộ vừa bị sập nhà, mỗi hộ 40 triệu đồng.", "T"),
    # a need stated by its subject governs its clause; a condition without `nếu` closed by `thì` (#11)
    ("#11", "Diện tích cần hỗ trợ là 500 ha, tương ứng 14.420kg lúa giống (hơn 2 tỉ đồng).", "TTT"),
    ("#11", "Kinh phí cần để khắc phục khoảng 50 tỷ đồng.", "T"),
    ("#11", "Đức tính cần cù giúp anh thu 200 triệu đồng mỗi năm.", "A"),
    ("#11", "Đáp ứng được điều này thì mỗi năm ngành điện phải đầu tư 10 tỷ USD.", "T"),
    ("#11", "Làm được như vậy thì thu nhập của người dân tăng 20%.", "T"),
    ("#11", "Năm ngoái thì thu nhập của người dân tăng 20%.", "A"),
    # `muốn` alone is no cue: a generic wanting states a rule in force (`mỗi người muốn mua hàng phải có tấm
    # phiếu`, baomoi_6) or a fact (`nhiều hộ không muốn di dời`); what is then needed keeps its own cue
    ("#11", "Muốn có 1 ha rừng thì cần 50 triệu đồng.", "AT"),
    ("#11", "Nhiều hộ không muốn di dời, 20 hộ vẫn ở lại vùng sạt lở.", "A"),
    # what is proposed after its noun phrase is a target; what was carried out is not (#11)
    ("#11", "Có 3 mô hình trồng rau an toàn được đề xuất thực hiện tại xã.", "T"),
    ("#11", "Năm 2024, 3 mô hình trồng rau an toàn đã được triển khai tại xã.", "A"),
    ("#11", "Khoảng 200 hộ dân vùng sạt lở được đề nghị hỗ trợ di dời.", "T"),
    # under a requirement, a contrasting clause with its own result is a fact (dantri_29); a plan keeps it
    ("dantri_29", "Bình quân năng suất dưa hấu vụ này phải đạt trên 2 tấn/sào (500m2), riêng gia đình tôi đạt 2,5 "
     "tấn/sào.", "TAA"),
    ("#11", "Năng suất lúa phải đạt 6 tấn/ha, còn ruộng nhà tôi đạt 7 tấn/ha.", "TA"),
    ("#11", "Theo kế hoạch, huyện xây 50 nhà, riêng xã A xây 20 nhà.", "TT"),
    ("#11", "Năng suất phải đạt 6 tấn/ha, riêng vùng cao phải đạt 4 tấn/ha.", "TT"),
    # `Khi xảy ra …,` opening a sentence sets a condition; a named incident or a mid-sentence `khi` dates a past
    ("#11", "Khi xảy ra vỡ đập, khoảng 3.000 hộ dân vùng hạ du bị ảnh hưởng.", "T"),
    ("#11", "Khi xảy ra vụ cháy, trong nhà có 5 người.", "A"),
    ("#11", "Anh bị thương khi xảy ra va chạm với 2 xe máy.", "A"),
    ("baomoi_42", "Bên cạnh đó, với yêu cầu phải di dời gần 4.800 hộ dân ở những nơi có nguy cơ thiên tai cao và "
     "cư dân bị ảnh hưởng do biến đổi khí hậu vùng ven sông, ven biển, UBND tỉnh Cà Mau cho biết, sẽ cần thêm "
     "nguồn đầu tư khoảng 1.400 tỷ đồng.", "TT"),
]

# A sentence with no cue of its own that repeats the change verb of the plan before it (`… sẽ tăng giá vé từ X lên Y.
# Xe từ 12 ghế … tăng từ X lên Y.`) lists the same announced change: its new values are targets, the old ones and
# the class it is for stay actual; a past marker, another verb or a change reported as done breaks it (#11)
CHANGE_CONTINUED = [
    ("dantri_36", "Cụ thể, phí dịch vụ với loại xe dưới 12 ghế ngồi, xe tải có tải trọng dưới 2 tấn, các xe buýt "
     "vận tải khách công cộng sẽ tăng giá vé từ 70.000 đồng/lượt lên 110.000 đồng/lượt. Xe từ 12 ghế đến 30 ghế, xe "
     "tải có tải trọng từ 2 tấn đến dưới 4 tấn tăng từ 90.000 đồng/lượt lên 160.000 đồng/lượt.", "AATAAAT"),
    ("dantri_36", "Xe dưới 12 ghế sẽ tăng giá vé từ 70.000 đồng/lượt lên 110.000 đồng/lượt. Xe từ 12 ghế đến 30 ghế "
     "tăng từ 90.000 đồng/lượt lên 160.000 đồng/lượt.\nXe từ 31 ghế ngồi trở lên tăng từ 140.000 đồng/lượt lên "
     "200.000 đồng/lượt.", "AATAATAAT"),
    ("dantri_35", "Ngày 27/9/2019, trạm đã điều chỉnh giá vé. Xe dưới 12 chỗ tăng từ 35.000 đồng/lượt lên 70.000 "
     "đồng/lượt.", "AA"),
    ("#11", "Từ năm sau, tỉnh sẽ nâng mức hỗ trợ từ 2 triệu đồng lên 3 triệu đồng. Giá điện giảm từ 2.000 đồng/kWh "
     "xuống 1.800 đồng/kWh.", "ATAA"),
    ("#11", "Năm tới, huyện sẽ tăng mức hỗ trợ từ 2 triệu đồng lên 3 triệu đồng. Năm ngoái đã tăng từ 1 triệu đồng "
     "lên 2 triệu đồng.", "ATAA"),
    ("#11", "Năm 2023, giá vé đã tăng từ 50.000 đồng lên 70.000 đồng. Xe tải tăng từ 90.000 đồng lên 120.000 đồng.",
     "AAAA"),
    # a sentence summing the listed change up with its verb continues it (dantri_36); after a change done it stays a fact
    ("dantri_36", "Xe từ 18 tấn trở lên sẽ tăng từ 240.000 đồng/lượt lên 280.000 đồng/lượt. Như vậy, mức phí tăng cao "
     "nhất đến 77%.", "AATT"),
    ("#11", "Năm 2023, giá vé đã tăng từ 50.000 đồng lên 70.000 đồng. Như vậy, giá vé tăng 40%.", "AAA"),
    # a sentence naming a time of its own states something else, often the past (#11)
    ("#11", "Dự kiến năm 2025, doanh thu tăng từ 10 tỷ đồng lên 15 tỷ đồng. Năm 2024, doanh thu tăng từ 8 tỷ đồng "
     "lên 10 tỷ đồng.", "ATAA"),
    ("#11", "Từ tháng 7, giá vé sẽ tăng từ 50.000 đồng lên 70.000 đồng. Tháng 1/2024, giá vé tăng từ 40.000 đồng "
     "lên 50.000 đồng.", "ATAA"),
    ("#11", "Từ tháng 7, giá vé sẽ tăng từ 50.000 đồng lên 70.000 đồng. Như vậy, số khách giảm 40%.", "ATA"),
    # `Trong đó,` breaks down the total before it: the parts of a planned total are planned (held-out
    # Báo Cần Thơ); the parts of a total reached stay facts, whatever cue ends its sentence (nhandan_202)
    ("#11", "Năm 2018, tỉnh có kế hoạch nuôi trồng thủy sản 68.600ha. Trong đó, tôm nước lợ 45.500ha.", "TT"),
    # the figure the subject of a future verb (held-out Nhân Dân); not a negated rule, nor a verb of
    # its own coordinated after the figure's
    ("#11", "Hơn 3.000m3 đất sẽ đổ xuống đường Quốc lộ 24 nếu mưa kéo dài.", "T"),
    ("dantri", "Theo cách tính của người bán gỗ, 1 cân gỗ sẽ không giống với cân thường.", "A"),
    ("dantri_36", "Xe dưới 12 ghế sẽ tăng giá vé.", "A"),
    # an abbreviation's dot (`TP. Huế`) ends no sentence: the opening forecast cue still governs (held-out
    # Báo Lâm Đồng)
    ("#11", "Theo dự báo, khu vực TP. Huế, TP. Đà Nẵng phổ biến từ 300 - 500mm, có nơi trên 750mm.", "TT"),
    # a recommendation says what should be done (held-out tepbac)
    ("#11", "Ngành chức năng khuyến cáo nông dân cần thay nước tầng đáy ao từ 10-20%.", "T"),
    # a rate per period that only `sẽ` governs is a habit (held-out thuysanvietnam); a plan's stays a target
    ("#11", "Đặc biệt, một số lồng cho năng suất cao, sẽ thu về khoảng 100 triệu đồng/năm.", "A"),
    ("#11", "Năm tới, tỉnh sẽ hỗ trợ 2 triệu đồng/tháng cho mỗi hộ.", "T"),
    ("baomoi_60", "Đơn vị đang phối hợp tổ chức thu mua 20 tấn bí đỏ và sẽ phân phối tại siêu thị.", "A"),
    ("#11", "Năm 2018, tỉnh đã nuôi trồng thủy sản 68.600ha. Trong đó, tôm nước lợ 45.500ha.", "AA"),
    # ... a cue later in the breakdown's own sentence does not stop that for the parts before it
    ("#11", "Năm 2018, tỉnh có kế hoạch nuôi trồng thủy sản 68.600ha. Trong đó, tôm nước lợ 45.500ha và nhắm "
     "tới mục tiêu đạt tổng sản lượng 239.330 tấn.", "TTT"),
    ("nhandan_202", "Giá trị dịch vụ đến năm 2017 đạt 6.452 tỷ đồng, đạt 74% mục tiêu giai đoạn 2015-2020. "
     "Trong đó, ngành du lịch tăng trưởng bình quân 10,2%/năm.", "AAA"),
]


def _modalities(text: str) -> str:
    return "".join("T" if f.modality.value == "target" else "A" for f in extract_figures(text))


@pytest.mark.parametrize(("source", "sentence", "expected"), OPENING + NO_LEAK + PLANS_AND_RULES + CHANGE_CONTINUED)
def test_modality_of_each_figure(source: str, sentence: str, expected: str) -> None:
    assert _modalities(sentence) == expected, source


@pytest.mark.parametrize(("text", "expected"), [
    # the forecast opener carries within its paragraph, not past a line break or a cue of its own
    ("Dự báo đêm nay có mưa to. Tổng lượng mưa phổ biến 200-300 mm.", "T"),
    ("Dự báo đêm nay có mưa to.\nTổng lượng mưa phổ biến 200-300 mm.", "A"),
    # `Cụ thể đến năm 2030,` opens a scheme's goals: the sentences after it, over the next paragraphs, with no
    # cue, year or date of their own, are more goals (G/kinhtedothi_1); a cue, a year or a heading ends them
    ("Cụ thể đến năm 2030, tốc độ tăng trưởng giá trị NTTS đạt trên 4%/năm.\nDiện tích NTTS đạt trên 990.000ha, "
     "trong đó, tôm nước lợ 720.000ha.\nSản lượng NTTS đạt trên 4,8 triệu tấn. Trong đó, cá tra khoảng 2 triệu tấn.\n"
     "Năm 2020, sản lượng đạt 4,5 triệu tấn.", "TTTTTA"),
    ("Cụ thể đến năm 2030, tốc độ tăng trưởng đạt trên 4%/năm.\nKết quả năm 2020\nSản lượng đạt 4,5 triệu tấn.", "TA"),
    ("Cụ thể, năm 2020 sản lượng đạt 4,5 triệu tấn.\nDiện tích nuôi đạt 990.000ha.", "AA"),
    # a plan cue later in the opening sentence opens no list of goals (dantri_6)
    ("Cụ thể, quy mô GDP của Việt Nam trong năm nay dự kiến đạt 340,6 tỷ USD.\nThông tin các dự án lớn cũng "
     "được cập nhật.\nGDP Việt Nam đạt hơn 340 tỷ USD, vượt Singapore.", "TA"),
    # ... unless the next paragraph opens by going on with it (`Còn ...`: tuoitre_201, whose paragraphs
    # a one-line scrape joined by two spaces)
    ("Dự báo trong quý 4-2024, các ngành tăng tuyển dụng là sản xuất giường, tủ, bàn ghế (tăng 4,5%).\nCòn một "
     "số ngành khác giảm tuyển dụng như sản xuất thiết bị điện (giảm 1,3%) hay nông lâm thủy sản (giảm 0,1%).", "TTT"),
    ("Trong quý 3-2024, các ngành tăng tuyển dụng là sản xuất giường, tủ, bàn ghế (tăng 4,5%).\nCòn một "
     "số ngành khác giảm tuyển dụng như sản xuất thiết bị điện (giảm 1,3%).", "AA"),
    ("Dự báo đêm nay có mưa to. Hôm qua đã có nơi mưa 200 mm.", "A"),
    # a plan cue in the middle of a sentence stops at `;`, one that opens it does not
    ("Tỉnh đã xây 9 cầu, theo kế hoạch còn 4 cầu; 2 cầu khác đang thi công.", "ATA"),
    ("Theo kế hoạch, tỉnh xây 9 cầu; 2 cầu khác đang thi công.", "TT"),
    # a list on its own lines after a plan or forecast line ending with `:` is its content; an item's
    # own cue decides for it, the list ends at the first line that is no item (#11)
    ("Dự báo thời tiết đêm nay và ngày mai:\n- Hà Nội: mưa 20-50mm.\n- Bắc Bộ: mưa 50-100mm, có nơi trên "
     "150mm.\nHôm qua, Hà Nội mưa 30mm.", "TTTA"),
    ("Theo kế hoạch, năm 2025 huyện thực hiện các chỉ tiêu sau:\n- Xây 50 căn nhà.\n- Hỗ trợ 100 hộ nghèo.\n"
     "- Năm 2024 đã xây 40 căn nhà.", "TTA"),
    ("Mục tiêu đến năm 2030:\n+ Tỷ lệ hộ nghèo dưới 2%;\n+ Thu nhập bình quân 100 triệu đồng/người/năm.", "TT"),
    ("Kết quả năm 2024:\n- Xây 50 căn nhà.\n- Hỗ trợ 100 hộ.", "AA"),
    # the contents of a programme not yet carried out (`Chương trình gồm:` after a plan) are its output,
    # on the same line or as item lines below; after a programme carried out they are facts (#11)
    ("Năm 2025, huyện sẽ triển khai chương trình hỗ trợ sinh kế. Chương trình gồm: hỗ trợ 300 con bò, 50 tấn "
     "phân bón.", "TT"),
    ("Năm 2024, huyện đã triển khai chương trình hỗ trợ sinh kế. Chương trình gồm: hỗ trợ 300 con bò, 50 tấn "
     "phân bón.", "AA"),
    ("Tỉnh dự kiến triển khai đề án giảm nghèo. Đề án bao gồm: xây 500 căn nhà, hỗ trợ 1.000 hộ.", "TT"),
    ("Năm 2025, huyện sẽ triển khai chương trình hỗ trợ sinh kế.\nChương trình gồm:\n- Hỗ trợ 300 con bò.\n"
     "- Cấp 50 tấn phân bón.", "TT"),
    ("Năm 2024, huyện đã triển khai chương trình hỗ trợ sinh kế.\nChương trình gồm:\n- Hỗ trợ 300 con bò.\n"
     "- Cấp 50 tấn phân bón.", "AA"),
    ("Năm 2025, huyện sẽ triển khai chương trình hỗ trợ sinh kế. Huyện hỗ trợ 300 con bò.", "A"),
    # a cue inside a quoted title or a bracket governs only inside it
    ("Chương trình “Mục tiêu giảm nghèo” hỗ trợ 300 hộ.", "A"),
])
def test_scopes(text: str, expected: str) -> None:
    assert _modalities(text) == expected


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("Dự kiến, tỉnh xây 9 cầu", "Dự kiến", True),
    ("Trong năm 2025, Sở sẽ giao 6.507 chỉ tiêu", "sẽ", True),
    ("Tỉnh đã xây 9 cầu, sẽ xây 4 cầu", "sẽ", False),
    ("Cơ cấu kinh tế đến năm 2020: dịch vụ 55%", "đến năm 2020", True),
])
def test_opens_region(text: str, cue: str, expected: bool) -> None:
    start = text.index(cue)
    assert opens_region(text, (0, len(text)), start, start + len(cue)) is expected


def test_regions_and_scope_end() -> None:
    text = 'Ông nói: “sẽ xây 5 cầu (và 2 cống)”, rồi "đi"'
    inner = regions(text, 0, len(text))
    assert [text[a:b] for a, b in inner] == ["sẽ xây 5 cầu (và 2 cống)", "và 2 cống", "đi"]
    cue = text.index("sẽ")
    assert text[cue:scope_end(text, 0, len(text), cue, cue + 2, opens=False)] == "sẽ xây 5 cầu (và 2 cống)"


def test_cue_table_is_validated() -> None:
    data = modality_cues().model_dump()
    data["fact_patterns"] = ["(unclosed"]
    with pytest.raises(ValidationError):
        ModalityCues.model_validate(data)
    with pytest.raises(ValidationError, match="does not compile"):
        ModalityCues.model_validate({**modality_cues().model_dump(), "list_item_pattern": "(unclosed"})
    with pytest.raises(ValidationError, match="does not compile"):
        ModalityCues.model_validate({**modality_cues().model_dump(), "not_cue_patterns": ["[unclosed"]})
    with pytest.raises(ValidationError, match="Extra inputs"):
        ModalityCues.model_validate({**modality_cues().model_dump(), "unknown_list": []})


# A result reached in a year its own sentence names after the publication year is a forecast (§7), known only
# when the publication year is (dantri_6: an IMF estimate for 2021 in an article of October 2020); a schedule
# (hanoimoi_201 gold: bonds due in 2025) and what a fact cue governs stay actual.
DATED = [
    ("dantri_6", "Theo đánh giá của IMF, tăng trưởng GDP của Việt Nam năm 2021 đạt 6,7%.", "2020-10-30", "T"),
    ("dantri_6", "Theo đánh giá của IMF, tăng trưởng GDP của Việt Nam năm 2021 đạt 6,7%.", None, "A"),
    ("#11", "Doanh thu năm 2025 của công ty đạt 500 tỷ đồng, năm 2024 đạt 420 tỷ đồng.", "2024-10-05", "TA"),
    ("hanoimoi_201", "Sang năm 2025, lượng trái phiếu đáo hạn khoảng 270.000 tỷ đồng.", "2024-11-20", "A"),
    ("#11", "Năm 2025, tỉnh đã phân bổ 50 tỷ đồng cho dự án.", "2024-10-05", "A"),
    ("#11", "Tăng trưởng GDP năm 2023 đạt 5,05%.", "2024-01-05", "A"),
    # a horizon already past at publication is a status as of then, a fact (held-out Bạc Liêu portal)
    ("#11", "Tính đến cuối năm 2015, tỉnh có 8 xã đạt 19 tiêu chí; 9 xã đạt 15-18 tiêu chí.", "2016-06-09", "AAAA"),
    ("#11", "Đến cuối năm 2015, tỉnh có 8 xã đạt chuẩn nông thôn mới.", "2016-06-09", "A"),
    ("#11", "Đến cuối năm 2017, tỉnh có 8 xã đạt chuẩn nông thôn mới.", "2016-06-09", "T"),
    ("#11", "Đến cuối năm 2015, tỉnh có 8 xã đạt chuẩn nông thôn mới.", None, "T"),
]


@pytest.mark.parametrize(("source", "text", "published", "expected"), DATED)
def test_result_dated_after_publication(source: str, text: str, published: str | None, expected: str) -> None:
    from vnfigures.extractors.locate import locate
    from vnfigures.extractors.modality_dated import dated_later
    from vnfigures.schemas import Article

    text = "Kinh tế\n" + text
    article = Article(id=source, text=text, figures=extract_figures(text), published=published)
    got = dated_later(locate(article)).figures
    assert "".join(f.modality.value[0].upper() for f in got) == expected, [(f.text, f.year) for f in got]
