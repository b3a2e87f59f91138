"""Phrase tables for scripts/gen_national.py: units, activities, duties and boilerplate.

Placeholders, filled per locality with str.format: {noi} "xã Thạch Hà" / "tỉnh Hà Tĩnh",
{ten} "Thạch Hà", {cap} "xã" / "phường" / "tỉnh", {tinh} "tỉnh Hà Tĩnh", {tinh_ten} "Hà Tĩnh",
{ubnd} "UBND xã Thạch Hà", {co_so} "thôn, tổ dân phố", {dau_moi} the coordinating unit,
{slug} / {pslug} the locality's / province's URL slug, {v} a target's figure.
"""

from __future__ import annotations

from typing import Final

# Unit roles: role -> (id template, name template, scope). Activities and duties use roles.
Unit = tuple[str, str, str]
COMMUNE_UNITS: Final[dict[str, Unit]] = {
    "ubnd": ("uy-ban-nhan-dan-{slug}", "Ủy ban nhân dân {noi}", "local"),
    "dau_moi": ("phong-van-hoa-xa-hoi", "Phòng Văn hóa - Xã hội", "local"),
    "van_phong": ("van-phong-hdnd-va-ubnd", "Văn phòng HĐND và UBND {cap}", "local"),
    "kinh_te": ("phong-kinh-te", "Phòng Kinh tế", "local"),
    "hcc": ("trung-tam-phuc-vu-hanh-chinh-cong", "Trung tâm Phục vụ hành chính công {cap}",
            "local"),
    "truyen_thong": ("trung-tam-dich-vu-tong-hop", "Trung tâm Dịch vụ tổng hợp {cap}", "local"),
    "cong_an": ("cong-an-{slug}", "Công an {noi}", "local"),
    "mttq": ("uy-ban-mat-tran-to-quoc-viet-nam", "Ủy ban Mặt trận Tổ quốc Việt Nam {cap}", "local"),
    "doan": ("doan-tncs-ho-chi-minh", "Đoàn TNCS Hồ Chí Minh {cap}", "local"),
    "phu_nu": ("hoi-lien-hiep-phu-nu", "Hội Liên hiệp Phụ nữ {cap}", "local"),
    "giao_duc": ("cac-truong-hoc", "Các trường học trên địa bàn {cap}", "local"),
    "y_te": ("tram-y-te-{slug}", "Trạm Y tế {noi}", "local"),
    "to_cnsc": ("to-cong-nghe-so-cong-dong", "Các Tổ Công nghệ số cộng đồng", "local"),
    "co_so": ("ban-nhan-dan-cac-{co_so_slug}", "Ban Nhân dân các {co_so}", "local"),
    "cac_don_vi": ("cac-co-quan-don-vi-thuoc-ubnd", "Các cơ quan, đơn vị thuộc UBND {cap}",
                   "local"),
    "so_khcn": ("so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ", "province"),
    "so_noi_vu": ("so-noi-vu", "Sở Nội vụ", "province"),
    "ubnd_tinh": ("uy-ban-nhan-dan-{pslug}", "Ủy ban nhân dân {tinh}", "province"),
    "vnpt": ("vien-thong-{pslug}", "Viễn thông {tinh_ten} (VNPT)", "other"),
    "viettel": ("viettel-{pslug}", "Viettel {tinh_ten}", "other"),
    "buu_dien": ("buu-dien-{pslug}", "Bưu điện {tinh}", "other"),
    "doanh_nghiep": ("cac-doanh-nghiep-ho-kinh-doanh", "Các doanh nghiệp, hộ kinh doanh trên "
                     "địa bàn {cap}", "other"),
}
PROVINCE_UNITS: Final[dict[str, Unit]] = {
    "ubnd": ("uy-ban-nhan-dan-{slug}", "Ủy ban nhân dân {noi}", "local"),
    "dau_moi": ("so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ", "local"),
    "van_phong": ("van-phong-ubnd-{slug}", "Văn phòng Ủy ban nhân dân {noi}", "local"),
    "kinh_te": ("so-cong-thuong", "Sở Công Thương", "local"),
    "tai_chinh": ("so-tai-chinh", "Sở Tài chính", "local"),
    "so_noi_vu": ("so-noi-vu", "Sở Nội vụ", "local"),
    "hcc": ("trung-tam-phuc-vu-hanh-chinh-cong-{slug}", "Trung tâm Phục vụ hành chính công "
            "{noi}", "local"),
    "truyen_thong": ("bao-va-phat-thanh-truyen-hinh-{slug}", "Báo và Phát thanh, Truyền hình "
                     "{ten}", "local"),
    "van_hoa": ("so-van-hoa-the-thao-va-du-lich", "Sở Văn hóa, Thể thao và Du lịch", "local"),
    "cong_an": ("cong-an-{slug}", "Công an {noi}", "local"),
    "mttq": ("uy-ban-mttq-viet-nam-{slug}", "Ủy ban Mặt trận Tổ quốc Việt Nam {noi}", "local"),
    "doan": ("doan-tncs-ho-chi-minh-{slug}", "Đoàn TNCS Hồ Chí Minh {noi}", "local"),
    "phu_nu": ("hoi-lien-hiep-phu-nu-{slug}", "Hội Liên hiệp Phụ nữ {noi}", "local"),
    "giao_duc": ("so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo", "local"),
    "y_te": ("so-y-te", "Sở Y tế", "local"),
    "to_cnsc": ("cac-to-cong-nghe-so-cong-dong", "Các Tổ Công nghệ số cộng đồng", "local"),
    "co_so": ("uy-ban-nhan-dan-cac-xa-phuong", "Ủy ban nhân dân các xã, phường", "local"),
    "cac_don_vi": ("cac-so-ban-nganh", "Các sở, ban, ngành {cap}", "local"),
    "bo_khcn": ("bo-khoa-hoc-va-cong-nghe", "Bộ Khoa học và Công nghệ", "national"),
    "vnpt": ("vien-thong-{slug}", "Viễn thông {ten} (VNPT)", "other"),
    "viettel": ("viettel-{slug}", "Viettel {ten}", "other"),
    "buu_dien": ("buu-dien-{slug}", "Bưu điện {noi}", "other"),
    "doanh_nghiep": ("hiep-hoi-doanh-nghiep-{slug}", "Hiệp hội Doanh nghiệp {noi}", "other"),
}
CORE_ROLES: Final = ("ubnd", "dau_moi", "hcc", "cong_an", "to_cnsc", "co_so", "cac_don_vi",
                     "truyen_thong", "vnpt")

