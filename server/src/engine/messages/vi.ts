import type { Messages, SchemaType } from './types';

const SYNTAX: Record<string, string> = {
  BAD_INDENT: 'Thụt lề không đúng: các dòng cùng cấp phải thẳng hàng, dòng con thụt vào sâu hơn dòng cha.',
  TAB_AS_INDENT: 'Không dùng ký tự Tab để thụt lề trong YAML; hãy dùng dấu cách (thường gặp khi dán từ Word).',
  DUPLICATE_KEY: 'Khóa bị lặp lại trong cùng một đối tượng.',
  MISSING_CHAR: 'Thiếu ký tự đóng (dấu ngoặc hoặc dấu nháy).',
  MULTIPLE_DOCS: 'Tệp chỉ được chứa một tài liệu YAML (bỏ dòng "---" thứ hai).',
  BLOCK_AS_IMPLICIT_KEY: 'Khối nhiều dòng không thể làm khóa; kiểm tra dấu hai chấm và thụt lề.',
  MULTILINE_IMPLICIT_KEY: 'Khóa phải nằm trên một dòng; có thể thiếu dấu hai chấm hoặc thiếu dấu nháy quanh văn bản có dấu hai chấm.',
  UNEXPECTED_TOKEN: 'Ký tự không mong đợi ở đây.',
  BAD_SCALAR_START: 'Giá trị không thể bắt đầu bằng ký tự này; hãy đặt văn bản trong dấu nháy kép.',
  BAD_DQ_ESCAPE: 'Chuỗi trong dấu nháy kép có ký tự thoát không hợp lệ (dấu \\).',
  BLOCK_IN_FLOW: 'Không thể đặt khối nhiều dòng bên trong danh sách [ ] hoặc { }.',
  BAD_ALIAS: 'Tham chiếu (alias) không hợp lệ.',
  ALIAS_PROPS: 'Tham chiếu (alias) không được có nhãn hoặc kiểu.',
  MULTIPLE_ANCHORS: 'Một giá trị chỉ được có một nhãn (anchor).',
  MULTIPLE_TAGS: 'Một giá trị chỉ được có một kiểu (tag).',
  BAD_PROP_ORDER: 'Nhãn và kiểu đặt sai thứ tự.',
  BAD_DIRECTIVE: 'Chỉ thị YAML không hợp lệ.',
  BAD_COLLECTION_TYPE: 'Kiểu danh sách hoặc đối tượng không hợp lệ.',
  NON_STRING_KEY: 'Khóa phải là văn bản.',
  TAG_RESOLVE_FAILED: 'Không nhận ra kiểu (tag) của giá trị.',
  RESOURCE_EXHAUSTION: 'Tài liệu dùng quá nhiều tham chiếu (alias); có thể là tệp độc hại.',
  KEY_OVER_1024_CHARS: 'Khóa dài quá 1024 ký tự.',
  IMPOSSIBLE: 'Lỗi cú pháp YAML.',
};

const TYPE_NAMES: Record<SchemaType, string> = {
  string: 'văn bản',
  integer: 'số nguyên',
  number: 'số',
  array: 'danh sách',
  object: 'đối tượng (các cặp khóa: giá trị)',
  null: 'để trống',
  boolean: 'đúng/sai',
};

const list = (items: string[]) => items.map((s) => `"${s}"`).join(', ');

