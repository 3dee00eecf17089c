// The shape of a plan imported from an appendix table, the import's options and results, and the
// table's standard columns. Shared by the text and the .docx imports.

import type { Catalog } from '../engine/data/catalog';
import { AREA_NUMERALS } from '../engine/model';
import { catalogNames } from './catalog-names';

export interface ImportProblem {
  /** 1-based line number in the input text. */
  line: number;
  message: string;
}

export interface ImportedTask {
  task: string;
  lead: string[];
  support: string[];
  deadline: string;
  /** Only from a table with a "Sản phẩm" column (the .docx import). */
  product?: string;
  /** Only from a table with a "Ghi chú" column (the .docx import). */
  note?: string;
}

export interface ImportedItem {
  criteria: string[];
  name?: string;
  finding?: string;
  tasks: ImportedTask[];
}

export interface ImportedSection {
  area: string;
  title?: string;
  items: ImportedItem[];
}

export interface ImportedPlanInfo {
  title?: string;
  issuer?: string;
  year?: number;
  'index-year'?: number;
  document?: string;
  appendix?: string;
}

export interface ImportedPlan {
  plan: ImportedPlanInfo;
  sections: ImportedSection[];
}

export interface ImportOptions {
  /** Issuer to use instead of the one read from the header (e.g. "UBND tỉnh Hà Tĩnh"). */
  issuer?: string;
  /** Plan year to use instead of the one read from the title. */
  year?: number;
  /** Name of the source shown in the YAML header comment. */
  source?: string;
  /** Catalog whose official criterion names decide when `name` is written (default: the bundled one). */
  catalog?: Catalog;
  /** Official name of a criterion code; overrides `catalog`. */
  officialName?: (code: string) => string | undefined;
}

/** The official criterion names an import compares written names with. */
export function officialNameOf(options: ImportOptions): (code: string) => string | undefined {
  return options.officialName ?? catalogNames(options.catalog).criterion;
}

export interface ImportResult {
  yaml: string;
  plan: ImportedPlan;
  problems: ImportProblem[];
}

export const GAP_COMMENT = ' Ô trống trong bản gốc';

export const COLUMNS = 6;

/** "I" .. "VIII": the numerals of the areas, as the engine knows them. */
export function isAreaNumeral(s: string): boolean {
  return (AREA_NUMERALS as readonly string[]).includes(s);
}

export const COLUMN_LABELS = ['STT', 'tiêu chí', 'nhiệm vụ/giải pháp', 'đơn vị chủ trì', 'đơn vị phối hợp', 'thời hạn', 'sản phẩm', 'ghi chú'];
export const HEADING_PATTERNS: RegExp[] = [
  /^STT\.?$/i,
  /tiêu chí/i,
  /nhiệm vụ|giải pháp/i,
  /chủ trì/i,
  /phối hợp/i,
  /thời hạn|thời gian/i,
];