# Activities: (id, title, descriptions, lead roles, partner roles, when kinds, extras).
Activity = tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...],
                 dict[str, tuple[str, ...]]]
ACTIVITIES: Final[tuple[Activity, ...]] = (
    ("thong-tin-tuyen-truyen",
     "Tổ chức thông tin, tuyên truyền về Ngày Chuyển đổi số quốc gia năm 2025 trên địa bàn {noi}",
     ("{dau_moi} chủ trì, phối hợp với các cơ quan, đơn vị và các {co_so} tổ chức thông tin, tuyên "
      "truyền với nhiều hình thức: cổ động trực quan, hệ thống truyền thanh, Trang thông tin điện "
      "tử {cap}, các trang mạng xã hội; lan tỏa chủ đề “{theme}” đến từng người dân.",
      "Đẩy mạnh tuyên truyền về vai trò, ý nghĩa, lợi ích của chuyển đổi số đối với người dân, "
      "doanh nghiệp {noi}; giới thiệu các mô hình, cách làm hay, sáng tạo trong chuyển đổi số gắn "
      "với vận hành mô hình chính quyền địa phương hai cấp."),
     ("dau_moi", "truyen_thong"), ("cac_don_vi", "co_so", "vnpt", "viettel"),
     ("peak_ongoing", "range"),
     {"Hình thức": ("- Treo băng rôn, khẩu hiệu tại trụ sở, nơi công cộng;\n- Phát trên hệ "
                    "thống truyền thanh cơ sở ít nhất 02 lần mỗi tuần;\n- Đăng tin, bài, video "
                    "ngắn trên Trang thông tin điện tử và mạng xã hội của {cap}.",)}),
    ("dich-vu-cong-truc-tuyen",
     "Tổ chức chuỗi hoạt động “Dịch vụ công trực tuyến” tại Bộ phận một cửa {cap}",
     ("Hướng dẫn công dân nộp hồ sơ trực tuyến tại Bộ phận tiếp nhận và trả kết quả, người dân "
      "chỉ nhập dữ liệu một lần; bố trí máy tính, máy quét và cán bộ hỗ trợ trực tiếp tại Bộ "
      "phận một cửa.",
      "Rà soát, tái cấu trúc quy trình, bảo đảm các thủ tục hành chính đủ điều kiện được cung "
      "cấp trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn/)."),
     ("hcc",), ("doan", "cong_an", "cac_don_vi"), ("range", "open"),
     {"targets": ("hs_truc_tuyen",), "resources": ("dichvucong-gov-vn", "vneid")}),
    ("di-tung-ngo-go-tung-nha",
     "Ra quân Chiến dịch “Đi từng ngõ, gõ từng nhà, hướng dẫn từng người dân kỹ năng số, sử "
     "dụng các dịch vụ số” tại các {co_so}",
     ("Các Tổ Công nghệ số cộng đồng đến từng hộ gia đình hướng dẫn cài đặt, sử dụng ứng dụng "
      "VNeID, dịch vụ công trực tuyến, thanh toán không dùng tiền mặt và sổ sức khỏe điện tử.",
      "Mỗi Tổ Công nghệ số cộng đồng phụ trách một địa bàn, lập danh sách hộ dân cần hỗ trợ, "
      "ưu tiên người cao tuổi, người khuyết tật, hộ nghèo, đồng bào vùng sâu, vùng xa."),
     ("to_cnsc", "co_so"), ("doan", "phu_nu", "vnpt", "viettel"), ("range", "peak_ongoing"),
     {"targets": ("ho_gia_dinh",), "resources": ("vneid",),
      "place": ("Tại các {co_so} trên địa bàn {noi}",)}),
    ("binh-dan-hoc-vu-so",
     "Đẩy mạnh phong trào “Bình dân học vụ số” trên địa bàn {noi}",
     ("Vận động cán bộ, công chức, viên chức, đoàn viên, hội viên và Nhân dân tham gia học tập "
      "kỹ năng số trên nền tảng Bình dân học vụ số quốc gia (https://binhdanhocvuso.gov.vn/).",
      "Tổ chức các lớp bồi dưỡng kỹ năng số cơ bản, kỹ năng sử dụng trí tuệ nhân tạo (AI) cho "
      "người dân theo Khung kiến thức, kỹ năng số cơ bản do Bộ Khoa học và Công nghệ ban hành."),
     ("dau_moi", "doan"), ("mttq", "phu_nu", "giao_duc", "co_so"), ("open", "range"),
     {"targets": ("ky_nang_so",), "resources": ("binhdanhocvuso-gov-vn", "aicongdong-ptit-edu-vn"),
      "Hình thức": ("Trực tuyến trên nền tảng Bình dân học vụ số và trực tiếp tại nhà văn hóa "
                    "các {co_so}.",)}),
    ("pho-cap-chu-ky-so",
     "Phát động chiến dịch “Phổ cập chữ ký số cho người dân trong 30 ngày” trên địa bàn {noi}",
     ("{dau_moi} phối hợp với các doanh nghiệp cung cấp dịch vụ chữ ký số công cộng tổ chức các "
      "điểm cấp chữ ký số miễn phí 01 năm cho người dân tại trụ sở và các {co_so}.",),
     ("dau_moi",), ("vnpt", "viettel", "buu_dien", "to_cnsc"), ("peak_ongoing", "range"),
     {"targets": ("chu_ky_so", "chu_ky_so_2030")}),
    ("khong-giay",
     "Hưởng ứng Phong trào thi đua “Ngày không in giấy”, “Tuần làm việc không văn bản giấy”",
     ("Thủ trưởng các cơ quan, đơn vị quán triệt đến toàn thể cán bộ, công chức, viên chức xử "
      "lý công việc trên môi trường mạng, ký số và ban hành văn bản điện tử.",),
     ("cac_don_vi", "van_phong"), ("dau_moi",), ("peak_ongoing", "ongoing"),
     {"targets": ("van_ban_mang", "ky_so")}),
    ("hoi-nghi-huong-ung",
     "Tổ chức Hội nghị hưởng ứng Ngày Chuyển đổi số quốc gia (10/10) năm 2025",
     ("Hội nghị quán triệt Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, phát động "
      "các phong trào thi đua chuyển đổi số và ra mắt Đội hình Bình dân học vụ số của {cap}.",),
     ("dau_moi", "van_phong"), ("cong_an", "hcc", "doan", "truyen_thong"), ("day",),
     {"place": ("Hội trường {ubnd}", "Trung tâm Hội nghị {noi}"),
      "Thành phần tham dự": ("Lãnh đạo Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam {cap}; lãnh đạo "
                             "các cơ quan, đơn vị; đại diện các {co_so}; thành viên các Tổ Công "
                             "nghệ số cộng đồng.",)}),
    ("thuong-mai-dien-tu",
     "Thúc đẩy thanh toán không dùng tiền mặt và đưa sản phẩm địa phương lên sàn thương mại "
     "điện tử",
     ("Hỗ trợ hộ sản xuất, kinh doanh, hợp tác xã có sản phẩm OCOP, sản phẩm tiêu biểu của {noi} "
      "mở gian hàng trên các sàn thương mại điện tử, sử dụng mã QR thanh toán.",),
     ("kinh_te",), ("doanh_nghiep", "buu_dien", "vnpt"), ("month", "range"),
     {"targets": ("thanh_toan",)}),
    ("an-toan-thong-tin",
     "Tuyên truyền, hướng dẫn kỹ năng bảo đảm an toàn thông tin, phòng chống lừa đảo trực tuyến",
     ("Phổ biến các thủ đoạn lừa đảo trên không gian mạng, hướng dẫn người dân bảo vệ thông tin "
      "cá nhân, tài khoản định danh điện tử và tài khoản ngân hàng.",),
     ("cong_an",), ("dau_moi", "doan", "truyen_thong"), ("ongoing",), {}),
    ("ky-nang-so-truong-hoc",
     "Triển khai Chiến dịch phổ cập kỹ năng số cho giáo viên, học sinh trên địa bàn {noi}",
     ("Tổ chức cho giáo viên, học sinh tham gia các khóa học kỹ năng số, kỹ năng sử dụng AI miễn "
      "phí; lồng ghép nội dung an toàn trên môi trường mạng vào hoạt động ngoại khóa.",),
     ("giao_duc",), ("dau_moi", "doan"), ("range",),
     {"resources": ("aicongdong-ptit-edu-vn",)}),
    ("do-toc-do-internet",
     "Vận động người dân đo tốc độ truy cập Internet bằng ứng dụng i-Speed",
     ("Hướng dẫn người dân, cơ quan, trường học cài đặt và sử dụng ứng dụng i-Speed để đo, phản "
      "ánh chất lượng mạng di động, Internet cố định tại nơi ở, nơi làm việc.",),
     ("vnpt", "viettel"), ("dau_moi", "co_so"), ("deadline",),
     {"resources": ("i-speed",)}),
    ("y-te-so",
     "Đẩy mạnh sử dụng Sổ sức khỏe điện tử trên ứng dụng VNeID",
     ("Hướng dẫn người dân kích hoạt, tích hợp Sổ sức khỏe điện tử trên ứng dụng VNeID; khuyến "
      "khích thanh toán viện phí không dùng tiền mặt tại các cơ sở y tế trên địa bàn.",),
     ("y_te",), ("cong_an", "to_cnsc"), ("range", "open"),
     {"targets": ("so_suc_khoe",), "resources": ("vneid",)}),
    ("so-ket-danh-gia",
     "Sơ kết, đánh giá kết quả tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia "
     "năm 2025",
     ("Tổng hợp kết quả, đánh giá những việc đã làm được, hạn chế và đề xuất nhiệm vụ chuyển đổi "
      "số năm 2026; biểu dương tập thể, cá nhân có thành tích tiêu biểu.",),
     ("dau_moi",), ("cac_don_vi", "co_so"), ("month", "deadline"), {}),
)

