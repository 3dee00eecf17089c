// Line positions come from the text itself. yaml's LineCounter misses line starts in some broken
// documents (this fixture, an edit of a generated plan found by test/lsp/soak.test.ts): every
// diagnostic below them was sent to the editor on the wrong line.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyze } from '../support/engine';

const text = readFileSync(join(__dirname, '..', 'fixtures', 'lines', 'yaml-line-counter-miss.yaml'), 'utf8');

describe('line index', () => {
  it('counts every line break, where yaml\'s LineCounter misses some', () => {
    const counter = new LineCounter();
    parseDocument(text, { lineCounter: counter });
    const breaks = text.split('\n').length;
    expect(counter.lineStarts.length).toBeLessThan(breaks); // the fixture still shows the problem
    const analysis = analyze(text);
    expect(analysis.lines.lineCount).toBe(breaks);
    for (const f of analysis.findings()) {
      const position = analysis.lines.positionAt(f.range.start);
      const before = text.slice(0, f.range.start);
      expect(position, `${f.code} at ${f.range.start}`).toEqual({ line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 });
    }
  });
});
