// `par-plan units init`: a starter overlay for the province, from the unit names its plans (or a Word
// appendix) use that the registry does not know. Thin: the list is the engine's starterOverlay; this
// file reads the inputs and writes the overlay safely.
//
//   par-plan units init [kế-hoạch.par.yaml|thư-mục|phụ-lục.docx|phụ-lục.txt ...] [-o par-units.json] [--force]

import { basename, extname, relative, resolve } from 'node:path';
import { PlanAnalysis, DEFAULT_OPTIONS, starterOverlay, unitIdsOf, type Locale, type UnitData } from '../engine';
import { NodeHost, collectPlanFiles, nodeFiles, readPlanFile } from '../host/node-host';
import { OutputExists, writeFileSafely } from '../host/safe-write';
import { importPlanDocx } from '../word/docx-import';
import { decodeText } from '../word/text-helpers';
import { importPlanText } from '../word/text-import';
import type { CliIo } from './main';
import { cliText, readOptions } from './text';

interface UnitsText {
  usage: string;
  written(path: string, count: number, province: string | undefined): string;
  nextSteps(path: string): string;
  nothingUnknown(files: number): string;
  exists(path: string): string;
  cannotWrite(path: string, detail: string): string;
  unreadable(path: string, detail: string): string;
  noInputs(): string;
}

const vi: UnitsText = {
  usage: `Cách dùng: par-plan units init [kế-hoạch.par.yaml|thư-mục|phụ-lục.docx|phụ-lục.txt ...] [tùy chọn]

Viết tệp danh mục đơn vị bổ sung (par-units.json) cho tỉnh, gồm mọi tên đơn vị mà các kế hoạch dùng
nhưng danh mục chưa có. Mỗi đơn vị có ghi chú "CẦN XÁC NHẬN" để người soạn kiểm tra.

Tùy chọn:
  -o, --output <tệp>     Tệp ra (mặc định: par-units.json)
  --force                Ghi đè tệp đã có
  --config <tệp>         Tệp cấu hình (mặc định: .par-plan.json gần nhất)
  --locale vi|en         Ngôn ngữ thông báo (mặc định: vi)
`,
  written: (path, count, province) => `Đã ghi ${count} đơn vị cần xác nhận vào ${path}` + (province ? ` (${province}).` : '.'),
  nextSteps: (path) => `Kiểm tra từng đơn vị, rồi khai báo "registry": "${path}" trong .par-plan.json.`,
  nothingUnknown: (files) => `Mọi tên đơn vị trong ${files} tệp đều có trong danh mục: không có gì để ghi.`,
  exists: (path) => `${path} đã có; dùng --force để ghi đè.`,
  cannotWrite: (path, detail) => `Không ghi được ${path}: ${detail}`,
  unreadable: (path, detail) => `Không đọc được ${path}: ${detail}`,
  noInputs: () => 'Không tìm thấy kế hoạch (*.par.yaml) hay phụ lục (.docx, .txt) nào.',
};

