// Places people still call by their former names. The 2016 decommunization (and a few earlier
// renamings) changed many names in Donetsk oblast; people, and the older of them especially, still
// say Артемівськ or Красноармейск. Only renamings known for certain are listed, by unit id, in
// Ukrainian and in Russian as people wrote them before. A unit missing from the directory is skipped.

export interface FormerName {
  uk: string;
  ru: string;
}

export const FORMER_NAMES: Readonly<Record<string, readonly FormerName[]>> = {
  // Renamed in 2016 (the decommunization laws).
  'donetska/bakhmutskyi/bakhmut': [{ uk: 'Артемівськ', ru: 'Артемовск' }],
  'donetska/bakhmutskyi/toretsk': [{ uk: 'Дзержинськ', ru: 'Дзержинск' }],
  'donetska/pokrovskyi/pokrovsk': [{ uk: 'Красноармійськ', ru: 'Красноармейск' }],
  'donetska/pokrovskyi/myrnohrad': [{ uk: 'Димитров', ru: 'Димитров' }],
  'donetska/kramatorskyi/lyman': [{ uk: 'Красний Лиман', ru: 'Красный Лиман' }],
  'donetska/horlivskyi/chystiakove': [{ uk: 'Торез', ru: 'Торез' }],
  'donetska/kalmiuskyi/kalmiuske': [{ uk: 'Комсомольське', ru: 'Комсомольское' }],
  'donetska/kalmiuskyi/boikivske': [{ uk: 'Тельманове', ru: 'Тельманово' }],
  'donetska/mariupolskyi/nikolske': [{ uk: 'Володарське', ru: 'Володарское' }],
  'donetska/mariupolskyi/manhush': [{ uk: 'Першотравневе', ru: 'Першотравневое' }],
  // The districts named after those towns until the 2020 reform.
  'donetska/bakhmutskyi': [{ uk: 'Артемівський район', ru: 'Артемовский район' }],
  'donetska/pokrovskyi': [{ uk: 'Красноармійський район', ru: 'Красноармейский район' }],
  // Слов'яногірськ from 1964 until 2003.
  'donetska/kramatorskyi/sviatohirsk': [{ uk: "Слов'яногірськ", ru: 'Славяногорск' }],
};
