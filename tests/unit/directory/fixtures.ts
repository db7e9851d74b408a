// Small directories for parser tests: valid as written; each test breaks one thing.
export const oblast = {
  id: 'donetska',
  parentId: null,
  level: 'OBLAST',
  nameUk: 'Донецька область',
  nameRu: 'Донецкая область',
  lat: 48.1,
  lon: 37.75,
};
export const district = {
  id: 'donetska/kramatorskyi',
  parentId: 'donetska',
  level: 'DISTRICT',
  nameUk: 'Краматорський район',
  nameRu: 'Краматорский район',
  lat: 48.72,
  lon: 37.55,
};
export const town = {
  id: 'donetska/kramatorskyi/sloviansk',
  parentId: 'donetska/kramatorskyi',
  level: 'HROMADA',
  nameUk: "Слов'янськ",
  nameRu: 'Славянск',
  lat: 48.86,
  lon: 37.61,
};
export const oblastCentre = {
  id: 'dn-occ-oblast',
  level: 'OBLAST',
  nameUk: 'Донецький обласний центр соціальних служб',
  nameRu: 'Донецкий областной центр социальных служб',
  oblastId: 'donetska',
  lat: 48.72,
  lon: 37.55,
  coverage: ['donetska'],
};
export const cityCentre = {
  id: 'dn-csss-sloviansk',
  level: 'CITY',
  nameUk: "Слов'янський міський центр соціальних служб",
  nameRu: 'Славянский городской центр социальных служб',
  oblastId: 'donetska',
  addressUk: 'м. Слов’янськ',
  phone: '+380 62 000 00 00',
  email: 'sloviansk@example.org',
  lat: 48.86,
  lon: 37.61,
  needsConfirmation: false,
  parentId: 'dn-occ-oblast',
  coverage: ['donetska/kramatorskyi/sloviansk'],
};

type Row = Record<string, unknown>;

export const goodDirectory = (): { note: string; units: Row[]; centres: Row[] } => ({
  note: 'test',
  units: [oblast, district, town],
  centres: [oblastCentre, cityCentre],
});
