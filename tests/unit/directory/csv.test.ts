import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../../src/directory/csv.js';

const cells = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.problem);
  return parsed.value.map((r) => r.cells);
};

describe('reading CSV', () => {
  it('splits plain rows on commas', () => {
    expect(cells('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted cells', () => {
    expect(cells('"м. Краматорськ, вул. ""Тестова"", 1","two\nlines",x')).toEqual([
      ['м. Краматорськ, вул. "Тестова", 1', 'two\nlines', 'x'],
    ]);
  });

  it('accepts CRLF, CR and a UTF-8 byte order mark', () => {
    expect(cells('\uFEFFa,b\r\n1,2\r3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps empty cells, including empty quoted ones', () => {
    expect(cells('a,,""\n,"",b')).toEqual([
      ['a', '', ''],
      ['', '', 'b'],
    ]);
  });

  it('drops rows of empty cells, which spreadsheets leave at the end of an export', () => {
    expect(cells('a,b\n,\n"",\n')).toEqual([['a', 'b']]);
  });

  it('numbers rows like a spreadsheet: blank rows count, a multi-line cell is one row', () => {
    const parsed = parseCsv('h\n"x\ny"\n\nz\n');
    expect(parsed.ok && parsed.value.map((r) => [r.row, r.cells[0]])).toEqual([
      [1, 'h'],
      [2, 'x\ny'],
      [4, 'z'],
    ]);
  });

  it('reports a quote that is never closed, at the row where it opened', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({
      ok: false,
      error: { row: 2, problem: 'a quoted cell is never closed (missing ")' },
    });
  });

  it('reports text glued to a closing quote', () => {
    expect(parseCsv('"a"b,c')).toEqual({
      ok: false,
      error: { row: 1, problem: 'unexpected text after a closing quote: "b"' },
    });
  });

  it('takes ; as the delimiter when a Ukrainian-locale spreadsheet used it', () => {
    expect(detectDelimiter('type;id;"a,b";lat\n')).toBe(';');
    expect(detectDelimiter('type,id,"a;b;c",lat\n')).toBe(',');
    expect(cells('a;"1;2";48,5')).toEqual([['a', '1;2', '48,5']]);
  });
});