# Targets: key -> (text with {v}, figures, comparator, deadline).
TARGETS: Final[dict[str, tuple[str, tuple[int, ...], str, str]]] = {
    "hs_truc_tuyen": ("trên {v}% hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến",
                      (70, 75, 80, 85), "more_than", "31/12/2025"),
    "ho_gia_dinh": ("ít nhất {v}% hộ gia đình được hướng dẫn sử dụng ít nhất một dịch vụ số",
                    (60, 70, 80, 90), "at_least", "31/12/2025"),
    "ky_nang_so": ("trên {v}% người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản",
                   (60, 70, 80), "more_than", "2025"),
    "chu_ky_so": ("năm 2025 có {v}% dân số trưởng thành có và dùng chữ ký số cá nhân",
                  (40, 50, 60), "at_least", "2025"),
    "chu_ky_so_2030": ("đến năm 2030 đạt trên {v}%", (70, 80), "more_than", "2030"),
    "van_ban_mang": ("{v}% văn bản và hồ sơ công việc được xử lý trên môi trường mạng",
                     (100,), "exactly", "31/12/2025"),
    "ky_so": ("{v}% văn bản đi được ký số và ban hành trên môi trường mạng (trừ văn bản mật)",
              (100,), "exactly", "31/12/2025"),
    "thanh_toan": ("ít nhất {v}% hộ kinh doanh sử dụng thanh toán không dùng tiền mặt",
                   (50, 60, 70), "at_least", "31/12/2025"),
    "so_suc_khoe": ("trên {v}% người dân có Sổ sức khỏe điện tử", (70, 80, 90), "more_than",
                    "31/12/2025"),
}

