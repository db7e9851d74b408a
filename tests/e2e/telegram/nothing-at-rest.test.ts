// What an attacker with a copy of the database (or a backup) would find after a whole journey: the
// raw SQLite file and its WAL, or every PostgreSQL row, searched for the secrets people were shown
// and the messenger ids that would name them. None may be there.
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../helpers/db.js';
import { leaked, rawDatabaseText } from '../../helpers/raw-database.js';
import { fullJourney, type Journey } from './journey.js';
import { usePoruchOnEmulator } from './poruch-on-emulator.js';

describeBackends('Nothing secret at rest', (backend) => {
  const world = usePoruchOnEmulator(backend);
  let journey: Journey;

  beforeAll(async () => {
    journey = await fullJourney(world);
  }, 180_000);

  it('the case key shown to the person, the invite code and the chat ids are nowhere in the data', async () => {
    const raw = await rawDatabaseText(backend.url);
    // The words themselves are there (the centre's case thread): proof the search reads real data.
    expect(leaked(raw, journey.words)).toEqual(journey.words);
    const secrets = [
      journey.caseKey,
      journey.caseKey.replaceAll('-', ''),
      journey.inviteCode,
      journey.inviteCode.replaceAll('-', ''),
      ...journey.chatIds.map(String),
    ];
    expect(leaked(raw, secrets)).toEqual([]);
  });

  it('sent outbox entries keep no words: their payloads are forgotten once delivered', async () => {
    const db = world.poruch.store.database.prisma;
    const sent = await db.outboxMessage.findMany({ where: { status: 'SENT' } });
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.filter((row) => row.payload !== '')).toEqual([]);
  });
});
