// A woman who shares her phone has started a report and hears someone coming: she taps "🧹 Стерти
// розмову". Every message of the chat Poruch recorded (hers and the bot's) is deleted through the
// Bot API's deleteMessage, one neutral line is left, and the ids are forgotten.
import { expect, it } from 'vitest';
import { createHandleCipher } from '../../../src/crypto/handle-cipher.js';
import { describeBackends } from '../../helpers/db.js';
import { queueOf } from '../../integration/jobs/outbox-world.js';
import { greet, KRAMATORSK, reportConcern } from './journey.js';
import { usePoruchOnEmulator } from './poruch-on-emulator.js';

describeBackends('Telegram: /erase', (backend) => {
  const world = usePoruchOnEmulator(backend);

  const recorded = async () =>
    world.poruch.store.database.prisma.recentMessage.findMany({ orderBy: { createdAt: 'asc' } });
  const ids = (rows: Array<{ messageId: string }>) => [...new Set(rows.map((r) => r.messageId))].sort();

  /** Waits until the app's background jobs have sent and erased everything there is. */
  async function settled() {
    const db = world.poruch.store.database.prisma;
    const patiently = { timeout: 15_000 };
    await expect.poll(() => db.outboxMessage.count({ where: { status: 'PENDING' } }), patiently).toBe(0);
    await expect
      .poll(() => db.recentMessage.count({ where: { eraseRequestedAt: { not: null } } }), patiently)
      .toBe(0);
  }

  it('the button deletes the recorded messages of both sides and leaves one neutral line', async () => {
    const { text, emulator } = world;
    const maria = emulator.user(7_104_332_871);
    await greet(world, maria);
    await maria.press('menu:concern');
    await maria.next(15_000);
    await maria.press('cat:VIOLENCE');
    await maria.next(15_000);
    await maria.say('Не знаю, як відповісти');
    await settled();
    maria.skipAll();

    const shown = maria.messages().map((m) => String(m.messageId));
    const before = await recorded();
    // Every message the bot sent is recorded, and so are the ones she typed (/start, her text).
    expect(ids(before)).toEqual(expect.arrayContaining(shown));
    expect(before.length).toBeGreaterThan(shown.length);

    await maria.press(text('menu.erase', 'uk'));
    const neutral = await maria.next(15_000);
    expect(neutral.text).toBe(text('safety.erased', 'uk'));
    await settled();

    const deleted = emulator.deletions
      .filter((d) => d.chatId === maria.chatId)
      .map((d) => ({ messageId: String(d.messageId) }));
    expect(ids(deleted)).toEqual(ids(before));
    // What she sees now: the one neutral line, nothing of what she wrote about.
    expect(maria.messages().map((m) => m.text)).toEqual([neutral.text]);
    // The ids of what was deleted are gone; only the neutral line's is kept (for a later /erase).
    expect((await recorded()).map((r) => r.messageId)).toEqual([String(neutral.messageId)]);
  });

  it('/erase as a command is deleted along with everything else', async () => {
    const { text, emulator } = world;
    const ira = emulator.user(7_104_332_872);
    await greet(world, ira);
    await settled();
    const handle = (await recorded()).at(-1)?.handleId;
    const before = (await recorded()).filter((r) => r.handleId === handle);

    await ira.command('/erase');
    expect((await ira.next(15_000)).text).toBe(text('safety.erased', 'uk'));
    await settled();
    // /start, the language question, welcome, menu, and the /erase command itself.
    const asked = emulator.deletions.filter((d) => d.chatId === ira.chatId);
    expect(asked).toHaveLength(before.length + 1);
    expect(ira.messages()).toHaveLength(1);
  });

  it('"forget me", confirmed, leaves the case with the centre and no way back to the person', async () => {
    const { text, poruch, emulator } = world;
    const olha = emulator.user(7_104_332_873);
    await reportConcern(world, olha, 'Сусідка б’є сина, чути крики щовечора.');
    const listed = (await poruch.queue.list(KRAMATORSK)).at(-1);
    const db = poruch.store.database.prisma;
    const request = await db.request.findFirst({ where: { id: listed?.id ?? '' } });
    const ownHandle = request?.reporterHandleId;

    await olha.command('/forget');
    await olha.until((m) => m.text === text('safety.forgetConfirm', 'uk'), 15_000);
    await olha.press('safety:forgetYes');
    await olha.until((m) => m.text === text('safety.forgotten', 'uk'), 15_000);

    const moved = await db.request.findFirst({ where: { id: request?.id ?? '' } });
    expect(moved?.status).toBe('NEW');
    expect(moved?.reporterHandleId).not.toBe(ownHandle);
    const standIn = await db.chatHandle.findFirst({ where: { id: moved?.reporterHandleId ?? '' } });
    expect(standIn).toMatchObject({ encryptedId: '', channel: 'TELEGRAM' });
    expect(standIn?.forgottenAt).not.toBeNull();
    // Nothing can be sent there: the outbox finds no one to write to.
    const outbox = queueOf(poruch.store, createHandleCipher(Buffer.alloc(32)));
    expect(await outbox.recipientOf(standIn?.id ?? '')).toBeNull();
    // And the chat no longer lists the case.
    await olha.command('/my');
    await olha.until((m) => m.text === text('myRequests.none', 'uk'), 15_000);
  });
});
