// Inline expectations in plan fixtures. A comment line of carets marks a finding on the nearest
// line above that is not itself a marker:
//
//            lead: [Sở Nội vụx]
//   #                ^^^^^^^^^^ warning par/unknown-unit
//
// For a finding that starts in column 1, or spans lines, write its range out (1-based, end exclusive):
//   # expect 3:1-3:9 error par/schema
// An optional `-- text` after the code must appear in the message.

/**
 * The as-of day a follow-up fixture is checked on, from a first-lines comment `# as-of: YYYY-MM-DD`
 * (the same fixture text then runs through the engine, the CLI's --as-of and the server's setting).
 */
export function fixtureAsOf(text: string): string | undefined {
  return /^# as-of: (\d{4}-\d{2}-\d{2})\s*$/m.exec(text.split('\n', 3).join('\n'))?.[1];
}

export interface Expected {
  line: number; // 1-based
  column: number; // 1-based
  endLine: number;
  endColumn: number; // 1-based, exclusive
  severity: string;
  code: string;
  messageIncludes?: string;
}

const CARET = /^(\s*)#(\s*)(\^+)\s+(error|warning|info|hint)\s+(par\/[a-z-]+)(?:\s+--\s+(.*))?\s*$/;
const EXPLICIT = /^\s*#\s*expect\s+(\d+):(\d+)-(\d+):(\d+)\s+(error|warning|info|hint)\s+(par\/[a-z-]+)(?:\s+--\s+(.*))?\s*$/;

export function parseExpectations(text: string): Expected[] {
  const lines = text.split('\n');
  const expected: Expected[] = [];
  let target = -1;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const caret = CARET.exec(line);
    if (caret) {
      if (target < 0) throw new Error(`marker on line ${index + 1} has no line above it`);
      const column = line.indexOf('^') + 1;
      expected.push({
        line: target + 1,
        column,
        endLine: target + 1,
        endColumn: column + caret[3].length,
        severity: caret[4],
        code: caret[5],
        messageIncludes: caret[6],
      });
      return;
    }
    const explicit = EXPLICIT.exec(line);
    if (explicit) {
      expected.push({
        line: Number(explicit[1]),
        column: Number(explicit[2]),
        endLine: Number(explicit[3]),
        endColumn: Number(explicit[4]),
        severity: explicit[5],
        code: explicit[6],
        messageIncludes: explicit[7],
      });
      return;
    }
    target = index;
  });
  return expected;
}

export function describeFinding(f: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string }): string {
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.code}`;
}
