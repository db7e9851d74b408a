// `npm run register:export`: the centre's register has one row per case it received in the period,
// with notices and deadlines; the file never holds a reporter's handle, the continuation secret or
// (unless an admin asks for it) an exact address. Checked by reading the written file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerExport } from '../../../scripts/commands/register-export.js';
import { localDate } from '../../../src/core/casework/calendar.js';
import { recordNotice, updateRecord } from '../../../src/core/casework/service.js';
import { runCommand } from '../../helpers/command.js';
import { describeBackends } from '../../helpers/db.js';
import { buildCaseworkWorld, type CaseworkWorld } from './casework-world.js';

describeBackends('casework: the register export', (backend) => {
  let w: CaseworkWorld;
  const dir = mkdtempSync(join(tmpdir(), 'register-'));
  const codes: Record<string, string> = {};
  // The world's clock, not the machine's: the cases are received at its time.
  const today = () => localDate(w.clock.now(), 'Europe/Kyiv');
  const yesterday = () => localDate(new Date(w.clock.now().getTime() - 86_400_000), 'Europe/Kyiv');
  const savedKey = process.env.HANDLE_KEY;

  beforeAll(async () => {
    w = await buildCaseworkWorld(backend.url);
    process.env.HANDLE_KEY = w.handleKey;
    const told = await w.answeredCase({ category: 'NEGLECT' });
    await w.inTx(async (ctx) => {
      await recordNotice(ctx, w.olenaActor, told, {
        recipient: 'CHILDREN_SERVICE',
        way: 'LETTER',
        reference: '01-12/77',
      });
      await updateRecord(ctx, w.olenaActor, told, { address: 'вул. Садова, 14, кв. 3', childAge: '6-9' });
    });
    await w.queue.close(told, w.olena, 'REFERRED_CHILDREN_SERVICE');
    const waiting = (await w.queue.enqueue(w.newRequest({ category: 'BULLYING' }))).request;
    const elsewhere = (await w.queue.enqueue(w.newRequest({ centreId: 'district' }))).request;
    codes.told = (await w.store.requests.findById(told))?.caseCode ?? '';
    codes.waiting = waiting.caseCode;
    codes.elsewhere = elsewhere.caseCode;
  });
  afterAll(async () => {
    if (savedKey === undefined) delete process.env.HANDLE_KEY;
    else process.env.HANDLE_KEY = savedKey;
    await w?.close();
  });

  const run = async (file: string, ...extra: string[]) => {
    const { code } = await runCommand(
      registerExport,
      [
        'hromada',
        '--from',
        yesterday(),
        '--to',
        today(),
        '--out',
        file,
        '--database-url',
        backend.url,
        ...extra,
      ],
      { env: process.env, clock: w.clock },
    );
    return code;
  };

  /** Everything in the database that would identify a reporter or open their case. */
  async function secrets(): Promise<string[]> {
    const { prisma } = w.store.database;
    const handles = await prisma.chatHandle.findMany({
      select: { id: true, lookupHash: true, encryptedId: true },
    });
    const requests = await prisma.request.findMany({
      select: { continuationHash: true, encryptedAddress: true },
    });
    return [
      ...handles.flatMap((h) => [h.id, h.lookupHash, h.encryptedId]),
      ...requests.flatMap((r) => [r.continuationHash, r.encryptedAddress]),
    ].filter((s): s is string => typeof s === 'string' && s.length > 3);
  }

  it('writes one row per case of the centre, with notices and deadlines, and no handle or secret', async () => {
    const file = join(dir, `${backend.provider}.csv`);
    expect(await run(file)).toBe(0);
    const text = readFileSync(file, 'utf8');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Реєстраційний номер');
    expect(lines).toHaveLength(3);
    const told = lines.find((l) => l.startsWith(codes.told ?? '-')) ?? '';
    expect(told).toContain('CHILDREN_SERVICE LETTER');
    expect(told).toContain('№01-12/77');
    expect(told).toContain(',MET,');
    expect(told).toContain('REFERRED_CHILDREN_SERVICE');
    expect(told).toContain('6-9');
    expect(lines.some((l) => l.startsWith(codes.waiting ?? '-'))).toBe(true);
    expect(text).not.toContain(codes.elsewhere);
    // grep the file: no handle, no secret, no address without --with-addresses.
    for (const secret of await secrets()) expect(text).not.toContain(secret);
    expect(text).not.toContain('Садова');
  });

  it('adds exact addresses only for an admin of the centre', async () => {
    const file = join(dir, `${backend.provider}-addresses.csv`);
    expect(await run(file, '--with-addresses', '--as', w.olena.id)).toBe(3);
    expect(await run(file, '--with-addresses', '--as', w.oblastAdmin.id)).toBe(3);
    expect(await run(file, '--with-addresses', '--as', w.hromadaAdmin.id)).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('вул. Садова, 14, кв. 3');
    for (const secret of await secrets()) expect(text).not.toContain(secret);
  });

  it('writes the same register as XLSX', async () => {
    const file = join(dir, `${backend.provider}.xlsx`);
    expect(await run(file, '--format', 'xlsx')).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });
});
