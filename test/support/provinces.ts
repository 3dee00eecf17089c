// Fixture plans of provincial governments other than Hà Tĩnh (test/fixtures/provinces), and the
// check every hover and completion answer on them must pass: no other province's proper name.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import provincesFile from '../../schemas/provinces.json';

export const provinceDir = join(__dirname, '..', 'fixtures', 'provinces');
export const provinceFixtures = readdirSync(provinceDir).filter((f) => f.endsWith('.par.yaml')).sort();
export const readProvinceFixture = (name: string) => readFileSync(join(provinceDir, name), 'utf8');

// Names that contain a province's name without being about the province.
const NOT_A_PROVINCE = [/Cộng sản Hồ Chí Minh/g];

/**
 * The proper names of other provinces an answer shows. `own` is the plan's province; `written` is
 * text the answer may quote from the document itself (the hovered part as the user wrote it).
 */
export function otherProvinceNames(answer: string, own: string, written: string[] = []): string[] {
  let text = answer;
  for (const w of written) text = text.split(w).join(' ');
  for (const re of NOT_A_PROVINCE) text = text.replace(re, ' ');
  return provincesFile.provinces
    .map((p) => p.name)
    .filter((name) => name !== own && !own.includes(name) && new RegExp(`(^|[^\\p{L}])${name}([^\\p{L}]|$)`, 'u').test(text));
}

/** Fragments a user starts a unit name with, for completion. */
export const TYPED_PREFIXES = ['thue', 'ubnd', 'cong an', 'bao', 'truong', 'trung tam', 'so', 'buu', 'ban quan ly', 'van phong', 'tinh doan', 'thanh doan', 'kho bac', 'uy ban', 'dai'];

/** The proper name of the fixture's issuer, from its `issuer:` line. */
export function ownProvinceOf(text: string): string {
  const issuer = /^\s*issuer:\s*(.+)$/m.exec(text)?.[1] ?? '';
  const found = provincesFile.provinces.map((p) => p.name).filter((n) => issuer.includes(n)).sort((a, b) => b.length - a.length)[0];
  if (!found) throw new Error(`no province in issuer "${issuer}"`);
  return found;
}

/** Every lead/support entry line (`- Sở Nội vụ`) of a plan: offset of the name and its text. */
export function unitEntries(text: string): { offset: number; text: string }[] {
  const out: { offset: number; text: string }[] = [];
  const re = /^( {14}- )(.+)$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ offset: m.index + m[1].length, text: m[2] });
  return out;
}
