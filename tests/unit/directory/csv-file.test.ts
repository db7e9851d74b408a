import { describe, expect, it } from 'vitest';
import { formatRowError, parseDirectoryFile } from '../../../src/directory/index.js';

const HEADER =
  'type,id,parentId,level,nameUk,nameRu,lat,lon,oblastId,addressUk,phone,coverage,needsConfirmation,note';
const UNITS = [
  'unit,donetska,,OBLAST,Донецька область,Донецкая область,48.1,37.75,,,,,,',
  'unit,donetska/kramatorskyi,donetska,DISTRICT,Краматорський район,Краматорский район,,,,,,,,',
  'unit,donetska/kramatorskyi/sloviansk,donetska/kramatorskyi,hromada,Слов’янськ,Славянск,48.86,37.61,,,,,,',
];
const CENTRES = [
  'centre,dn-occ-oblast,,OBLAST,Обласний центр,Областной центр,48.72,37.55,donetska,"м. Краматорськ, вул. ""Тестова"", 1",,donetska,,',
  'centre,dn-csss-sloviansk,dn-occ-oblast,CITY,Слов’янський центр,Славянский центр,48.86,37.61,donetska,,+380 62 000 00 00,"donetska/kramatorskyi/sloviansk; donetska/kramatorskyi",ні,"relocated?\nto confirm"',
];
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const problems = (text: string) => {
  const parsed = parseDirectoryFile('centres.csv', text);
  return parsed.ok ? [] : parsed.error.map(formatRowError);
};

describe('a CSV directory file (one sheet, a type column)', () => {
  it('parses units and centres, with quoted commas, lists and line breaks', () => {
    const parsed = parseDirectoryFile('centres.csv', csv(...UNITS, ...CENTRES));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.units.map((u) => [u.id, u.level, u.lat])).toEqual([
      ['donetska', 'OBLAST', 48.1],
      ['donetska/kramatorskyi', 'DISTRICT', null],
      ['donetska/kramatorskyi/sloviansk', 'HROMADA', 48.86],
    ]);
    expect(parsed.value.centres[0]).toMatchObject({
      addressUk: 'м. Краматорськ, вул. "Тестова", 1',
      needsConfirmation: true,
      coverage: ['donetska'],
    });
    expect(parsed.value.centres[1]).toMatchObject({
      phone: '+380 62 000 00 00',
      needsConfirmation: false,
      coverage: ['donetska/kramatorskyi/sloviansk', 'donetska/kramatorskyi'],
    });
  });

  it('reads what a Ukrainian-locale spreadsheet saves: BOM, CRLF, ";" and decimal commas, loose headers', () => {
    const text = [
      '\uFEFFType;ID;parent_id;Level;name uk;name-ru;lat;lon;oblast_id;coverage',
      'unit;donetska;;OBLAST;Донецька область;Донецкая область;48,1;37,75;;',
      'centre;dn-occ-oblast;;OBLAST;Обласний центр;Областной центр;48,72;37,55;donetska;donetska',
    ].join('\r\n');
    const parsed = parseDirectoryFile('centres.csv', text);
    expect(parsed.ok && parsed.value.centres[0]).toMatchObject({ lat: 48.72, lon: 37.55 });
  });

  it('names the spreadsheet row, id and column of every problem', () => {
    expect(
      problems(
        csv(
          UNITS[0] as string,
          'unit,donetska/x,donetska,DISTRICT,X,X,48.5,,,,,donetska,,',
          'centre,dn-occ-oblast,,OBLAST,О,О,48.72,37.55,donetska,,,"donetska;donetska/zz",maybe,',
          '',
          'centre,dn-a,dn-occ-oblast,CITY,А,А,48,37,donetska,,phone me,,,',
          'house,h1,,,,,,,,,,,,',
        ),
      ),
    ).toEqual([
      'centres.csv: row 3 (donetska/x), coverage: must be empty on a unit row (only centres use it)',
      'centres.csv: row 3 (donetska/x), lon: lat and lon must be given together (or both left empty)',
      'centres.csv: row 4 (dn-occ-oblast), needsConfirmation: must be true or false, got "maybe"',
      'centres.csv: row 6 (dn-a), phone: must be a phone number like +380 62 123 45 67 (several: comma-separated)',
      'centres.csv: row 6 (dn-a), coverage: must list at least one unit id this centre serves',
      'centres.csv: row 7 (h1), type: must be unit or centre, got "house"',
    ]);
  });

  it('checks references across rows, like JSON', () => {
    expect(
      problems(
        csv(...UNITS, 'centre,dn-occ-oblast,,OBLAST,О,О,48.72,37.55,donetska,,,"donetska;donetska/zz",,'),
      ),
    ).toEqual(['centres.csv: row 5 (dn-occ-oblast), coverage: no unit has id "donetska/zz"']);
  });

  it('reports header problems on row 1', () => {
    expect(problems('type,id,level,nameUk,nameRu,lat,lon,oblastId,coverage,colour\n')).toEqual([
      'centres.csv: row 1, colour: unknown column; expected: type, id, parentId, level, nameUk, nameRu, lat, lon, note, oblastId, addressUk, addressRu, phone, email, hoursUk, hoursRu, needsConfirmation, coverage',
      'centres.csv: row 1, parentId: column is missing from the header',
    ]);
  });

  it('reports broken CSV and an empty file', () => {
    expect(problems(`${HEADER}\nunit,"donetska`)).toEqual([
      'centres.csv: is not valid CSV: row 2: a quoted cell is never closed (missing ")',
    ]);
    expect(problems('')).toEqual([
      'centres.csv: is empty: expected a header row and then one row per unit or centre',
    ]);
  });
});
