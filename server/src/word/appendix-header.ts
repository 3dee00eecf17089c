// The lines above an appendix table: issuer, title, year, appendix name and document.

import type { ImportProblem } from './imported-plan';
import { isUpperCaseLine, lowerVi, normalizeSpace, quote, sentenceCaseTitle, titleCaseWords } from './text-helpers';

export interface HeaderInfo {
  title?: string;
  issuer?: string;
  placeName?: string;
  document?: string;
  documentHadBlanks?: boolean;
  appendix?: string;
  /** 1-based lines each field was read from (the .docx import uses them to keep the original case). */
  titleLines?: number[];
  issuerLines?: number[];
  appendixLine?: number;
  documentLine?: number;
}

export const MOTTO = [/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu, /^CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu, /^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$/iu];
const UBND_LINE = /^(?:ỦY|UỶ|UBND)(?: BAN NHÂN DÂN)?(?:\s+(TỈNH|THÀNH PHỐ)\s+(.+))?$/iu;
const PROVINCE_LINE = /^(TỈNH|THÀNH PHỐ)\s+(.+)$/iu;

function issuerFrom(kind: string, place: string): { issuer: string; placeName: string } {
  const placeName = titleCaseWords(normalizeSpace(place));
  return { issuer: `UBND ${lowerVi(kind)} ${placeName}`, placeName };
}

export function parseHeader(lines: string[], end: number, problems: ImportProblem[]): HeaderInfo {
  const info: HeaderInfo = {};
  const titleParts: string[] = [];
  const nonEmpty: { line: number; raw: string; text: string }[] = [];
  for (let i = 0; i < end; i++) {
    const text = normalizeSpace(lines[i]);
    if (text) nonEmpty.push({ line: i + 1, raw: lines[i], text });
  }
  /** Sets a header field once; a second, different value is reported instead of overwriting the first. */
  const setOnce = <K extends 'issuer' | 'appendix' | 'document'>(key: K, value: string, line: number, shown: string, extra?: Partial<HeaderInfo>) => {
    const had = info[key];
    if (had === undefined) {
      info[key] = value as HeaderInfo[K];
      Object.assign(info, extra);
    } else if (had !== value) {
      problems.push({ line, message: `Dòng đầu văn bản lặp lại thông tin đã có (${quote(String(had))}), không dùng: ${quote(shown)}` });
    }
  };
  for (let k = 0; k < nonEmpty.length; k++) {
    const { line, raw, text } = nonEmpty[k];
    if (MOTTO.some((re) => re.test(text))) continue;
    const ubnd = UBND_LINE.exec(text);
    if (ubnd && /BAN NHÂN DÂN|^UBND/iu.test(text) && isUpperCaseLine(text)) {
      if (ubnd[1]) {
        const { issuer, placeName } = issuerFrom(ubnd[1], ubnd[2]);
        setOnce('issuer', issuer, line, text, { placeName, issuerLines: [line] });
        continue;
      }
      const next = nonEmpty[k + 1];
      const prov = next ? PROVINCE_LINE.exec(next.text) : null;
      if (next && prov && isUpperCaseLine(next.text)) {
        const { issuer, placeName } = issuerFrom(prov[1], prov[2]);
        setOnce('issuer', issuer, line, `${text} ${next.text}`, { placeName, issuerLines: [line, next.line] });
        k++;
      } else {
        problems.push({ line, message: `Không tìm thấy tên tỉnh sau dòng ${quote(text)}; chưa xác định được cơ quan ban hành.` });
      }
      continue;
    }
    const appendix = /^PHỤ LỤC\b\s*(.*)$/iu.exec(text);
    if (appendix) {
      const rest = normalizeSpace(appendix[1]).replace(/[.:]$/, '');
      setOnce('appendix', rest ? `Phụ lục ${rest}` : 'Phụ lục', line, text, { appendixLine: line });
      continue;
    }
    if (/^\(\s*kèm theo\b/iu.test(text)) {
      let doc = text;
      let rawDoc = raw;
      while (!doc.endsWith(')') && k + 1 < nonEmpty.length && !isUpperCaseLine(nonEmpty[k + 1].text)) {
        k++;
        doc += ' ' + nonEmpty[k].text;
        rawDoc += ' ' + nonEmpty[k].raw;
      }
      let inner = doc.replace(/^\(\s*/, '');
      if (inner.endsWith(')')) inner = inner.slice(0, -1);
      else problems.push({ line, message: `Dòng "Kèm theo ..." không có dấu ")" đóng: ${quote(doc)}` });
      inner = inner.replace(/^kèm theo\s*/iu, '').trim();
      if (inner) setOnce('document', inner, line, doc, { documentHadBlanks: /[ \u00a0]{3,}/.test(rawDoc), documentLine: line });
      else problems.push({ line, message: `Dòng "Kèm theo" không ghi văn bản nào: ${quote(doc)}` });
      continue;
    }
    if (isUpperCaseLine(text)) {
      titleParts.push(text);
      (info.titleLines ??= []).push(line);
      continue;
    }
    problems.push({ line, message: `Dòng đầu văn bản không nhận dạng được (không phải tiêu đề, phụ lục, cơ quan ban hành): ${quote(text)}` });
  }
  if (titleParts.length) {
    info.title = sentenceCaseTitle(titleParts.join(' '), info.placeName);
  }
  return info;
}

export function yearIn(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const all = [...s.matchAll(/năm\s+((?:19|20)\d{2})(?!\d)/giu)];
  if (all.length) return Number(all[all.length - 1][1]);
  return undefined;
}

export function yearInDocument(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const m = /\/((?:19|20)\d{2})(?!\d)/.exec(s) ?? /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(s);
  return m ? Number(m[1]) : undefined;
}
