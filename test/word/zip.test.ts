// The Office package reader: parts over the limit are refused before and after inflating, a damaged
// archive is told apart from a bug, and the writer gives the same bytes for the same parts.

import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import JSZip from 'jszip';
import { PartTooLarge, isDamagedArchive, openOfficePackage, writeOfficePackage } from '../../server/src/word/zip';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('openOfficePackage', () => {
  const bytes = zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'word/big.xml': strToU8(' '.repeat(5000)), 'word/media/image1.png': new Uint8Array(4000) });

  it('reads XML parts, says which parts exist, and refuses a part over the limit', () => {
    const pkg = openOfficePackage(bytes, 4096, decode);
    expect(pkg.text('word/document.xml')).toBe('<w:document/>');
    expect(pkg.text('word/missing.xml')).toBeNull();
    expect(pkg.has('word/media/image1.png')).toBe(true);
    expect(() => pkg.text('word/big.xml')).toThrow(PartTooLarge);
  });

  it('reports a damaged archive as such, and nothing else', () => {
    let caught: unknown;
    try {
      openOfficePackage(bytes.slice(0, bytes.length - 30), 4096, decode);
    } catch (err) {
      caught = err;
    }
    expect(isDamagedArchive(caught)).toBe(true);
    expect(isDamagedArchive(new TypeError('x'))).toBe(false);
  });
});

describe('writeOfficePackage', () => {
  it('writes the parts in order, readable by another zip reader, and the same bytes each time', async () => {
    const parts: [string, string][] = [['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<workbook>Tiếng Việt</workbook>']];
    const first = writeOfficePackage(parts);
    expect(writeOfficePackage(parts)).toEqual(first);
    const zip = await JSZip.loadAsync(first);
    expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', 'xl/workbook.xml']);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toBe('<workbook>Tiếng Việt</workbook>');
  });
});