# Duties: role -> duties of that unit; GENERIC_DUTIES fill the rest.
DUTIES: Final[dict[str, tuple[str, ...]]] = {
    "dau_moi": ("Chủ trì, phối hợp với các cơ quan, đơn vị liên quan triển khai thực hiện Kế hoạch "
                "này; theo dõi, đôn đốc, tổng hợp kết quả, tham mưu {ubnd} báo cáo cấp trên.",
                "Hướng dẫn các cơ quan, đơn vị, các {co_so} tổ chức hoạt động hưởng ứng phù hợp "
                "với điều kiện thực tế; lập dự toán kinh phí thực hiện Kế hoạch."),
    "hcc": ("Bố trí cán bộ hỗ trợ người dân nộp hồ sơ trực tuyến, thanh toán phí, lệ phí trực "
            "tuyến; công khai kết quả giải quyết thủ tục hành chính.",),
    "cong_an": ("Đẩy mạnh kích hoạt tài khoản định danh điện tử mức độ 2 và hướng dẫn sử dụng các "
                "tiện ích trên ứng dụng VNeID.",
                "Tuyên truyền, cảnh báo các thủ đoạn lừa đảo trên không gian mạng."),
    "truyen_thong": ("Xây dựng tin, bài, phóng sự về các hoạt động hưởng ứng Ngày Chuyển đổi số "
                     "quốc gia; phát trên hệ thống truyền thanh và mạng xã hội.",),
    "mttq": ("Vận động đoàn viên, hội viên và Nhân dân tích cực tham gia học tập kỹ năng số, sử "
             "dụng dịch vụ công trực tuyến.",),
    "doan": ("Thành lập đội hình thanh niên tình nguyện hỗ trợ người dân tại Bộ phận một cửa và "
             "các {co_so}; nòng cốt trong phong trào “Bình dân học vụ số”.",),
    "kinh_te": ("Tham mưu bố trí kinh phí thực hiện Kế hoạch; hỗ trợ hộ kinh doanh đưa sản phẩm "
                "lên sàn thương mại điện tử.",),
    "tai_chinh": ("Tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định.",),
    "co_so": ("Phối hợp với Tổ Công nghệ số cộng đồng triển khai tuyên truyền đến từng hộ dân; "
              "định kỳ báo cáo kết quả về {ubnd}.",),
    "to_cnsc": ("Ra quân hướng dẫn người dân cài đặt, sử dụng các nền tảng số thiết yếu; duy trì "
                "điểm hỗ trợ tại các {co_so}.",),
    "vnpt": ("Hỗ trợ hạ tầng, thiết bị và nhân lực; triển khai gói cước ưu đãi, cấp chữ ký số "
             "miễn phí cho người dân trong thời gian cao điểm.",),
    "viettel": ("Phối hợp xóa vùng lõm sóng, nâng cao chất lượng mạng di động trên địa bàn.",),
    "giao_duc": ("Chỉ đạo các trường học tổ chức phổ cập kỹ năng số cho giáo viên, học sinh.",),
    "y_te": ("Hướng dẫn người dân sử dụng Sổ sức khỏe điện tử, đặt lịch khám trực tuyến.",),
    "van_hoa": ("Hướng dẫn treo băng rôn, khẩu hiệu hưởng ứng Ngày Chuyển đổi số quốc gia.",),
}
NO_DUTIES: Final = ("ubnd", "ubnd_tinh", "so_khcn", "bo_khcn", "so_noi_vu", "dau_moi")
GENERIC_DUTIES: Final = (
    "Căn cứ chức năng, nhiệm vụ, chủ động triển khai các hoạt động được giao tại Kế hoạch này.",
    "Quán triệt cán bộ, công chức, viên chức, người lao động gương mẫu học tập, phổ cập kỹ năng "
    "số; xử lý công việc trên môi trường mạng.",
    "Báo cáo kết quả thực hiện về {dau_moi} trước ngày {report} để tổng hợp.",
    "Lồng ghép nội dung chuyển đổi số vào các chương trình, phong trào, cuộc vận động do đơn vị "
    "chủ trì.",
)
PURPOSES: Final = (
    "Tuyên truyền về Ngày Chuyển đổi số quốc gia 10/10 nhằm nâng cao nhận thức của toàn dân {noi} "
    "về ý nghĩa, vai trò, tầm quan trọng của chuyển đổi số.",
    "Thúc đẩy sự vào cuộc của cả hệ thống chính trị và toàn xã hội; hành động đồng bộ, có sự "
    "tham gia của toàn dân đối với công cuộc chuyển đổi số của {cap}.",
    "Phổ cập kỹ năng số cơ bản đến từng người dân, không để ai bị bỏ lại phía sau trong tiến "
    "trình chuyển đổi số.",
    "Đẩy mạnh cung cấp, sử dụng dịch vụ công trực tuyến, thanh toán không dùng tiền mặt, góp "
    "phần xây dựng chính quyền số, kinh tế số, xã hội số trên địa bàn {noi}.",
)
REQUIREMENTS: Final = (
    "Các hoạt động được tổ chức thiết thực, tiết kiệm, hiệu quả, tránh hình thức, phù hợp với "
    "điều kiện thực tế của {noi}.",
    "Phân công cụ thể nhiệm vụ, thời gian, trách nhiệm của từng cơ quan, đơn vị; bảo đảm sự phối "
    "hợp chặt chẽ trong quá trình triển khai.",
    "Tăng cường ứng dụng công nghệ số trong chính các hoạt động hưởng ứng Ngày Chuyển đổi số "
    "quốc gia năm 2025.",
)
THEMES: Final = ("Chuyển đổi số: Nhanh hơn, hiệu quả hơn, gần dân hơn",
                 "Chuyển đổi số toàn diện, đưa {ten} phát triển nhanh và bền vững")
