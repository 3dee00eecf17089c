// Unit recognition: names, abbreviations, accent-free spellings, group phrases, phrases made of
// known parts, qualifiers, shared heads, and the 2025 successors.

import { describe, expect, it } from 'vitest';
import baseFile from '../../schemas/units/base.json';
import haTinhFile from '../../schemas/units/ha-tinh.json';
import { bundledUnits } from '../../server/src/engine/data/bundled';
import { checkRegistryFile, successorsOn, suggestUnits } from '../../server/src/engine/data/registry';
import { registryFor } from '../../server/src/engine/data/unit-data';
import { matchUnitPhrase, preferredSpelling, spellingIssue } from '../../server/src/engine/data/unit-phrase';

const registry = registryFor(bundledUnits(), 'UBND tỉnh Hà Tĩnh');
const read = (text: string) =>
  matchUnitPhrase(registry, text).map((p) => (p.kind === 'known' ? p.unitIds.join('+') + (p.qualifier ? ` [${p.qualifier.text}]` : '') : `?${p.text}`));

describe('unit registry file', () => {
  it('is valid: the base alone, the Hà Tĩnh overlay over it', () => {
    expect(checkRegistryFile(baseFile)).toEqual([]);
    expect(checkRegistryFile(haTinhFile, new Set(baseFile.units.map((u) => u.id)))).toEqual([]);
    // Alone, the overlay's units lack names and kinds.
    expect(checkRegistryFile(haTinhFile).length).toBeGreaterThan(0);
  });

  it('reports broken registry files precisely', () => {
    expect(checkRegistryFile(null)).toHaveLength(1);
    const problems = checkRegistryFile({ id: 'x', units: [{ id: 'a', name: 'A', kind: 'sở' }, { id: 'a', name: '', kind: 'group', successors: ['zzz'], validTo: '1/3/2025' }] });
    expect(problems.map((p) => p.path)).toEqual(['units[0].kind', 'units[1].id', 'units[1].name', 'units[1].validTo', 'units[1].successors[0]']);
  });

  it('has no two units sharing one spelling', () => {
    const seen = new Map<string, string>();
    for (const alias of registry.aliases) {
      const key = alias.tokens.join(' ');
      const owner = alias.unitIds.join('+');
      if (seen.has(key)) expect(seen.get(key), key).toBe(owner);
      seen.set(key, owner);
    }
  });
});

describe('reading unit phrases', () => {
  const cases: [string, string[]][] = [
    ['Sở Nội vụ', ['so-noi-vu']],
    ['SNV', ['so-noi-vu']],
    ['so noi vu', ['so-noi-vu']],
    ['SỞ NỘI VỤ', ['so-noi-vu']],
    ['Sở Kế hoạch và\n Đầu tư', ['so-ke-hoach-dau-tu']],
    ['Sở KH&ĐT', ['so-ke-hoach-dau-tu']],
    ['Sở Lao động – Thương binh và Xã hội', ['so-ldtbxh']],
    ['Sở Nội vụ và các Sở, ngành chủ trì các lĩnh vực CCHC', ['so-noi-vu', 'so-ban-nganh [chủ trì các lĩnh vực CCHC]']],
    ['Sở, ban, ngành cấp tỉnh; UBND cấp huyện và các cơ quan liên quan', ['so-ban-nganh', 'ubnd-cap-huyen', 'co-quan-don-vi-lien-quan']],
    ['UBND cấp huyện, cấp xã và các cơ quan, đơn vị liên quan', ['ubnd-cap-huyen+ubnd-cap-xa', 'co-quan-don-vi-lien-quan']],
    ['Sở, ban ngành, đoàn thể cấp tỉnh; UBND cấp huyện, xã', ['so-ban-nganh-doan-the', 'ubnd-cap-huyen+ubnd-cap-xa']],
    ['Tất cả các đơn vị có TTHC tiếp nhận qua Cổng Thông tin dịch vụ công trực tuyến của tỉnh', ['co-quan-don-vi-lien-quan [có TTHC tiếp nhận qua Cổng Thông tin dịch vụ công trực tuyến của tỉnh]']],
    ['Sở Kế hoạch và Đầu tư phối hợp theo dõi, đôn đốc, tổng hợp các chỉ tiêu', ['so-ke-hoach-dau-tu [phối hợp theo dõi, đôn đốc, tổng hợp các chỉ tiêu]']],
    ['Văn phòng UBND tỉnh, các cơ quan, đơn vị liên quan', ['vp-ubnd-tinh', 'co-quan-don-vi-lien-quan']],
    ['Ban Quản lý Khu kinh tế tỉnh và các đơn vị, địa phương liên quan', ['bql-kkt', 'co-quan-don-vi-lien-quan']],
    ['Các Sở: Tài chính, Tư pháp, Thông tin và Truyền thông, Văn phòng UBND tỉnh', ['so-tai-chinh', 'so-tu-phap', 'so-tt-tt', 'vp-ubnd-tinh']],
    ['Sở, ban, ngành cấp tỉnh có liên quan', ['so-ban-nganh [có liên quan]']],
    ['Sở Nội vụx', ['?Sở Nội vụx']],
    ['Hội Phụ nữ tỉnh, Sở Y tế', ['?Hội Phụ nữ tỉnh', 'so-y-te']],
    ['', []],
    [';;, ,', []],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => expect(read(text)).toEqual(expected));
  }

  it('points at each part exactly', () => {
    const text = 'Sở Tư pháp; Sở Nội vụx';
    const parts = matchUnitPhrase(registry, text);
    expect(parts.map((p) => text.slice(p.range.start, p.range.end))).toEqual(['Sở Tư pháp', 'Sở Nội vụx']);
  });
});

