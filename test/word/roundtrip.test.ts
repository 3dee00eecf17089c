// The round trip of the issue: the sample exported by our own export, imported again, is the sample.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { exportPlanDocx } from '../../server/src/word/docx-export';
import { importPlanDocx } from '../../server/src/word/docx-import';
import { importPlanText } from '../../server/src/word/text-import';
import { editDocumentXml, readDocumentXml, repo, SAMPLE, SAMPLE_TEXT } from './helpers';

describe('sample -> .docx -> import', () => {
  it('gives back the sample: header, sections, items, tasks, units, deadlines', async () => {
    const docx = await exportPlanDocx(SAMPLE_TEXT);
    const res = await importPlanDocx(docx);
    expect(res.fatal).toBe(false);
    expect(res.problems).toEqual([]);
    expect(res.plan.plan).toStrictEqual(SAMPLE.plan);
    expect(res.plan.sections.map((s) => [s.area, s.title])).toStrictEqual(SAMPLE.sections.map((s: { area: string; title: string }) => [s.area, s.title]));
    expect(res.plan).toStrictEqual(SAMPLE);
    expect(parse(res.yaml)).toStrictEqual(SAMPLE);
  });

  it('writes the same YAML as the text import of the seed (same comments for the gaps)', async () => {
    const res = await importPlanDocx(await exportPlanDocx(SAMPLE_TEXT), { source: 'x' });
    const fromText = importPlanText(readFileSync(repo('test/fixtures/seed/000_305705c128854940.txt'), 'utf8'), { source: 'x' });
    const body = (y: string) => y.split('\n').filter((l) => !l.startsWith('#')).join('\n');
    expect(body(res.yaml)).toBe(body(fromText.yaml));
  });

  it('still gives the sample when the columns are worded like another office ("Cơ quan chủ trì", "Thời gian thực hiện")', async () => {
    const docx = await editDocumentXml(await exportPlanDocx(SAMPLE_TEXT), (xml) =>
      xml
        .replace('>Đơn vị chủ trì<', '>Cơ quan chủ trì<')
        .replace('>Đơn vị phối hợp<', '>Cơ quan, đơn vị phối hợp<')
        .replace('>Thời hạn hoàn thành (tháng/ quý/ năm)<', '>Thời gian thực hiện<')
        .replace('>STT<', '>TT<'),
    );
    const xml = await readDocumentXml(docx);
    expect(xml).toContain('Thời gian thực hiện');
    const res = await importPlanDocx(docx);
    expect(res.problems).toEqual([]);
    expect(res.plan.sections).toStrictEqual(SAMPLE.sections);
  });

  it('still gives the sample when the file uses another namespace prefix than "w:"', async () => {
    const docx = await editDocumentXml(await exportPlanDocx(SAMPLE_TEXT), (xml) => xml.replace(/<(\/?)w:/g, '<$1ns0:').replace(/ w:/g, ' ns0:').replace('xmlns:w=', 'xmlns:ns0='));
    expect(await readDocumentXml(docx)).not.toContain('<w:p>');
    const res = await importPlanDocx(docx);
    expect(res.plan).toStrictEqual(SAMPLE);
  });

  it('keeps criterion names, findings with parentheses and multi-line cells', async () => {
    const res = await importPlanDocx(await exportPlanDocx(SAMPLE_TEXT));
    const viii = res.plan.sections[7];
    expect(viii.items[0]).toMatchObject({ criteria: ['8.1'], name: 'SIPAS' });
    expect(viii.items[4].finding!.split('\n')).toHaveLength(8);
    expect(viii.items[5].criteria).toEqual([]);
    expect(res.plan.sections[4].items[0].criteria).toEqual(['5.2.3', '5.2.4', '5.3.2', '5.3.3']);
  });
});

describe('a .docx written by another program', () => {
  it('the sample export re-saved by LibreOffice (test/fixtures/word) still imports to the sample', async () => {
    const res = await importPlanDocx(readFileSync(repo('test/fixtures/word/ha-tinh-2023.resaved-by-libreoffice.docx')));
    expect(res.problems).toEqual([]);
    expect(res.plan).toStrictEqual(SAMPLE);
  });
});

describe('seed text form -> plan -> .docx -> plan', () => {
  it('the seed imported as text, exported and imported as .docx, is still the sample', async () => {
    const fromText = importPlanText(readFileSync(repo('test/fixtures/seed/000_305705c128854940.txt'), 'utf8'));
    expect(fromText.problems).toEqual([]);
    const res = await importPlanDocx(await exportPlanDocx(fromText.yaml));
    expect(res.plan).toStrictEqual(SAMPLE);
  });
});
