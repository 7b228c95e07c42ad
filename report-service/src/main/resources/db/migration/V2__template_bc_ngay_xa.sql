-- The daily commune report of the training manual (Báo cáo hàng ngày cấp Xã), version 1.
-- Labels and options are the manual's, verbatim; column A is the reporting unit itself.
insert into template (code, name, period_kind, unit_level, current_version)
values ('BC_NGAY_XA', 'Báo cáo hàng ngày cấp Xã', 'DAY', 'COMMUNE', 1);

insert into template_version (template_code, version) values ('BC_NGAY_XA', 1);

insert into template_column (template_code, version, letter, position, label, kind, options, required, filled_by,
                             help, max_length, personal_data)
values
('BC_NGAY_XA', 1, 'B', 2, 'Văn bản phổ biến', 'CHOICE', '["Đã hoàn thành", "Chưa hoàn thành"]', true, 'UNIT',
 'Tình trạng phổ biến văn bản về Nghị quyết 57 tại đơn vị.', 200, false),
('BC_NGAY_XA', 1, 'C', 3, 'Bộ TTHC', 'CHOICE', '["Mới nhận danh mục", "Đã nhận đủ", "Chưa nhận đủ"]', true, 'UNIT',
 'Tình trạng tiếp nhận bộ thủ tục hành chính (TTHC).', 200, false),
('BC_NGAY_XA', 1, 'D', 4, 'Hạ tầng mạng', 'CHOICE', '["Tốt", "Tạm được", "Yếu", "Không ổn định"]', true, 'UNIT',
 'Chất lượng đường truyền mạng tại trụ sở.', 200, false),
('BC_NGAY_XA', 1, 'E', 5, 'Hạ tầng máy tính', 'CHOICE', '["Thiếu", "Đã được cấp bổ sung"]', true, 'UNIT',
 'Tình trạng máy tính phục vụ công việc.', 200, false),
('BC_NGAY_XA', 1, 'F', 6, 'Công cụ hỗ trợ số hóa giấy tờ', 'CHOICE', '["Có", "Không"]', true, 'UNIT',
 'Đơn vị đã có công cụ hỗ trợ số hóa giấy tờ hay chưa.', 200, false),
('BC_NGAY_XA', 1, 'G', 7, 'Dữ liệu số hóa có tái sử dụng', 'CHOICE', '["Có", "Không"]', true, 'UNIT',
 'Dữ liệu đã số hóa có được tái sử dụng hay không.', 200, false),
('BC_NGAY_XA', 1, 'H', 8, 'Thiết bị an toàn', 'CHOICE', '["Đã kiểm tra", "Chưa kiểm tra"]', true, 'UNIT',
 'Tình trạng kiểm tra thiết bị an toàn thông tin.', 200, false),
('BC_NGAY_XA', 1, 'I', 9, 'CKS mật', 'CHOICE', '["Đã đủ", "Chưa đủ"]', true, 'UNIT',
 'Chữ ký số (CKS) mật đã được cấp đủ hay chưa.', 200, false),
('BC_NGAY_XA', 1, 'J', 10, 'CKS công cộng', 'CHOICE', '["Đã gửi yêu cầu", "Đã hoàn thành", "Chưa thực hiện"]', true,
 'UNIT', 'Tình trạng cấp chữ ký số (CKS) công cộng.', 200, false),
('BC_NGAY_XA', 1, 'K', 11,
 'Nhân sự một cửa (Đoàn thanh niên, doanh nghiệp, công an xã, Tổ CNSCĐ, Đội hỗ trợ phản ứng nhanh)', 'CHOICE',
 '["Đã đủ", "Chưa đủ"]', true, 'UNIT',
 'Nhân sự hỗ trợ tại bộ phận một cửa; Tổ CNSCĐ là Tổ công nghệ số cộng đồng.', 200, false),
('BC_NGAY_XA', 1, 'L', 12, 'Bảng "4 tại chỗ" (Quy trình thực hiện TTHC sau sát nhập đã rà soát, niêm yết)', 'CHOICE',
 '["Đang thiết kế", "Đã niêm yết"]', true, 'UNIT',
 'Tình trạng bảng "4 tại chỗ" tại bộ phận một cửa.', 200, false),
('BC_NGAY_XA', 1, 'M', 13, 'Triển khai hệ thống họp trực tuyến từ TW đến địa phương', 'CHOICE',
 '["Đã triển khai", "Chưa triển khai"]', true, 'UNIT',
 'Hệ thống họp trực tuyến từ Trung ương (TW) đến địa phương.', 200, false),
('BC_NGAY_XA', 1, 'N', 14, 'Vướng mắc chính trong ngày', 'TEXT', '[]', false, 'UNIT',
 'Những khó khăn, vướng mắc chính của đơn vị trong ngày.', 2000, false),
('BC_NGAY_XA', 1, 'O', 15, 'Link tới thư mục ảnh minh chứng của ngày', 'LINK', '[]', false, 'UNIT',
 'Đường dẫn đầy đủ (bắt đầu bằng http:// hoặc https://) tới thư mục ảnh minh chứng của ngày.', 1000, false),
('BC_NGAY_XA', 1, 'P', 16, '(Phần của Tỉnh) Người đánh giá', 'TEXT', '[]', false, 'PROVINCE',
 'Họ tên cán bộ cấp Tỉnh đánh giá báo cáo.', 200, true),
('BC_NGAY_XA', 1, 'Q', 17, '(Phần của Tỉnh) Nhận xét & Đánh giá', 'TEXT', '[]', false, 'PROVINCE',
 'Nhận xét và đánh giá của Tỉnh về báo cáo của xã.', 4000, false),
('BC_NGAY_XA', 1, 'R', 18, '(Phần của Tỉnh) Trạng thái Giám sát', 'CHOICE',
 '["Đạt yêu cầu", "Cần bổ sung", "Không đạt", "Chưa giám sát"]', false, 'PROVINCE',
 'Kết quả giám sát của Tỉnh đối với báo cáo.', 200, false);
