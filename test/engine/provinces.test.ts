// Plans of other provincial governments: the national base, the issuer's province and its form,
// overlays that extend. Fixtures carry their expected findings inline; every hover and completion
// on them must name no other province.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { PlanAnalysis } from '../../server/src/engine';
import { DEFAULT_OPTIONS } from '../../server/src/engine/analysis';
import { bundledCatalog, bundledUnits } from '../../server/src/engine/data/bundled';
import { checkProvincesFile, provinceOfIssuer } from '../../server/src/engine/data/provinces';
import { checkRegistryFile, suggestUnits, type RegistryFile } from '../../server/src/engine/data/registry';
import { registryFor, unitIdsOf, withOverlay } from '../../server/src/engine/data/unit-data';
import { addUnitToOverlay } from '../../server/src/engine/starter-overlay';
import { matchUnitPhrase } from '../../server/src/engine/data/unit-phrase';
import { completionsAt } from '../../server/src/engine/features/completion';
import { hoverAt } from '../../server/src/engine/features/hover';
import { describeFinding, parseExpectations } from '../support/expectations';
import { analyze, located } from '../support/engine';
import { TYPED_PREFIXES, otherProvinceNames, ownProvinceOf, provinceFixtures, readProvinceFixture, unitEntries } from '../support/provinces';

const units = bundledUnits();
const read = (issuer: string, text: string) =>
  matchUnitPhrase(registryFor(units, issuer), text).map((p) =>
    p.kind === 'known' ? p.unitIds.join('+') + (p.qualifier ? ` [${p.qualifier.text}]` : '') : `?${p.text}` + (p.foreignProvince ? ` (${p.foreignProvince.id})` : ''),
  );

describe('province fixtures (engine)', () => {
  for (const name of provinceFixtures) {
    it(name, () => {
      const text = readProvinceFixture(name);
      const expected = parseExpectations(text);
      const actual = located(analyze(text));
      expect(actual.map(describeFinding).sort()).toEqual(expected.map(describeFinding).sort());
      for (const e of expected.filter((x) => x.messageIncludes)) {
        const match = actual.find((a) => describeFinding(a) === describeFinding(e));
        expect(match?.message, describeFinding(e)).toContain(e.messageIncludes);
      }
    });

    it(`${name}: hovers and completions name no other province`, () => {
      const text = readProvinceFixture(name);
      const own = ownProvinceOf(text);
      const analysis = analyze(text);
      const entries = unitEntries(text);
      expect(entries.length).toBeGreaterThanOrEqual(3);
      for (const entry of entries) {
        for (const into of [1, Math.floor(entry.text.length / 2), entry.text.length - 1]) {
          const hover = hoverAt(analysis, entry.offset + into);
          if (!hover) continue;
          const written = text.slice(hover.range.start, hover.range.end);
          expect(otherProvinceNames(hover.markdown, own, [written]), `hover on "${entry.text}"`).toEqual([]);
        }
      }
      const first = entries[0];
      let answered = 0;
      for (const typed of TYPED_PREFIXES) {
        const edited = text.slice(0, first.offset) + typed + text.slice(first.offset + first.text.length);
        const items = completionsAt(new PlanAnalysis(edited, analysis.data, DEFAULT_OPTIONS), first.offset + typed.length);
        if (items.length) answered++;
        for (const item of items) {
          const shown = [item.label, item.detail ?? '', item.documentation ?? '', item.edit.newText].join('\n');
          expect(otherProvinceNames(shown, own), `completion "${typed}" → ${item.label}`).toEqual([]);
        }
      }
      // "tinh doan" finds nothing in a city (its body is "Thành đoàn"), nor "thanh doan" in a tỉnh.
      expect(answered).toBeGreaterThanOrEqual(TYPED_PREFIXES.length - 1);
    });
  }
});

describe('the other-province check itself', () => {
  it('finds a proper name of another province, not our own, not a quoted one, not inside a word', () => {
    expect(otherProvinceNames('**Thuế tỉnh Hà Tĩnh** — Ủy ban nhân dân tỉnh Hà Tĩnh', 'Nghệ An')).toEqual(['Hà Tĩnh']);
    expect(otherProvinceNames('**Thuế tỉnh Nghệ An**', 'Nghệ An')).toEqual([]);
    expect(otherProvinceNames('"Thuế tỉnh Hà Tĩnh" mang tên tỉnh', 'Nghệ An', ['Thuế tỉnh Hà Tĩnh'])).toEqual([]);
    expect(otherProvinceNames('Thuế thành phố', 'Hải Phòng')).toEqual([]);
  });
});

