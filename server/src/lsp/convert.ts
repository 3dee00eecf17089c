// Engine results (offsets) → LSP types (lines and UTF-16 characters). Nothing else lives here.

import {
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  InsertTextMode,
  SymbolKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Range,
} from 'vscode-languageserver';
import type { CompletionEntry, CompletionKind, Finding, LineIndex, OffsetRange, PlanSymbol, PlanTree, Severity } from '../engine';
import type { TreeResponse } from './protocol';

export function toRange(lines: LineIndex, range: OffsetRange): Range {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export function toOffsets(lines: LineIndex, range: Range): OffsetRange {
  return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `ruleDocUrl` gives the page a diagnostic's code links to, where the host has one. */
export function toDiagnostic(lines: LineIndex, uri: string, finding: Finding, ruleDocUrl: (code: string) => string | undefined): Diagnostic {
  const href = ruleDocUrl(finding.code);
  return {
    range: toRange(lines, finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: href ? { href } : undefined,
    source: 'par-plan',
    message: finding.message,
    relatedInformation: finding.related?.map((r) => ({ location: { uri, range: toRange(lines, r.range) }, message: r.message })),
  };
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  code: CompletionItemKind.Constant,
  unit: CompletionItemKind.Reference,
  group: CompletionItemKind.Folder,
  deadline: CompletionItemKind.Value,
  key: CompletionItemKind.Property,
  snippet: CompletionItemKind.Snippet,
  area: CompletionItemKind.EnumMember,
  status: CompletionItemKind.EnumMember,
};

export function toCompletionItem(lines: LineIndex, entry: CompletionEntry): CompletionItem {
  return {
    label: entry.label,
    kind: COMPLETION_KIND[entry.kind],
    detail: entry.detail,
    documentation: entry.documentation ? { kind: 'markdown', value: entry.documentation } : undefined,
    sortText: entry.sortText,
    filterText: entry.filterText,
    preselect: entry.preselect,
    textEdit: { range: toRange(lines, entry.edit.range), newText: entry.edit.newText },
    insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Multi-line snippets carry their own indentation; the editor must not add the line's again.
    insertTextMode: InsertTextMode.asIs,
  };
}

const SYMBOL_KIND: Record<PlanSymbol['kind'], SymbolKind> = {
  plan: SymbolKind.Module,
  section: SymbolKind.Namespace,
  item: SymbolKind.Object,
  task: SymbolKind.Event,
};

export function toDocumentSymbol(lines: LineIndex, symbol: PlanSymbol): DocumentSymbol {
  const range = toRange(lines, symbol.range);
  const selection = toRange(lines, symbol.selectionRange);
  return {
    name: symbol.name || '?',
    detail: symbol.detail,
    kind: SYMBOL_KIND[symbol.kind],
    range,
    // LSP requires the selection inside the range.
    selectionRange: selection,
    children: symbol.children.map((c) => toDocumentSymbol(lines, c)),
  };
}

export function toPlanTree(lines: LineIndex, tree: PlanTree): TreeResponse['tree'] {
  return {
    ...tree,
    sections: tree.sections.map((s) => ({
      ...s,
      range: toRange(lines, s.range),
      items: s.items.map((i) => ({
        ...i,
        range: toRange(lines, i.range),
        tasks: i.tasks.map((t) => ({ ...t, range: toRange(lines, t.range) })),
      })),
    })),
  };
}