describe('spelling', () => {
  const issue = (text: string) => {
    const [part] = matchUnitPhrase(registry, text);
    const isGroup = part.unitIds.every((id) => registry.units.get(id)!.kind === 'group');
    const found = spellingIssue(part, registry);
    return found ? `${found} → ${preferredSpelling(part, registry.units.get(part.unitIds[0])!.name, isGroup)}` : 'ok';
  };
  it.each([
    ['Sở Nội vụ', 'ok'],
    ['sở Nội vụ', 'ok'],
    ['SNV', 'abbreviation → Sở Nội vụ'],
    ['so noi vu', 'accents → Sở Nội vụ'],
    ['Sở Nôi vụ', 'accents → Sở Nội vụ'],
    ['Sở nội vụ', 'case → Sở Nội vụ'],
    ['Sở Văn hoá, Thể thao và Du lịch', 'ok'],
    ['Văn phòng Uỷ ban nhân dân tỉnh', 'ok'],
    ['sở, ban, ngành cấp tỉnh', 'ok'],
    ['SỞ, BAN, NGÀNH CẤP TỈNH', 'ok'],
    ['so, ban, nganh cap tinh', 'accents → sở, ban, ngành cấp tỉnh'],
  ])('%s', (text, expected) => expect(issue(text)).toBe(expected));
});

describe('successors', () => {
  it('follows renames to the unit in force on a day', () => {
    expect(successorsOn(registry, 'cuc-thue-tinh', '2025-04-01').map((u) => u.name)).toEqual(['Chi cục Thuế khu vực']);
    expect(successorsOn(registry, 'cuc-thue-tinh', '2025-12-31').map((u) => u.name)).toEqual(['Thuế tỉnh Hà Tĩnh']);
    expect(successorsOn(registry, 'so-tt-tt', '2025-12-31').map((u) => u.name)).toEqual(['Sở Khoa học và Công nghệ']);
    expect(successorsOn(registry, 'ubnd-cap-huyen', '2025-12-31')).toEqual([]);
  });

  it('suggests the closest names for an unknown phrase', () => {
    expect(suggestUnits(registry, 'Sở Nội vụx')[0].name).toBe('Sở Nội vụ');
    expect(suggestUnits(registry, 'So Tai chinh')[0].name).toBe('Sở Tài chính');
    expect(suggestUnits(registry, 'Công ty ABC')).toEqual([]);
  });
});