describe('the issuer selects the province', () => {
  it.each([
    ['UBND tỉnh Nghệ An', 'nghe-an'],
    ['Ủy ban nhân dân thành phố Hải Phòng', 'hai-phong'],
    ['UBND TP. Hồ Chí Minh', 'ho-chi-minh'],
    ['UBND TP.HCM', 'ho-chi-minh'],
    ['Ủy ban nhân dân tỉnh Thừa Thiên Huế', 'thua-thien-hue'],
    ['UBND thành phố Huế', 'hue'],
    ['UBND tỉnh Bà Rịa - Vũng Tàu', 'ba-ria-vung-tau'],
    ['Văn phòng UBND tỉnh Hà Tĩnh', 'ha-tinh'],
  ])('%s', (issuer, id) => expect(provinceOfIssuer(units.provinces, issuer)?.id).toBe(id));

  it('knows 63 units before 1/7/2025 and 34 after, 6 of them cities', () => {
    const all = [...units.provinces.byId.values()];
    const on = (day: string) => all.filter((p) => (!p.validFrom || p.validFrom <= day) && (!p.validTo || p.validTo >= day));
    expect(on('2024-06-01')).toHaveLength(63);
    expect(on('2025-08-01')).toHaveLength(34);
    expect(on('2025-08-01').filter((p) => p.form === 'thành phố').map((p) => p.name).sort()).toEqual(['Cần Thơ', 'Huế', 'Hà Nội', 'Hải Phòng', 'Hồ Chí Minh', 'Đà Nẵng']);
    for (const p of all) if (p.mergedInto) expect(units.provinces.byId.get(p.mergedInto)?.merged?.from, p.id).toContain(p.id);
  });

  it('builds one registry per province and reuses it', () => {
    expect(registryFor(units, 'UBND tỉnh Nghệ An')).toBe(registryFor(units, 'Ủy ban nhân dân tỉnh Nghệ An'));
    expect(registryFor(units, 'UBND tỉnh Nghệ An')).not.toBe(registryFor(units, 'UBND tỉnh Hà Tĩnh'));
  });

  it('writes names in the province\'s form and with its proper name', () => {
    const city = registryFor(units, 'UBND thành phố Hải Phòng');
    expect(city.units.get('cong-an-tinh')?.name).toBe('Công an thành phố');
    expect(city.units.get('thue-tinh')?.name).toBe('Thuế thành phố Hải Phòng');
    expect(city.units.get('tinh-doan')?.name).toBe('Thành đoàn');
    // A city of a tỉnh (district level until 30/6/2025) is not the city itself.
    expect(city.units.has('ubnd-thanh-pho-thuoc-tinh')).toBe(false);
    expect(registryFor(units, 'UBND tỉnh Nghệ An').units.get('thue-tinh')?.name).toBe('Thuế tỉnh Nghệ An');
    expect(registryFor(units, 'UBND tỉnh Nghệ An').units.has('so-quy-hoach-kien-truc')).toBe(false);
    expect(registryFor(units, 'UBND thành phố Hà Nội').units.has('so-quy-hoach-kien-truc')).toBe(true);
    // No issuer: the tỉnh form, no proper name.
    expect(registryFor(units, undefined).units.get('thue-tinh')?.name).toBe('Thuế tỉnh');
    expect(registryFor(units, undefined).units.get('bao-tinh')?.name).toBe('Báo tỉnh');
  });

  it('keeps Hà Tĩnh\'s own notes out of other provinces', () => {
    expect(registryFor(units, 'UBND tỉnh Hà Tĩnh').units.get('ban-dan-toc')?.successors).toEqual(['so-noi-vu']);
    expect(registryFor(units, 'UBND tỉnh Nghệ An').units.get('ban-dan-toc')?.successors).toEqual(['so-dan-toc-ton-giao']);
    for (const unit of registryFor(units, 'UBND tỉnh Nghệ An').units.values()) expect(`${unit.name} ${unit.note ?? ''}`).not.toContain('Hà Tĩnh');
  });
});