export const vi: Messages = {
  day: (iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    return `${d}/${m}/${y}`;
  },
  syntax: (code, detail) => `Lỗi cú pháp YAML: ${SYNTAX[code] ?? detail}`,
  limitExceeded: (what, limit) =>
    ({
      size: `Tệp quá lớn để kiểm tra (giới hạn ${limit.toLocaleString('vi-VN')} byte; đổi trong cấu hình "limits.maxFileBytes").`,
      depth: `Tài liệu lồng nhau quá sâu (giới hạn ${limit} cấp; đổi trong cấu hình "limits.maxDepth").`,
      line: `Dòng quá dài (giới hạn ${limit.toLocaleString('vi-VN')} ký tự; đổi trong cấu hình "limits.maxLineLength").`,
      aliases: `Tài liệu dùng quá nhiều tham chiếu (giới hạn ${limit}; đổi trong cấu hình "limits.maxAliasCount").`,
    })[what],
  notUtf8: () => 'Tệp không phải văn bản UTF-8 hợp lệ; hãy lưu lại với mã hóa UTF-8.',
  binaryFile: () => 'Tệp có vẻ là tệp nhị phân, không phải văn bản YAML.',

  schemaRootNotMap: () => 'Kế hoạch phải là một đối tượng YAML có hai khóa "plan" và "sections".',
  schemaMissingKey: (key, where) => `Thiếu khóa bắt buộc "${key}" trong ${where}.`,
  schemaUnknownKey: (key, where, suggestion) =>
    `Khóa "${key}" không có trong định dạng kế hoạch (${where}).` + (suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ''),
  schemaWrongType: (key, expected) => `"${key}" phải là ${expected.map((t) => TYPE_NAMES[t]).join(' hoặc ')}.`,
  schemaBadArea: (value) => `Lĩnh vực "${value}" không hợp lệ: dùng số La Mã từ I đến VIII.`,
  schemaBadCode: (value) => `Mã tiêu chí "${value}" không đúng dạng: viết N.M (tiêu chí) hoặc N.M.K (tiêu chí thành phần), ví dụ "1.1", "3.2.2".`,
  schemaEmptyText: (key) => `"${key}" không được để trống.`,
  schemaYearRange: (min, max) => `Năm phải nằm trong khoảng ${min}–${max}.`,
  schemaOther: (key, detail) => `"${key}" không hợp lệ: ${detail}.`,
  where: (kind, path) =>
    ({
      root: 'kế hoạch',
      plan: 'thông tin chung (plan)',
      section: `phần ${path.section ?? '?'}`,
      item: `mục ${path.item ?? '?'} của phần ${path.section ?? '?'}`,
      task: `nhiệm vụ ${path.task ?? '?'}, mục ${path.item ?? '?'} của phần ${path.section ?? '?'}`,
    })[kind],

  missingLead: (empty) =>
    empty ? 'Nhiệm vụ chưa có đơn vị chủ trì: "lead" đang để trống.' : 'Nhiệm vụ chưa có đơn vị chủ trì (thiếu khóa "lead").',
  missingDeadline: (empty) =>
    empty ? 'Nhiệm vụ chưa có thời hạn hoàn thành: "deadline" đang để trống.' : 'Nhiệm vụ chưa có thời hạn hoàn thành (thiếu khóa "deadline").',
  unknownCriterion: (code, complete, suggestions, areaExists) =>
    (!areaExists
      ? `Mã "${code}" không thuộc lĩnh vực nào của Bộ Chỉ số (chỉ có lĩnh vực 1–8).`
      : complete
        ? `Mã "${code}" không có trong danh mục tiêu chí.`
        : `Mã "${code}" không có trong danh mục tiêu chí đi kèm (danh mục chưa đầy đủ; dùng tệp danh mục chính thức để kiểm tra chắc chắn).`) +
    (suggestions.length ? ` Có phải ý bạn là ${list(suggestions)}?` : ''),
  criterionAreaMismatch: (code, codeArea, sectionArea) =>
    `Tiêu chí "${code}" thuộc lĩnh vực ${codeArea} nhưng đang nằm trong phần ${sectionArea}.`,
  criterionNotString: (written, readAs) =>
    `Mã "${written}" chưa đặt trong dấu nháy nên YAML đọc thành số ${readAs}` +
    (written !== readAs ? ` (mất chữ số 0: "${written}" thành ${readAs})` : '') +
    `. Hãy viết "${written}".`,
  duplicateCriterionInItem: (code) => `Mã "${code}" bị liệt kê hai lần trong cùng một mục.`,
  duplicateCriterionInPlan: (code, firstWhere) => `Tiêu chí "${code}" đã có ở ${firstWhere}; gộp các nhiệm vụ vào một mục.`,
  firstMention: () => 'Lần xuất hiện đầu tiên',
  unknownUnit: (text, suggestions) =>
    `Không nhận ra đơn vị "${text}" trong danh mục đơn vị.` + (suggestions.length ? ` Có phải ý bạn là ${list(suggestions)}?` : ''),
  unitSpelling: (written, preferred, issue) =>
    ({
      abbreviation: `"${written}" là tên viết tắt; nên viết đầy đủ "${preferred}".`,
      accents: `"${written}" viết sai hoặc thiếu dấu; tên đúng là "${preferred}".`,
      case: `"${written}" viết hoa chưa đúng; tên đúng là "${preferred}".`,
    })[issue],
  unitSuperseded: (name, validTo, successors, basis, note) =>
    `"${name}" chỉ hoạt động đến hết ngày ${validTo}, trong khi ${basis}.` +
    (successors.length ? ` Đơn vị kế nhiệm: ${list(successors)}.` : ' Đơn vị này không có đơn vị kế nhiệm.') +
    (note ? ` ${note}` : ''),
  unitNeverOfficial: (name, successors) =>
    `"${name}" là tên dự kiến, không được dùng chính thức.` + (successors.length ? ` Tên chính thức: ${list(successors)}.` : ''),
  unitNotYetValid: (name, validFrom, basis) => `"${name}" chỉ có từ ngày ${validFrom}, trong khi ${basis}.`,
  supersededBasisDeadline: (deadline) => `thời hạn của nhiệm vụ là "${deadline}"`,
  supersededBasisYear: (year) => `kế hoạch thực hiện trong năm ${year}`,
  flowListSplit: (joined) =>
    `Danh sách [ ] đã bị tách tại dấu phẩy: YAML đọc "${joined}" thành nhiều đơn vị. Hãy đặt tên trong dấu nháy: ["${joined}"].`,
  invalidDeadline: (text, problem) => `Thời hạn "${text}" không hợp lệ: ${problem}`,
  deadlineProblem: (problem, year = 2023) =>
    ({
      empty: 'để trống.',
      unrecognized: `không nhận ra cách viết. Ví dụ đúng: "Năm ${year}", "Quý IV/${year}", "Tháng 12/${year}", "Trước 15/12/${year}", "Thường xuyên".`,
      'bad-date': 'ngày không tồn tại.',
      'bad-month': 'tháng phải từ 1 đến 12.',
      'bad-quarter': 'quý phải từ I đến IV.',
      'bad-range': 'thời điểm bắt đầu sau thời điểm kết thúc.',
    })[problem],
  deadlineOutsideYear: (text, year, end) => `Thời hạn "${text}" (đến ${end}) nằm ngoài năm kế hoạch ${year}.`,

  fixQuoteCode: (code) => `Đặt mã trong dấu nháy: "${code}"`,
  fixReplaceWith: (text) => `Thay bằng "${text}"`,
  fixRemoveDuplicate: (code) => `Xóa mã "${code}" bị lặp`,
  fixJoinFlowList: (joined) => `Gộp lại thành "${joined}"`,
  fixNormalizeDeadline: (text) => `Viết lại thời hạn: "${text}"`,
  fixRenameKey: (key) => `Đổi tên khóa thành "${key}"`,
  fixUseSuccessor: (name) => `Thay bằng đơn vị kế nhiệm "${name}"`,

  actionAddLead: () => 'Thêm đơn vị chủ trì',
  actionAddDeadline: () => 'Thêm thời hạn',
  placeholderUnit: () => 'Tên đơn vị',
  actionMoveItem: (area) => `Chuyển mục sang phần ${area}`,
  actionSplitUnitList: () => 'Tách thành danh sách đơn vị',
  actionDisableForLine: (code) => `Tắt ${code} cho dòng này`,
  actionFixAll: () => 'Sửa tất cả lỗi có thể sửa an toàn',
  taskWithoutText: () => '(nhiệm vụ chưa có nội dung)',
  sectionWithoutArea: () => '(phần chưa có lĩnh vực)',
  itemWithoutCode: () => '(không có mã tiêu chí)',

  statusName: (status) => ({ 'not-started': 'chưa thực hiện', 'in-progress': 'đang thực hiện', done: 'hoàn thành', dropped: 'không thực hiện' })[status],
  periodName: (p) =>
    ({
      year: `năm ${p.year}`,
      half: `6 tháng ${p.n === 1 ? 'đầu' : 'cuối'} năm ${p.year}`,
      quarter: `Quý ${['', 'I', 'II', 'III', 'IV'][p.n]}/${p.year}`,
      month: `tháng ${p.n}/${p.year}`,
      week: `tuần từ ${vi.day(p.start)} đến ${vi.day(p.end)}`,
    })[p.unit],
  overdue: (deadline, end, days) => `Nhiệm vụ quá hạn ${days} ngày: thời hạn "${deadline}" đã hết ngày ${end} mà chưa hoàn thành.`,
  overdueReport: (deadline, period, days) => `Chưa có báo cáo tiến độ cho ${period} (thời hạn "${deadline}"; kỳ đã kết thúc ${days} ngày).`,
  dueSoon: (deadline, end, days) =>
    days === 0 ? `Nhiệm vụ đến hạn hôm nay (${end}, thời hạn "${deadline}").` : `Nhiệm vụ còn ${days} ngày đến hạn (${end}, thời hạn "${deadline}").`,
  doneLate: (done, end, days) => `Hoàn thành ngày ${done}, chậm ${days} ngày so với thời hạn (${end}).`,
  doneWithoutDate: () => 'Nhiệm vụ đã hoàn thành nhưng chưa ghi ngày hoàn thành ("done").',
  droppedWithoutReason: () => 'Nhiệm vụ không thực hiện nhưng chưa ghi lý do ("note").',
  invalidStatus: (text, suggestion) =>
    `Trạng thái "${text}" không hợp lệ: dùng "chưa thực hiện", "đang thực hiện", "hoàn thành" hoặc "không thực hiện".` +
    (suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ''),
  invalidDay: (key, text) => `${key === 'done' ? 'Ngày hoàn thành' : 'Ngày báo cáo'} "${text}" không phải một ngày hợp lệ; viết ví dụ 15/6/2026 hoặc 2026-06-15.`,
  actionMarkDone: () => 'Đánh dấu hoàn thành',
  unitDataUsed: (province, overlays, userOverlay) =>
    `Danh mục đã dùng: dữ liệu chung` + (province ? ` cho ${province}` : ' (chưa xác định được tỉnh từ "plan.issuer")') +
    (overlays.length ? `, bổ sung ${list(overlays)}` : '') + '.' +
    (userOverlay
      ? ` Nếu đây là đơn vị có thật của địa phương, thêm vào tệp bổ sung "${userOverlay}".`
      : ' Nếu đây là đơn vị có thật của địa phương, tạo tệp bổ sung bằng lệnh "par-plan units init" rồi khai báo "registry" trong .par-plan.json.'),
  unitOfOtherProvince: (text, named, ours, mergedIntoOurs) =>
    `"${text}" mang tên ${named}` +
    (mergedIntoOurs && ours ? `, đã hợp nhất vào ${ours} từ 1/7/2025.` : ours ? `, nhưng kế hoạch do ${ours} ban hành.` : '.'),
  issuerSucceeded: (named, successor, lastDay, year) =>
    `${named} chỉ tồn tại đến hết ngày ${lastDay}; kế hoạch năm ${year} thuộc ${successor}.`,
  unknownUnitSuggestion: (suggestions) => `Có phải ý bạn là ${list(suggestions)}?`,
  deadlineOnlyCurlyQuotes: (inner) => `Chỉ do dấu nháy cong dán từ Word: "${inner}" là thời hạn hợp lệ.`,
  pastedCharacter: (kind, shown) =>
    ({
      nbsp: `Khoảng trắng không ngắt dòng (dán từ Word) trong "${shown}".`,
      'zero-width': `Ký tự vô hình (dán từ Word) trong "${shown}".`,
      'curly-quotes': `Dấu nháy cong (dán từ Word) bao quanh ${shown}: YAML giữ chúng trong giá trị.`,
      bullet: `Dấu đầu dòng (dán từ Word) trước tên đơn vị "${shown}".`,
    })[kind],
  fixPastedCharacter: (kind) =>
    ({ nbsp: 'Thay bằng khoảng trắng thường', 'zero-width': 'Xóa ký tự vô hình', 'curly-quotes': 'Đổi thành dấu nháy thẳng', bullet: 'Xóa dấu đầu dòng' })[kind],
  actionAddUnitToOverlay: (name, file) => `Thêm "${name}" vào danh mục bổ sung ${file} (cần xác nhận)`,
  points: (n) => String(n).replace('.', ','),
  resultsScore: (obtained, max, year, lost) => `đạt ${vi.points(obtained)}/${vi.points(max)} điểm năm ${year}` + (lost > 0 ? ` (mất ${vi.points(lost)})` : ''),
  uncoveredLoss: (code, name, lost, obtained, max, year, parent) =>
    `Điểm bị mất chưa có trong kế hoạch: ${code}${name ? ` «${name}»` : ''} ${vi.resultsScore(obtained, max, year, lost)}; không mục nào nêu mã ${code}${parent ? ` hay tiêu chí ${parent}` : ''}.`,
  noLoss: (code, obtained, max, year) =>
    `Tiêu chí ${code} không bị mất điểm năm ${year}` + (obtained !== undefined && max !== undefined ? ` (đạt ${vi.points(obtained)}/${vi.points(max)})` : '') + '; mục này không khắc phục điểm bị trừ nào.',
  resultsYear: (resultsYear, indexYear, file) => `Kết quả ${file} là của năm ${resultsYear}, không phải năm ${indexYear} (index-year của kế hoạch).`,
  resultsIssuer: (resultsIssuer, planIssuer, file) => `Kết quả ${file} là của "${resultsIssuer}", không phải "${planIssuer}".`,
  resultsFile: (file, problem) => `Không dùng được tệp kết quả ${file}: ${problem}`,

  internalError: (step, detail) =>
    `Lỗi nội bộ của par-plan, xin báo lại: ${typeof step === 'object' ? ('rule' in step ? `khi chạy quy tắc ${step.rule}` : `khi trả lời yêu cầu ${step.feature} của trình soạn thảo`) : step === 'plainData' ? 'khi đọc dữ liệu của tài liệu' : 'khi phân tích tài liệu'}: ${detail}. Các kiểm tra khác của tệp này có thể chưa đầy đủ.`,
};
