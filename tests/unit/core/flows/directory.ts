// Directories for conversation stories: the bundled Donetsk oblast file (real towns, one oblast), and
// a small two-oblast one for what the bundled file cannot show (oblast choice, long lists, a name
// that two villages share).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AdminUnit, Centre, Directory } from '../../../../src/core/model.js';
import { formatRowError, parseDirectoryFile } from '../../../../src/directory/index.js';

const DONETSKA_FILE = fileURLToPath(new URL('../../../../data/centres/donetska.json', import.meta.url));

export function bundledDirectory(): Directory {
  const parsed = parseDirectoryFile(DONETSKA_FILE, readFileSync(DONETSKA_FILE, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.map(formatRowError).join('\n'));
  return parsed.value;
}

const unit = (
  id: string,
  parentId: string | null,
  level: AdminUnit['level'],
  nameUk: string,
  nameRu: string,
  at: [number, number],
): AdminUnit => ({ id, parentId, level, nameUk, nameRu, lat: at[0], lon: at[1] });

const centre = (
  id: string,
  level: Centre['level'],
  name: string,
  oblastId: string,
  at: [number, number],
  coverage: string[],
  parentId: string | null,
): Centre => ({
  id,
  level,
  nameUk: name,
  nameRu: `${name} (ru)`,
  oblastId,
  addressUk: 'вул. Миру, 1',
  addressRu: 'ул. Мира, 1',
  phone: '+380501112233',
  email: null,
  hoursUk: 'пн–пт 9:00–18:00',
  hoursRu: 'пн–пт 9:00–18:00',
  lat: at[0],
  lon: at[1],
  needsConfirmation: false,
  parentId,
  coverage,
});

/** Two oblasts; "Миколаївка" exists in two districts; Березівський район has 14 villages (two pages). */
export function smallDirectory(): Directory {
  const villages = Array.from({ length: 14 }, (_, i) =>
    unit(`od/berez/v${i + 1}`, 'od/berez', 'HROMADA', `Село ${i + 1}`, `Село ${i + 1}`, [
      47.3 + i / 100,
      30.9,
    ]),
  );
  return {
    units: [
      unit('kh', null, 'OBLAST', 'Харківська область', 'Харьковская область', [49.99, 36.23]),
      unit('kh/izium', 'kh', 'DISTRICT', 'Ізюмський район', 'Изюмский район', [49.21, 37.26]),
      unit('kh/izium/izium', 'kh/izium', 'HROMADA', 'Ізюм', 'Изюм', [49.21, 37.26]),
      unit('kh/izium/mykolaivka', 'kh/izium', 'HROMADA', 'Миколаївка', 'Николаевка', [49.3, 37.1]),
      unit('kh/chuhuiv', 'kh', 'DISTRICT', 'Чугуївський район', 'Чугуевский район', [49.83, 36.68]),
      unit('kh/chuhuiv/chuhuiv', 'kh/chuhuiv', 'HROMADA', 'Чугуїв', 'Чугуев', [49.83, 36.68]),
      unit('kh/chuhuiv/mykolaivka', 'kh/chuhuiv', 'HROMADA', 'Миколаївка', 'Николаевка', [49.7, 36.9]),
      unit('od', null, 'OBLAST', 'Одеська область', 'Одесская область', [46.48, 30.72]),
      unit('od/berez', 'od', 'DISTRICT', 'Березівський район', 'Березовский район', [47.2, 30.9]),
      ...villages,
    ],
    centres: [
      centre(
        'kh-oblast',
        'OBLAST',
        'Харківський обласний центр соціальних служб',
        'kh',
        [49.99, 36.23],
        ['kh'],
        null,
      ),
      centre(
        'kh-izium',
        'CITY',
        'Ізюмський міський центр соціальних служб',
        'kh',
        [49.21, 37.26],
        ['kh/izium/izium'],
        'kh-oblast',
      ),
      centre(
        'od-oblast',
        'OBLAST',
        'Одеський обласний центр соціальних служб',
        'od',
        [46.48, 30.72],
        ['od'],
        null,
      ),
    ],
  };
}