SLOGANS: Final = ("Nhiệt liệt hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2025!",
                  "Chuyển đổi số là cuộc cách mạng toàn dân, toàn diện!",
                  "{ten} chung tay xây dựng chính quyền số, kinh tế số, xã hội số!",
                  "Mỗi người dân có kỹ năng số, mỗi gia đình là một tế bào số!")
BUDGET: Final = ("Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành, lồng "
                 "ghép trong dự toán của các cơ quan, đơn vị và các nguồn huy động hợp pháp khác.")
RECIPIENTS: Final = {
    "province": ("Bộ Khoa học và Công nghệ (b/c);", "Thường trực {uy}, HĐND {cap} (b/c);",
                 "Chủ tịch, các PCT UBND {cap};", "Ủy ban MTTQ Việt Nam và các đoàn thể {cap};",
                 "Các sở, ban, ngành {cap};", "UBND các xã, phường;",
                 "Báo và Phát thanh, Truyền hình {ten};", "Cổng thông tin điện tử {cap};",
                 "Lưu: VT, KGVX."),
    "commune": ("UBND {tinh} (b/c);", "Sở Khoa học và Công nghệ (b/c);",
                "Thường trực Đảng ủy {cap} (b/c);", "Thường trực HĐND {cap};",
                "Chủ tịch, các PCT UBND {cap};", "Ủy ban MTTQ Việt Nam và các đoàn thể {cap};",
                "Các cơ quan, đơn vị thuộc UBND {cap};", "Ban Nhân dân các {co_so};",
                "Lưu: VT, VHXH."),
}
SIGNER_LINES: Final = (("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
                       ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"))
FAMILY: Final = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                 "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Hà", "Lương", "Thái")
MIDDLE: Final = ("Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Ngọc", "Xuân", "Anh",
                 "Công", "Thu", "Quốc", "Hoài")
GIVEN: Final = ("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Hương", "Khánh",
                "Lan", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm",
                "Thắng", "Thảo", "Trung", "Tuấn", "Vinh", "Yến")
PROVINCE_EXTRA_DOCS: Final = {"42": ("ctr-42-ctr-tu-ha-tinh-2025", "nq-05-nq-tu-ha-tinh-2021"),
                              "86": ("kh-01-kh-bcd-vinh-long-2025", "kh-02-kh-bcd-vinh-long-2025")}
PROVINCE_EXTRA_RESOURCES: Final = {"42": ("hatinhtrade-com-vn",),
                                   "86": ("binhdanhocvuso-vinhlong-gov-vn",)}

# Boilerplate of the plan's frame.
INTRO_PROVINCE: Final = (
    "Căn cứ Quyết định số 505/QĐ-TTg ngày 22/4/2022 của Thủ tướng Chính phủ về Ngày Chuyển đổi "
    "số quốc gia;\n\nCăn cứ Quyết định số 2873/QĐ-BKHCN ngày 24/9/2025 của Bộ Khoa học và Công "
    "nghệ;\n\n{ubnd} ban hành Kế hoạch tổ chức {what}, cụ thể như sau:")
INTRO_COMMUNE: Final = (
    "Thực hiện Kế hoạch số {pnum} ngày {pdate} của UBND {tinh} về tổ chức các hoạt động hưởng ứng "
    "Ngày Chuyển đổi số quốc gia năm 2025;\n\n{ubnd} ban hành Kế hoạch tổ chức {what}, cụ thể "
    "như sau:")
WHAT: Final = "các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2025 trên địa bàn {noi}"
CLOSING: Final = ("Trên đây là Kế hoạch tổ chức {what}. Trong quá trình thực hiện, nếu có khó "
                  "khăn, vướng mắc, kịp thời báo cáo {ubnd} (qua {dau_moi}) để xem xét, chỉ đạo./.")
REPORT_IN: Final = ("Các cơ quan, đơn vị, các {co_so} báo cáo kết quả thực hiện về {dau_moi} "
                    "trước ngày {report} để tổng hợp.")
REPORT_UP: Final = ("{dau_moi} tổng hợp, tham mưu {ubnd} báo cáo {top} kết quả tổ chức các hoạt "
                    "động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2025.")
APPENDIX_TITLE: Final = "Danh mục nhiệm vụ hưởng ứng Ngày Chuyển đổi số quốc gia năm 2025 tại {noi}"
APPENDIX_NOTE: Final = "(Kèm theo Kế hoạch số {number} ngày {date} của {ubnd})"
ACTIVITIES_NOTE: Final = "(Danh mục nhiệm vụ cụ thể tại Phụ lục kèm theo)"
PEAK_ENDS: Final = ("10/10", "20/10", "31/10")
CITES: Final = ("kh-02-kh-bcdtw-2025", "qd-411-qd-ttg-2022", "qd-757-qd-bkhcn-2025")
PERIOD: Final = "Từ ngày {start} đến ngày {end}, trong đó cao điểm từ ngày {start} đến ngày {peak}."