describe('reading names in the plan\'s province', () => {
  const cases: [string, string, string[]][] = [
    ['UBND tỉnh Nghệ An', 'Thuế tỉnh Nghệ An', ['thue-tinh']],
    ['UBND tỉnh Nghệ An', 'UBND tỉnh Nghệ An', ['ubnd-tinh [Nghệ An]']],
    ['UBND tỉnh Nghệ An', 'Sở Nội vụ tỉnh Nghệ An', ['so-noi-vu [tỉnh Nghệ An]']],
    ['UBND tỉnh Nghệ An', 'Công an tỉnh Nghệ An và Bưu điện tỉnh Nghệ An', ['cong-an-tinh [Nghệ An]', 'buu-dien-tinh [Nghệ An]']],
    ['UBND tỉnh Nghệ An', 'Thuế tỉnh Hà Tĩnh', ['?Thuế tỉnh Hà Tĩnh (ha-tinh)']],
    ['UBND tỉnh Nghệ An', 'Thủ trưởng các sở, ban, ngành', ['so-ban-nganh']],
    ['UBND tỉnh Nghệ An', 'Giám đốc Sở Nội vụ', ['so-noi-vu']],
    ['UBND tỉnh Nghệ An', 'Chủ tịch UBND các xã, phường', ['ubnd-cap-xa']],
    ['UBND tỉnh Nghệ An', 'Báo và Phát thanh, Truyền hình Nghệ An', ['bao-ptth']],
    ['UBND tỉnh Nghệ An', 'Ban Quản lý Khu kinh tế Đông Nam Nghệ An', ['bql-kkt [Đông Nam Nghệ An]']],
    ['UBND tỉnh Nghệ An', 'Trường Chính trị tỉnh', ['truong-chinh-tri']],
    ['UBND tỉnh Nghệ An', 'Kho bạc Nhà nước khu vực XIII, Sở Tài chính', ['kbnn-kv [XIII]', 'so-tai-chinh']],
    ['UBND tỉnh Nghệ An', 'UBND huyện Nghi Lộc', ['ubnd-huyen [Nghi Lộc]']],
    ['Ủy ban nhân dân thành phố Hải Phòng', 'Các sở, ban, ngành thành phố; UBND các xã, phường, đặc khu', ['so-ban-nganh', 'ubnd-xa-phuong-dac-khu']],
    ['Ủy ban nhân dân thành phố Hải Phòng', 'Bưu điện thành phố Hải Phòng', ['buu-dien-tinh [Hải Phòng]']],
    ['Ủy ban nhân dân thành phố Hải Phòng', 'Ban Quản lý dự án đầu tư xây dựng các công trình giao thông thành phố và Sở Xây dựng', ['ban-qlda [đầu tư xây dựng các công trình giao thông thành phố]', 'so-xay-dung']],
    ['Ủy ban nhân dân thành phố Hải Phòng', 'UBND thành phố', ['ubnd-tinh']],
    ['UBND tỉnh Nghệ An', 'UBND thành phố Vinh', ['ubnd-thanh-pho-thuoc-tinh [Vinh]']],
  ];
  for (const [issuer, text, expected] of cases) {
    it(`${issuer}: ${text}`, () => expect(read(issuer, text)).toEqual(expected));
  }

  it('suggests names of the plan\'s level and form', () => {
    const city = registryFor(units, 'UBND thành phố Hải Phòng');
    expect(suggestUnits(city, 'Công an tỉnh').map((s) => s.name)).toEqual(['Công an thành phố']);
    const nghe = registryFor(units, 'UBND tỉnh Nghệ An');
    // A commune-level name is never "fixed" to the provincial centre.
    expect(suggestUnits(nghe, 'Trung tâm Phục vụ hành chính công xã Nghi Phong').map((s) => s.name)).not.toContain('Trung tâm Phục vụ hành chính công tỉnh');
  });
});

