// Generates realistic plans of any size for benchmarks and fuzzing: the vocabulary of the real
// Hà Tĩnh appendix (task texts, units, deadlines, codes), deterministic for a given seed, with a
// chosen share of tasks carrying a defect (missing lead or deadline, misspelt unit, bad deadline).
// Each criterion is one item, as in a province's plan; large plans have many tasks per item
// (small ones cycle through the codes and may repeat one).

export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = [
  ['I', 'Chỉ đạo điều hành CCHC', ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7']],
  ['II', 'Cải cách thể chế', ['2.1', '2.2', '2.3', '2.4']],
  ['III', 'Cải cách thủ tục hành chính', ['3.1', '3.2.1', '3.2.2', '3.2.3', '3.3', '3.4']],
  ['IV', 'Cải cách tổ chức bộ máy hành chính', ['4.1.1', '4.1.2', '4.1.3', '4.1.4', '4.1.5', '4.1.6', '4.2', '4.3.4']],
  ['V', 'Cải cách chế độ công vụ', ['5.1', '5.2.3', '5.2.4', '5.3.2', '5.3.3', '5.4', '5.5.2', '5.6', '5.7']],
  ['VI', 'Cải cách tài chính công', ['6.1.1', '6.1.3', '6.1.4', '6.2.4', '6.2.5']],
  ['VII', 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', ['7.1.2', '7.1.4', '7.2', '7.3.2', '7.3.6', '7.3.7']],
  ['VIII', 'Tác động CCHC đến người dân, tổ chức và các chỉ tiêu phát triển kinh tế - xã hội của tỉnh', ['8.1', '8.2', '8.3.2', '8.4', '8.5']],
];

const TASKS = [
  'Thường xuyên theo dõi tiến độ, kịp thời đôn đốc, kiểm tra việc thực hiện các chỉ tiêu, nhiệm vụ trong Kế hoạch CCHC năm {Y}.',
  'Đẩy mạnh công tác tuyên truyền, nhất là nhóm đối tượng được khảo sát về công tác cải cách thể chế trên địa bàn tỉnh.',
  'Thực hiện rà soát, đề xuất sửa đổi, bổ sung các văn bản quy phạm pháp luật do HĐND, UBND các cấp ban hành theo thẩm quyền.',
  'Tổ chức tập huấn, hướng dẫn các đơn vị cập nhật, đăng tải lên cơ sở dữ liệu quốc gia để đồng bộ về Cổng Thông tin dịch vụ công trực tuyến của tỉnh.',
  'Tiếp tục rà soát, sắp xếp, kiện toàn tổ chức bộ máy bên trong, bảo đảm tinh gọn, hoạt động hiệu lực, hiệu quả, giảm cấp trung gian.',
  'Tăng cường công tác thanh tra, kiểm tra, giám sát việc thực hiện các quy định của pháp luật về tuyển dụng công chức, viên chức.',
  'Rà soát, điều chuyển kế hoạch vốn giữa các dự án chậm giải ngân sang các dự án có tiến độ giải ngân tốt, còn thiếu vốn.',
  'Tiếp tục nâng cấp, hoàn thiện hệ thống dịch vụ công trực tuyến; tăng cường cung cấp, ứng dụng, quản lý chữ ký số.',
  'Tổ chức Hội nghị công bố Quy hoạch tỉnh kết hợp với Xúc tiến đầu tư năm {Y}; triển khai hiệu quả kế hoạch đánh giá DDCI.',
];
const MULTILINE = '- Thực hiện công khai đầy đủ, kịp thời về tiến độ, kết quả giải quyết hồ sơ TTHC.\n- Thực hiện nghiêm túc chế độ thống kê, báo cáo qua Hệ thống báo kiểm soát TTHC.\n- Bổ sung công khai kết quả thực hiện Bộ chỉ số phục vụ người dân doanh nghiệp.';
const LEADS = ['Sở Nội vụ', 'Văn phòng UBND tỉnh', 'Sở Tư pháp', 'Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'Sở Thông tin và Truyền thông', 'Sở Công Thương', 'Cục Thuế tỉnh', 'Sở Xây dựng', 'Sở, ban, ngành cấp tỉnh'];
const SUPPORTS = ['Sở, ban, ngành cấp tỉnh', 'UBND cấp huyện', 'UBND cấp huyện, cấp xã', 'Các cơ quan, đơn vị liên quan', 'Văn phòng UBND tỉnh', 'Sở Nội vụ'];
const DEADLINES = ['Năm {Y}', 'Quý IV/{Y}', 'Tháng 12/{Y}', 'Trước 15/12/{Y}', 'Thường xuyên', 'Quý II/{Y}', '6 tháng đầu năm {Y}'];
const DEFECTS = ['no-lead', 'no-deadline', 'typo-unit', 'bad-deadline', 'unquoted-code'];

/**
 * @param {{ tasks: number, seed?: number, defectRate?: number, year?: number }} options
 * @returns {string} YAML text of a plan with exactly `tasks` tasks
 */
export function generatePlan({ tasks, seed = 1, defectRate = 0.01, year = 2023 }) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const y = (s) => s.replaceAll('{Y}', String(year));
  const out = [
    '# Kế hoạch sinh tự động để đo hiệu năng (par-plan bench/generate-plan.mjs)',
    'plan:',
    `  title: Nhiệm vụ, giải pháp thực hiện Chỉ số PAR Index năm ${year}`,
    '  issuer: UBND tỉnh Hà Tĩnh',
    `  year: ${year}`,
    'sections:',
  ];
  let written = 0;
  const perSection = Math.ceil(tasks / AREAS.length);
  for (const [numeral, title, codes] of AREAS) {
    if (written >= tasks) break;
    out.push(`  - area: ${numeral}`, `    title: ${title}`, '    items:');
    let inSection = 0;
    // As in a province's plan, each criterion is one item; a larger plan has more tasks per item.
    const perItem = Math.max(1, Math.ceil(perSection / codes.length));
    let codeIndex = 0;
    while (inSection < perSection && written < tasks) {
      const code = codes[codeIndex++ % codes.length];
      const defectiveCode = random() < defectRate / DEFECTS.length;
      out.push(`      - criteria: [${defectiveCode ? code : JSON.stringify(code)}]`, `        finding: Tiêu chí này năm ${year - 1} chưa đạt điểm tối đa`, '        tasks:');
      const count = perItem <= 4 ? 1 + Math.floor(random() * 4) : perItem;
      for (let k = 0; k < count && inSection < perSection && written < tasks; k++, inSection++, written++) {
        const defect = random() < defectRate ? pick(DEFECTS.filter((d) => d !== 'unquoted-code')) : undefined;
        if (random() < 0.15) out.push('          - task: |-', ...MULTILINE.split('\n').map((l) => `              ${l}`));
        else out.push(`          - task: ${JSON.stringify(y(pick(TASKS)))}`);
        if (defect !== 'no-lead') out.push('            lead:', `              - ${defect === 'typo-unit' ? 'Sở Nội vụx' : pick(LEADS)}`);
        out.push('            support:', `              - ${pick(SUPPORTS)}`);
        if (random() < 0.5) out.push(`              - ${pick(SUPPORTS)}`);
        if (defect !== 'no-deadline') out.push(`            deadline: ${defect === 'bad-deadline' ? `Quý V/${year}` : y(pick(DEADLINES))}`);
      }
    }
  }
  return out.join('\n') + '\n';
}