const en: UnitsText = {
  usage: `Usage: par-plan units init [plan.par.yaml|folder|appendix.docx|appendix.txt ...] [options]

Writes an overlay of the unit registry (par-units.json) for the province, with every unit name the
plans use that the registry does not know. Each unit carries a "TO CONFIRM" note for the author.

Options:
  -o, --output <file>    Output file (default: par-units.json)
  --force                Overwrite an existing file
  --config <file>        Config file (default: the nearest .par-plan.json)
  --locale vi|en         Message language (default: vi)
`,
  written: (path, count, province) => `Wrote ${count} unit(s) to confirm to ${path}` + (province ? ` (${province}).` : '.'),
  nextSteps: (path) => `Check each unit, then add "registry": "${path}" to .par-plan.json.`,
  nothingUnknown: (files) => `Every unit name in ${files} file(s) is in the registry: nothing to write.`,
  exists: (path) => `${path} exists; use --force to overwrite it.`,
  cannotWrite: (path, detail) => `Cannot write ${path}: ${detail}`,
  unreadable: (path, detail) => `Cannot read ${path}: ${detail}`,
  noInputs: () => 'No plans (*.par.yaml) or appendices (.docx, .txt) found.',
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const shown = (path: string, cwd: string) => {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
};

export async function runUnits(argv: string[], io: CliIo): Promise<number> {
  const read = readOptions(
    argv,
    { output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, config: { type: 'string' } },
    (locale) => (locale === 'en' ? en : vi).usage,
    io,
  );
  if (typeof read === 'number') return read;
  const { values, positionals, locale } = read;
  const t = locale === 'en' ? en : vi;
  const [sub, ...inputs] = positionals;
  if (sub !== 'init') {
    io.err(`${cliText(locale).badOption(sub ?? 'units')}\n\n${t.usage}`);
    return 2;
  }
  const appendices = inputs.filter((p) => /\.(docx|txt)$/i.test(p));
  const planArgs = inputs.filter((p) => !appendices.includes(p));
  const collected = planArgs.length || !appendices.length ? collectPlanFiles(planArgs.length ? planArgs : ['.'], io.cwd) : { files: [], missing: [] };
  for (const path of collected.missing) io.err(`${cliText(locale).missingPath(path)}\n`);
  if (collected.missing.length) return 2;

  const host = new NodeHost(values.config ? resolve(io.cwd, values.config) : undefined, [io.cwd]);
  const options = { ...DEFAULT_OPTIONS, locale };
  const plans: { label: string; analysis: PlanAnalysis }[] = [];
  let units: UnitData | undefined;
  const add = (path: string, text: string) => {
    const settings = host.settingsFor(path);
    units ??= settings.data.units;
    plans.push({ label: shown(path, io.cwd), analysis: new PlanAnalysis(text, settings.data, options) });
  };
  for (const file of collected.files) {
    const read = readPlanFile(file);
    if ('error' in read) {
      io.err(`${t.unreadable(shown(file, io.cwd), read.error)}\n`);
      return 2;
    }
    add(file, read.text);
  }
  for (const input of appendices) {
    const path = resolve(io.cwd, input);
    let bytes: Uint8Array | undefined;
    try {
      bytes = nodeFiles.readFile(path);
    } catch (error) {
      io.err(`${t.unreadable(input, message(error))}\n`);
      return 2;
    }
    if (!bytes) {
      io.err(`${cliText(locale).missingPath(input)}\n`);
      return 2;
    }
    const imported = extname(path).toLowerCase() === '.docx' ? await importPlanDocx(bytes, { source: basename(path) }) : { ...importPlanText(decodeText(bytes), { source: basename(path) }), fatal: false };
    if (imported.fatal) {
      io.err(`${t.unreadable(input, imported.problems.map((p) => p.message).join('; '))}\n`);
      return 2;
    }
    add(path, imported.yaml);
  }
  if (!plans.length || !units) {
    io.err(`${t.noInputs()}\n`);
    return 2;
  }

  const overlay = starterOverlay(plans, unitIdsOf(units), locale);
  if (!overlay.unknown.length) {
    io.err(`${t.nothingUnknown(plans.length)}\n`);
    return 0;
  }
  const outPath = resolve(io.cwd, values.output || 'par-units.json');
  const outShown = shown(outPath, io.cwd);
  try {
    writeFileSafely(outPath, JSON.stringify(overlay.file, null, 2) + '\n', { force: values.force });
  } catch (error) {
    io.err(`${error instanceof OutputExists ? t.exists(outShown) : t.cannotWrite(outShown, message(error))}\n`);
    return 2;
  }
  io.err(`${t.written(outShown, overlay.unknown.length, overlay.province && `${overlay.province.form} ${overlay.province.name}`)}\n${t.nextSteps(basename(outPath))}\n`);
  return 0;
}
