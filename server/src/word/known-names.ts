// Official names of the PAR Index criteria (Quyết định 876/QĐ-BNV) that the text importer knows by
// default. Source: /work/shared/reference/par-criteria.md (the codes named in the Hà Tĩnh 2023
// appendix). The importer uses this table only to decide whether a criterion name written in a plan
// is "simply the official name" (then `name` is left out of the YAML) or not (then it is kept).
// A caller that has the full catalog passes `officialName` to `importPlanText` instead.

export const KNOWN_CRITERION_NAMES: Readonly<Record<string, string>> = {
  '1.1': 'Thực hiện Kế hoạch CCHC năm',
  '1.7': 'Thực hiện các nhiệm vụ do Chính phủ giao',
  '2.4':
    'Chất lượng văn bản do tỉnh ban hành, bao gồm: tính đồng bộ, thống nhất, tính hợp lý, tính khả thi, tính kịp thời phát hiện và xử lý các bất cập, vướng mắc trong tổ chức thực hiện',
  '3.2.2': 'Công khai thủ tục hành chính và các quy định liên quan',
  '3.2.3': 'Công khai tiến độ, kết quả giải quyết hồ sơ trên hệ thống thông tin giải quyết TTHC',
  '3.4': 'Kết quả giải quyết hồ sơ TTHC',
  '4.1.3': 'Tỷ lệ giảm số lượng đơn vị sự nghiệp công lập',
  '4.1.4': 'Tính hợp lý trong sắp xếp tổ chức bộ máy các cơ quan, đơn vị thuộc thẩm quyền của tỉnh',
  '4.1.5': 'Tính hợp lý trong phân định chức năng, nhiệm vụ giữa các cơ quan, đơn vị, địa phương',
  '4.1.6': 'Tình hình thực hiện Quy chế làm việc của UBND tỉnh',
  '4.3.4': 'Tính hợp lý trong phân cấp, phân quyền thực hiện quản lý nhà nước giữa tỉnh, huyện',
  '5.2.3': 'Tính công khai, minh bạch trong tuyển dụng công chức, viên chức',
  '5.2.4': 'Tình trạng tiêu cực trong công tác tuyển dụng công chức, viên chức',
  '5.3.2': 'Tính công khai, minh bạch trong bổ nhiệm công chức, viên chức',
  '5.3.3': 'Tình trạng tiêu cực trong công tác bổ nhiệm công chức, viên chức',
  '5.4': 'Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức',
  '5.5.2': 'Chất lượng đào tạo, bồi dưỡng cán bộ, công chức, viên chức',
  '5.7':
    'Chất lượng đội ngũ công chức viên chức, bao gồm: năng lực chuyên môn, tinh thần trách nhiệm, tình trạng công chức lợi dụng chức vụ quyền hạn để trục lợi cá nhân, tính hiệu quả trong chính sách thu hút người có tài năng vào bộ máy hành chính',
  '6.1.1': 'Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước',
  '6.1.3': 'Thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách',
  '6.1.4': 'Tính hiệu quả của việc thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính',
  '6.2.4':
    'Thực hiện tiết kiệm, chống lãng phí trong quản lý sử dụng kinh phí của cơ quan, đơn vị; tính hiệu quả của việc quản lý, sử dụng tài sản công',
  '6.2.5': 'Tính hiệu quả của việc thực hiện cơ chế tự chủ tại các đơn vị sự nghiệp công lập',
  '7.1.2': 'Triển khai Trung tâm dữ liệu phục vụ chuyển đổi số theo hướng sử dụng công nghệ điện toán đám mây',
  '7.1.4':
    'Tỷ lệ số dịch vụ dữ liệu có trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) được đưa vào sử dụng chính thức',
  '7.3.2':
    'Chất lượng cung cấp thông tin trên Cổng thông tin điện tử của tỉnh bao gồm: tính kịp thời, mức độ đầy đủ, mức độ thuận tiện',
  '7.3.6': 'Tỷ lệ hồ sơ trực tuyến toàn trình',
  '7.3.7': 'Tỷ lệ hồ sơ thanh toán trực tuyến',
  '8.1': 'SIPAS (Chỉ số hài lòng về sự phục vụ hành chính)',
  '8.2': 'Mức độ thu hút đầu tư của tỉnh',
  '8.3.2': 'Số vốn đăng ký doanh nghiệp',
  '8.4': 'Thực hiện thu ngân sách hàng năm của tỉnh theo Kế hoạch được Chính phủ giao',
  '8.5': 'Mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND tỉnh giao',
};

export function knownCriterionName(code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(KNOWN_CRITERION_NAMES, code) ? KNOWN_CRITERION_NAMES[code] : undefined;
}