describe('overlays extend the bundled units', () => {
  const overlay = {
    id: 'nghe-an-user',
    province: 'nghe-an',
    units: [
      { id: 'so-noi-vu', variants: ['Sở Nội vụ tỉnh nhà'] },
      { id: 'trung-tam-xtdt', name: 'Trung tâm Xúc tiến đầu tư, thương mại và du lịch {tỉnh}', kind: 'provincial-agency' },
    ],
  };

  it('is checked against the units it extends', () => {
    expect(checkRegistryFile(overlay, unitIdsOf(units))).toEqual([]);
    expect(checkRegistryFile(overlay).map((p) => p.path)).toEqual(['units[0].name', 'units[0].kind']);
    expect(checkRegistryFile({ id: 'x', units: [{ id: 'a', name: 'Sở {Tinh}', kind: 'department' }] })[0].message).toContain('{Tinh}');
  });

  it('adds units and names, keeps the bundled ones, and applies to its province only', () => {
    const data = withOverlay(units, { file: overlay as unknown as RegistryFile, label: 'units.json', user: true });
    const nghe = registryFor(data, 'UBND tỉnh Nghệ An');
    expect(matchUnitPhrase(nghe, 'Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh; Sở Nội vụ tỉnh nhà; Sở Tư pháp').map((p) => p.unitIds[0])).toEqual([
      'trung-tam-xtdt', 'so-noi-vu', 'so-tu-phap',
    ]);
    expect(nghe.userOverlay).toBe('units.json');
    expect(registryFor(data, 'UBND tỉnh Hà Tĩnh').units.has('trung-tam-xtdt')).toBe(false);
  });

  it('tells in the unknown-unit message which data was used and where to add a unit', () => {
    const data = withOverlay(units, { file: overlay as unknown as RegistryFile, label: 'units.json', user: true });
    const plan = readProvinceFixture('nghe-an-2026.par.yaml').replace('- Sở Tư pháp', '- Hội Sinh vật cảnh tỉnh');
    const [finding] = new PlanAnalysis(plan, { catalog: bundledCatalog(), units: data }, DEFAULT_OPTIONS).findings().filter((f) => f.message.includes('Sinh vật cảnh'));
    expect(finding.message).toContain('tỉnh Nghệ An');
    expect(finding.message).toContain('"units.json"');
  });
});

describe('the data files and their schemas', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const json = (path: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', path), 'utf8'));
  const unitsSchema = ajv.compile(json('schemas/par-units.schema.json'));

  it('every bundled unit file and the provinces file are valid', () => {
    for (const file of ['schemas/units/base.json', ...readdirSync(join(__dirname, '..', '..', 'schemas', 'units')).map((f) => `schemas/units/${f}`)]) {
      expect(unitsSchema(json(file)), `${file}: ${ajv.errorsText(unitsSchema.errors)}`).toBe(true);
    }
    const provincesSchema = ajv.compile(json('schemas/par-provinces.schema.json'));
    expect(provincesSchema(json('schemas/provinces.json')), ajv.errorsText(provincesSchema.errors)).toBe(true);
    expect(checkProvincesFile(json('schemas/provinces.json'))).toEqual([]);
  });

  it('the schema and the checker refuse the same broken overlays', () => {
    const broken = [
      { id: 'x', units: [{ id: 'a', name: 'A', kind: 'sở' }] },
      { id: 'x', units: [{ id: 'a', name: 'A', kind: 'department', validTo: '1/3/2025' }] },
      { id: 'x', units: [{ id: 'a', name: 'A', kind: 'department', onlyForm: 'huyện' }] },
    ];
    for (const file of broken) {
      expect(unitsSchema(file), JSON.stringify(file)).toBe(false);
      expect(checkRegistryFile(file).length, JSON.stringify(file)).toBeGreaterThan(0);
    }
  });
});

describe('docs/units.md', () => {
  it('shows an overlay example that the checker and the schema accept', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'docs', 'units.md'), 'utf8');
    const example = JSON.parse(/```json\n(\{\n  "id"[\s\S]*?)```/.exec(text)![1]);
    expect(checkRegistryFile(example, unitIdsOf(units))).toEqual([]);
    const ajv = new Ajv({ allErrors: true, strict: false });
    expect(ajv.validate(JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'par-units.schema.json'), 'utf8')), example)).toBe(true);
  });
});

describe('adding a unit to an overlay file', () => {
  it('inserts at the top of "units", keeping the file as written, with a fresh id', () => {
    const text = '{\n  "id": "x",\n  // kept? no: JSON\n  "units": [\n    { "id": "hoi-a", "name": "Hội A", "kind": "organisation" }\n  ]\n}\n'.replace('  // kept? no: JSON\n', '');
    const edit = addUnitToOverlay(text, 'Hội A', unitIdsOf(units), 'vi', 'a.par.yaml:3')!;
    const updated = text.slice(0, edit.offset) + edit.newText + text.slice(edit.offset);
    const parsed = JSON.parse(updated);
    expect(parsed.units.map((u: { id: string }) => u.id)).toEqual(['hoi-a-2', 'hoi-a']);
    expect(updated.endsWith('{ "id": "hoi-a", "name": "Hội A", "kind": "organisation" }\n  ]\n}\n')).toBe(true);
    expect(addUnitToOverlay('{"id":"x"}', 'Hội A', unitIdsOf(units), 'vi', 'a')).toBeUndefined();
  });
});
