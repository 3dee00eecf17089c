// .docx variants that offices produce, built in the tests, and bad inputs.

import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import fc from 'fast-check';
import { parse } from 'yaml';
import { exportPlanDocx } from '../../server/src/word/docx-export';
import { injectFaults } from '../../server/src/engine/faults';
import { importPlanDocx, roleOfHeader, type DocxImportResult } from '../../server/src/word/docx-import';
import { buildDocx, docxFromBodyXml, editDocumentXml, HEAD, SAMPLE_TEXT, STANDARD_BEFORE, STANDARD_HEADER_TABLE, type CellSpec } from './helpers';

const msgs = (r: DocxImportResult) => r.problems.map((p) => `${p.row}: ${p.message}`).join('\n');

async function importRows(rows: CellSpec[][], extra: { headerRows?: number } = {}) {
  const bytes = await buildDocx({ headerTable: STANDARD_HEADER_TABLE, before: STANDARD_BEFORE, tables: [{ rows, headerRows: extra.headerRows }] });
  return importPlanDocx(bytes);
}

const SECTION_I: CellSpec[] = ['I', { text: 'Chỉ đạo điều hành', span: 5 }];

describe('header of the document', () => {
  it('reads issuer, title, year, appendix and document from the lines above the table', async () => {
    const r = await importRows([HEAD, SECTION_I, ['1', '1.1 - Thực hiện Kế hoạch CCHC năm', 'Việc một', 'Sở Nội vụ', '', 'Năm 2024']]);
    expect(r.plan.plan).toEqual({
      title: 'Kế hoạch cải cách hành chính năm 2024',
      issuer: 'UBND tỉnh Quảng Trị',
      year: 2024,
      'index-year': 2023,
      document: 'Kế hoạch số 12/KH-UBND ngày 3/1/2024 của UBND tỉnh',
      appendix: 'Phụ lục I',
    });
    expect(r.problems).toEqual([]);
    expect(r.plan.sections[0].items[0]).toEqual({ criteria: ['1.1'], tasks: [{ task: 'Việc một', lead: ['Sở Nội vụ'], support: [], deadline: 'Năm 2024' }] });
  });

  it('keeps the case of a title and an issuer formatted in capitals (w:caps)', async () => {
    const bytes = await buildDocx({
      headerTable: [['Sở Nội vụ tỉnh Quảng Trị'], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Quảng Trị, ngày 5 tháng 1 năm 2024']],
      before: [{ text: 'Phụ lục 2a', caps: true }, { text: 'Nhiệm vụ CCHC của Sở Nội vụ năm 2024', caps: true }],
      tables: [{ rows: [HEAD, SECTION_I] }],
    });
    const r = await importPlanDocx(bytes);
    expect(r.plan.plan).toMatchObject({ title: 'Nhiệm vụ CCHC của Sở Nội vụ năm 2024', issuer: 'Sở Nội vụ tỉnh Quảng Trị', appendix: 'Phụ lục 2a', year: 2024 });
    expect(msgs(r)).not.toMatch(/không nhận dạng/);
  });

  it('reads the issuer | motto header typed with TABs instead of a table', async () => {
    const bytes = await buildDocx({
      before: ['ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỈNH THỪA THIÊN HUẾ\t\tĐộc lập – Tự do – Hạnh phúc', '', 'PHỤ LỤC', 'NHIỆM VỤ NĂM 2024'],
      tables: [{ rows: [HEAD, SECTION_I] }],
    });
    const r = await importPlanDocx(bytes);
    expect(r.problems).toEqual([]);
    expect(r.plan.plan).toMatchObject({ issuer: 'UBND tỉnh Thừa Thiên Huế', appendix: 'Phụ lục', title: 'Nhiệm vụ năm 2024' });
  });

  it('reads a title written in merged rows above the header row, inside the table', async () => {
    const bytes = await buildDocx({
      headerTable: STANDARD_HEADER_TABLE,
      tables: [{ rows: [[{ text: 'PHỤ LỤC II', span: 6 }], [{ text: 'NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025', span: 6 }], HEAD, SECTION_I, ['1', '1.1 - Thực hiện Kế hoạch CCHC năm', 'Việc', 'Sở Nội vụ', '', 'Năm 2025']] }],
    });
    const r = await importPlanDocx(bytes);
    expect(r.problems).toEqual([]);
    expect(r.plan.plan).toMatchObject({ appendix: 'Phụ lục II', title: 'Nhiệm vụ cải cách hành chính năm 2025', year: 2025, issuer: 'UBND tỉnh Quảng Trị' });
    expect(r.plan.sections[0].items[0].tasks[0].task).toBe('Việc');
  });

  it('reports what is missing, and text after the table, at row 0', async () => {
    const bytes = await buildDocx({ tables: [{ rows: [HEAD, SECTION_I] }], after: ['Ghi chú: các đơn vị báo cáo trước ngày 15/12.'] });
    const r = await importPlanDocx(bytes);
    expect(r.fatal).toBe(false);
    const m = msgs(r);
    expect(m).toMatch(/^0: Không tìm thấy tiêu đề/m);
    expect(m).toMatch(/^0: Không tìm thấy cơ quan ban hành/m);
    expect(m).toMatch(/^0: Đoạn văn sau bảng phụ lục .*«Ghi chú: các đơn vị báo cáo trước ngày 15\/12\.»/m);
    // the year comes from the task column heading when the title has none
    expect(r.plan.plan.year).toBe(2024);
  });
});

describe('column variants', () => {
  it('maps differently worded headers', () => {
    expect(roleOfHeader('Cơ quan chủ trì')).toBe('lead');
    expect(roleOfHeader('Cơ quan, đơn vị phối hợp')).toBe('support');
    expect(roleOfHeader('Thời gian thực hiện')).toBe('deadline');
    expect(roleOfHeader('Tiến độ hoàn thành')).toBe('deadline');
    expect(roleOfHeader('Nội dung nhiệm vụ')).toBe('task');
    expect(roleOfHeader('Giải pháp thực hiện')).toBe('task');
    expect(roleOfHeader('Sản phẩm')).toBe('product');
    expect(roleOfHeader('Ghi chú')).toBe('note');
    expect(roleOfHeader('Mã tiêu chí')).toBe('code');
    expect(roleOfHeader('TT')).toBe('stt');
    expect(roleOfHeader('Tiêu chí, tiêu chí thành phần')).toBe('criterion');
    expect(roleOfHeader('NỘI DUNG BỊ TRỪ ĐIỂM')).toBe('criterion');
    expect(roleOfHeader('Kinh phí')).toBeNull();
  });

  it('reads "Cơ quan chủ trì" / "Thời gian thực hiện" and extra "Sản phẩm" / "Ghi chú" columns', async () => {
    const r = await importRows([
      ['TT', 'Tiêu chí', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Sản phẩm', 'Ghi chú'],
      ['I', { text: 'Chỉ đạo điều hành', span: 7 }],
      ['1', '1.1 - Thực hiện Kế hoạch CCHC năm', 'Việc một', 'Sở Nội vụ', 'Các sở', 'Quý IV/2024', 'Báo cáo', 'Ưu tiên'],
      ['', '', 'Việc hai', 'Sở Tư pháp', '', 'Năm 2024', '', ''],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.plan.sections[0].items[0].tasks).toEqual([
      { task: 'Việc một', lead: ['Sở Nội vụ'], support: ['Các sở'], deadline: 'Quý IV/2024', product: 'Báo cáo', note: 'Ưu tiên' },
      { task: 'Việc hai', lead: ['Sở Tư pháp'], support: [], deadline: 'Năm 2024' },
    ]);
    expect(r.yaml).toContain('product: Báo cáo');
    expect(parse(r.yaml)).toStrictEqual(r.plan);
  });

  it('reports an unknown column per row, with its text, and keeps the rest', async () => {
    const r = await importRows([
      [...HEAD, 'Kinh phí (triệu đồng)'],
      ['I', { text: 'Chỉ đạo điều hành', span: 6 }],
      ['1', '1.1 - Thực hiện Kế hoạch CCHC năm', 'Việc một', 'Sở Nội vụ', '', 'Năm 2024', '150'],
    ]);
    const m = msgs(r);
    expect(m).toMatch(/^1: Cột 7 «Kinh phí \(triệu đồng\)» không thuộc định dạng/m);
    expect(m).toMatch(/^3: Nội dung ở cột không thuộc định dạng kế hoạch.*cột 7 \(«Kinh phí \(triệu đồng\)»\): «150»/m);
    expect(r.plan.sections[0].items[0].tasks[0].task).toBe('Việc một');
  });

  it('reads the code from its own column, one or several codes', async () => {
    const r = await importRows([
      ['STT', 'Mã tiêu chí', 'Tên tiêu chí bị trừ điểm', 'Nhiệm vụ, giải pháp', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn'],
      ['V', { text: 'Cải cách chế độ công vụ', span: 6 }],
      ['1', '5.4', 'Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức (bị trừ do có cán bộ bị kỷ luật)', 'Việc một', 'Sở Nội vụ', '', 'Năm 2024'],
      ['2', '5.2.3; 5.2.4', 'Tuyển dụng (điều tra xã hội học chưa đạt)', 'Việc hai', 'Sở Nội vụ', '', 'Năm 2024'],
      ['3', '5.5.2', '', 'Việc ba', 'Sở Nội vụ', '', 'Năm 2024'],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.plan.sections[0].items).toEqual([
      { criteria: ['5.4'], finding: 'bị trừ do có cán bộ bị kỷ luật', tasks: [{ task: 'Việc một', lead: ['Sở Nội vụ'], support: [], deadline: 'Năm 2024' }] },
      { criteria: ['5.2.3', '5.2.4'], name: 'Tuyển dụng', finding: 'điều tra xã hội học chưa đạt', tasks: [{ task: 'Việc hai', lead: ['Sở Nội vụ'], support: [], deadline: 'Năm 2024' }] },
      { criteria: ['5.5.2'], tasks: [{ task: 'Việc ba', lead: ['Sở Nội vụ'], support: [], deadline: 'Năm 2024' }] },
    ]);
  });

  it('reads several codes in one criterion cell', async () => {
    const r = await importRows([
      HEAD,
      ['V', { text: 'Cải cách chế độ công vụ', span: 5 }],
      ['1', '5.2.3 - Tính công khai, minh bạch trong tuyển dụng công chức, viên chức; 5.2.4 - Tình trạng tiêu cực trong công tác tuyển dụng công chức, viên chức (tiêu chí này chưa đạt điểm tối đa)', 'Việc', 'Sở Nội vụ', '', 'Năm 2024'],
    ]);
    expect(r.plan.sections[0].items[0]).toMatchObject({ criteria: ['5.2.3', '5.2.4'], finding: 'tiêu chí này chưa đạt điểm tối đa' });
    expect(r.plan.sections[0].items[0].name).toBeUndefined();
  });

  it('reads a two-row header ("Đơn vị thực hiện" over "Chủ trì" | "Phối hợp") and skips a column-number row', async () => {
    const r = await importRows([
      [{ text: 'STT', vMerge: 'restart' }, { text: 'Tiêu chí', vMerge: 'restart' }, { text: 'Nhiệm vụ', vMerge: 'restart' }, { text: 'Đơn vị thực hiện', span: 2 }, { text: 'Thời hạn', vMerge: 'restart' }],
      [{ vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }, 'Chủ trì', 'Phối hợp', { vMerge: 'continue' }],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
      SECTION_I,
      ['1', '1.1 - Thực hiện Kế hoạch CCHC năm', 'Việc', 'Sở Nội vụ', 'Sở Tư pháp', 'Năm 2024'],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.plan.sections[0].items[0].tasks[0]).toEqual({ task: 'Việc', lead: ['Sở Nội vụ'], support: ['Sở Tư pháp'], deadline: 'Năm 2024' });
  });
});

describe('row variants', () => {
  it('a vertically merged criterion cell: the rows below are tasks of the same item; a merged unit cell repeats', async () => {
    const r = await importRows([
      HEAD,
      SECTION_I,
      [{ text: '1', rowSpan: 3 }, { text: '1.7 - Thực hiện các nhiệm vụ do Chính phủ giao', rowSpan: 3 }, 'Việc một', { text: 'Văn phòng UBND tỉnh', rowSpan: 2 }, '', 'Năm 2024'],
      ['Việc hai', '', 'Quý II/2024'],
      ['Việc ba', 'Sở Nội vụ', '', ''],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.plan.sections[0].items).toHaveLength(1);
    expect(r.plan.sections[0].items[0].tasks).toEqual([
      { task: 'Việc một', lead: ['Văn phòng UBND tỉnh'], support: [], deadline: 'Năm 2024' },
      { task: 'Việc hai', lead: ['Văn phòng UBND tỉnh'], support: [], deadline: 'Quý II/2024' },
      { task: 'Việc ba', lead: ['Sở Nội vụ'], support: [], deadline: '' },
    ]);
  });

  it('multi-paragraph cells with "-" bullets, Word list bullets, line breaks and units on several lines', async () => {
    const r = await importRows([
      HEAD,
      SECTION_I,
      ['1', '1.1 - Thực hiện Kế hoạch CCHC năm\n(Mức độ đạt 98,2%)', { text: ['- Ý một', '- Ý hai', 'tiếp ý hai'] }, 'Sở Kế hoạch và\nĐầu tư; Sở Nội vụ', '', 'Năm\n2024'],
      ['', '', { text: ['Đôn đốc', 'Kiểm tra'], bullet: true }, 'Sở Nội vụ', '', 'Năm 2024'],
    ]);
    expect(r.problems).toEqual([]);
    const item = r.plan.sections[0].items[0];
    expect(item.finding).toBe('Mức độ đạt 98,2%');
    expect(item.tasks[0]).toEqual({ task: '- Ý một\n- Ý hai tiếp ý hai', lead: ['Sở Kế hoạch và Đầu tư', 'Sở Nội vụ'], support: [], deadline: 'Năm 2024' });
    expect(item.tasks[1].task).toBe('- Đôn đốc\n- Kiểm tra');
  });

  it('skips a header row repeated on the next page (w:tblHeader or a copy of the header text)', async () => {
    const r = await importRows(
      [
        HEAD,
        SECTION_I,
        ['1', '1.1 - Thực hiện Kế hoạch CCHC năm', 'Việc một', 'Sở Nội vụ', '', 'Năm 2024'],
        HEAD,
        ['2', '1.7 - Thực hiện các nhiệm vụ do Chính phủ giao', 'Việc hai', 'Văn phòng UBND tỉnh', '', 'Năm 2024'],
      ],
      { headerRows: 1 },
    );
    expect(r.problems).toEqual([]);
    expect(r.plan.sections[0].items.map((i) => i.criteria)).toEqual([['1.1'], ['1.7']]);
  });

  it('joins a table continued after a page break, with its repeated header and a row cut in two', async () => {
    const bytes = await buildDocx({
      headerTable: STANDARD_HEADER_TABLE,
      before: STANDARD_BEFORE,
      tables: [
        { rows: [HEAD, SECTION_I, ['1', '1.1 - Thực hiện Kế hoạch CCHC năm', 'Theo dõi, đôn đốc việc thực hiện', 'Sở Nội vụ', '', 'Năm 2024']] },
        { paragraphs: [''] },
        { rows: [HEAD, ['', '', 'các nhiệm vụ trong kế hoạch.', '', '', ''], ['2', '1.7 - Thực hiện các nhiệm vụ do Chính phủ giao', 'Việc hai', 'Văn phòng UBND tỉnh', '', 'Năm 2024']] },
      ],
    });
    const r = await importPlanDocx(bytes);
    const items = r.plan.sections[0].items;
    expect(items.map((i) => i.criteria)).toEqual([['1.1'], ['1.7']]);
    expect(items[0].tasks).toEqual([{ task: 'Theo dõi, đôn đốc việc thực hiện các nhiệm vụ trong kế hoạch.', lead: ['Sở Nội vụ'], support: [], deadline: 'Năm 2024' }]);
    const m = msgs(r);
    expect(m).toMatch(/^0: Bảng phụ lục bị chia thành 2 bảng/m);
    expect(m).toMatch(/^5: Dòng đầu của bảng tiếp theo .* nối vào dòng trước/m);
  });

  it('reads a section written in one cell ("I. Chỉ đạo điều hành")', async () => {
    const r = await importRows([HEAD, [{ text: 'II. Cải cách thể chế', span: 6 }], ['1', '2.4 - Chất lượng văn bản', 'Việc', 'Sở Tư pháp', '', 'Năm 2024']]);
    expect(r.plan.sections[0]).toMatchObject({ area: 'II', title: 'Cải cách thể chế' });
    expect(r.plan.sections[0].items).toHaveLength(1);
  });

  it('reports a row it cannot map, with its row number, without losing its text', async () => {
    const r = await importRows([
      HEAD,
      ['1', '1.1 - Thực hiện Kế hoạch CCHC năm', 'Việc trước phần', 'Sở Nội vụ', '', 'Năm 2024'],
      SECTION_I,
      ['a', '1.7 - Thực hiện các nhiệm vụ do Chính phủ giao', 'Việc hai', 'Văn phòng UBND tỉnh', '', 'Năm 2024'],
      ['IX', 'Phần lạ', '', '', '', ''],
      ['', '', '', 'Sở Tài chính', '', 'Năm 2024'],
    ]);
    const m = msgs(r);
    expect(m).toMatch(/^2: Dòng mục nằm trước phần I\.\.VIII đầu tiên.*«Việc trước phần»/m);
    expect(m).toMatch(/^4: Ô STT «a» không phải số thứ tự/m);
    expect(m).toMatch(/^5: Số La Mã «IX» không phải lĩnh vực/m);
    expect(m).toMatch(/^6: .*Ô nhiệm vụ\/giải pháp trống|^6: .*tiếp nối/m);
    expect(r.problems.every((p) => Number.isInteger(p.row) && p.row >= 0)).toBe(true);
  });
});

describe('hand-written WordprocessingML', () => {
  const p = (text: string, extra = '') => `<w:p>${extra}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const tc = (inner: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${inner}</w:tc>`;
  const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
  const grid = '<w:tblGrid>' + '<w:gridCol/>'.repeat(6) + '</w:tblGrid>';

  it('reads content controls, tracked changes, hyperlinks, fields, tabs, symbols, legacy hMerge and text boxes', async () => {
    const body =
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p('ỦY BAN NHÂN DÂN')}${p('TỈNH NGHỆ AN')}</w:txbxContent></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><w:txbxContent>${p('ỦY BAN NHÂN DÂN')}${p('TỈNH NGHỆ AN')}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
      p('NHIỆM VỤ NĂM 2025') +
      `<w:tbl>${grid}` +
      tr(...HEAD.map((h) => tc(p(h)))) +
      `<w:sdt><w:sdtContent>${tr(tc(p('I')), tc(p('Chỉ đạo'), '<w:hMerge w:val="restart"/>'), tc(p(''), '<w:hMerge/>'), tc(p(''), '<w:hMerge/>'), tc(p(''), '<w:hMerge/>'), tc(p(''), '<w:hMerge/>'))}</w:sdtContent></w:sdt>` +
      tr(
        tc(p('1')),
        tc(`<w:p><w:hyperlink r:id="x"><w:r><w:t>1.1 - Thực hiện Kế hoạch CCHC năm</w:t></w:r></w:hyperlink></w:p>`),
        tc(`<w:p><w:r><w:t>Việc</w:t></w:r><w:del><w:r><w:delText> đã xóa</w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve"> thêm</w:t></w:r></w:ins><w:r><w:tab/><w:t>sau tab</w:t></w:r><w:r><w:sym w:font="Symbol" w:char="F02D"/><w:t>x</w:t></w:r></w:p>`),
        tc(`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>MERGEFIELD don_vi</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Sở Nội vụ</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`),
        tc('<w:p/>'),
        tc(`<w:p><w:smartTag><w:r><w:t>Năm 2025</w:t></w:r></w:smartTag></w:p>`),
      ) +
      `</w:tbl>`;
    const r = await importPlanDocx(await docxFromBodyXml(body.replace(/r:id/g, 'id')));
    expect(r.plan.plan).toMatchObject({ issuer: 'UBND tỉnh Nghệ An', title: 'Nhiệm vụ năm 2025', year: 2025 });
    expect(r.plan.sections).toEqual([
      { area: 'I', title: 'Chỉ đạo', items: [{ criteria: ['1.1'], tasks: [{ task: 'Việc thêm sau tab-x', lead: ['Sở Nội vụ'], support: [], deadline: 'Năm 2025' }] }] },
    ]);
  });

  it('numbers Word list paragraphs from numbering.xml', async () => {
    const numbering =
      '<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const li = (t: string) => p(t, '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>');
    const body = `<w:tbl>${grid}${tr(...HEAD.map((h) => tc(p(h))))}${tr(tc(p('I')), tc(p('Chỉ đạo'), '<w:gridSpan w:val="5"/>'))}${tr(tc(p('1')), tc(p('1.1 - Tên')), tc(li('Một') + li('Hai')), tc(p('Sở A')), tc('<w:p/>'), tc(p('Năm 2025')))}</w:tbl>`;
    const r = await importPlanDocx(await docxFromBodyXml(body, { numberingXml: numbering }));
    expect(r.plan.sections[0].items[0].tasks[0].task).toBe('a) Một\nb) Hai');
  });

  it('tolerates broken XML: keeps what it could read and says so', async () => {
    const body = `<w:tbl>${grid}${tr(...HEAD.map((h) => tc(p(h))))}${tr(tc(p('I')), tc(p('Chỉ đạo'), '<w:gridSpan w:val="5"/>'))}<w:tr><w:tc><w:p><w:r><w:t>1`;
    const r = await importPlanDocx(await docxFromBodyXml(body));
    expect(r.fatal).toBe(false);
    expect(msgs(r)).toMatch(/lỗi XML/);
    expect(r.plan.sections[0].area).toBe('I');
  });
});

describe('bad input: a clear message, never an exception', () => {
  it('not a zip', async () => {
    const r = await importPlanDocx(new TextEncoder().encode('xin chào, đây không phải tệp Word'));
    expect(r.fatal).toBe(true);
    expect(r.problems).toEqual([{ row: 0, message: expect.stringMatching(/không phải tài liệu Word \.docx/) }]);
    expect(parse(r.yaml)).toStrictEqual({ plan: {}, sections: [] });
  });

  it('empty input, an old .doc, a damaged zip', async () => {
    expect((await importPlanDocx(new Uint8Array())).problems[0].message).toMatch(/rỗng/);
    expect((await importPlanDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).problems[0].message).toMatch(/Word 97-2003 \(\.doc\)/);
    const damaged = await importPlanDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]));
    expect(damaged.fatal).toBe(true);
    expect(damaged.problems[0].message).toMatch(/bị hỏng/);
    // @ts-expect-error not bytes at all
    expect((await importPlanDocx('abc')).fatal).toBe(true);
  });

  it('a zip without word/document.xml', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'x');
    const r = await importPlanDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(r.fatal).toBe(true);
    expect(r.problems[0].message).toMatch(/không có word\/document\.xml/);
  });

  it('a document with no table, or no table that looks like the appendix', async () => {
    const none = await importPlanDocx(await buildDocx({ before: ['Chỉ có chữ'], tables: [] }));
    expect(none.fatal).toBe(true);
    expect(none.problems[0].message).toMatch(/không có bảng nào/);
    const other = await importPlanDocx(await buildDocx({ tables: [{ rows: [['Họ tên', 'Điện thoại'], ['An', '0912']] }] }));
    expect(other.fatal).toBe(true);
    expect(other.problems[0].message).toMatch(/Không tìm thấy bảng phụ lục.*bảng 1: «Họ tên \| Điện thoại»/);
  });

  it('a table without a header row is read in the standard column order, and said so', async () => {
    const r = await importPlanDocx(await buildDocx({ tables: [{ rows: [SECTION_I, ['1', '1.1 - Thực hiện Kế hoạch CCHC năm', 'Việc', 'Sở Nội vụ', '', 'Năm 2024']] }] }));
    expect(r.fatal).toBe(false);
    expect(msgs(r)).toMatch(/không có dòng tiêu đề cột nhận dạng được/);
    expect(r.plan.sections[0].items[0].tasks[0].lead).toEqual(['Sở Nội vụ']);
  });

  /** Damaged exports of the sample import without an exception: a YAML text and positioned problems. */
  const damagedExportsImport = async (runs: number) => {
    const docx = await exportPlanDocx(SAMPLE_TEXT);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 5000 }), fc.boolean(), async (at, len, cut) => {
        const bad = await editDocumentXml(docx, (xml) => {
          const i = at % xml.length;
          return cut ? xml.slice(0, i) : xml.slice(0, i) + xml.slice(i + len);
        });
        const r = await importPlanDocx(bad);
        expect(typeof r.yaml).toBe('string');
        for (const p of r.problems) {
          expect(p.row).toBeGreaterThanOrEqual(0);
          expect(p.message).not.toMatch(/nội bộ|internal/i);
        }
      }),
      { numRuns: runs },
    );
  };

  it('never throws on a damaged export of the sample (random cuts and deletions in document.xml)', async () => {
    await damagedExportsImport(Number(process.env.FC_RUNS ?? 40));
  });

  it('the damaged-export check fails when the import has a bug (test-only fault)', async () => {
    injectFaults('import');
    try {
      const failure = await damagedExportsImport(5).then(() => undefined, (error: Error) => error);
      expect(failure?.message).toMatch(/^Property failed/);
      expect(String((failure?.cause as Error | undefined)?.message)).toMatch(/injected fault at import/);
    } finally {
      injectFaults(undefined);
    }
  });

  it('a damaged part inside the archive is a clear, fatal problem (not an internal error)', async () => {
    const raw = Buffer.from(await exportPlanDocx(SAMPLE_TEXT));
    // Flip bytes inside the compressed document.xml (its local header comes first): it does not inflate.
    const at = raw.indexOf(Buffer.from('word/document.xml')) + 'word/document.xml'.length + 200;
    expect(at).toBeGreaterThan(200);
    for (let i = 0; i < 64; i++) raw[at + i] ^= 0x5a;
    const r = await importPlanDocx(raw);
    expect(r.fatal).toBe(true);
    expect(r.problems[0].message).toMatch(/^Tệp \.docx bị hỏng, không giải nén được/);
  });
});
