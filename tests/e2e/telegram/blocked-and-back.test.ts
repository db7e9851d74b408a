// Olena sends a report and, before the answer reaches her, blocks the bot (on a shared phone, say).
// Telegram refuses every message to her chat. When she comes back with /start, the confirmation
// with her case code and key reaches her first; the stale menu of that moment does not.
import { expect, it } from 'vitest';
import { describeBackends } from '../../helpers/db.js';
import { usePoruchOnEmulator } from './poruch-on-emulator.js';
import { confirmationOf, reportUpToSummary } from './reporting.js';

describeBackends('Telegram: a person who blocked the bot and comes back', (backend) => {
  const world = usePoruchOnEmulator(backend);

  it('receives the pending case confirmation after /start', async () => {
    const { text, poruch, emulator } = world;
    const olena = emulator.user(620_000_001);
    await reportUpToSummary(
      olena,
      text,
      'Хлопчик років п’яти цілий день сам на балконі, плаче, дорослих не видно.',
    );

    emulator.block(olena.chatId);
    await olena.press(text('summary.send', 'uk'));
    // The confirmation waits for her (HELD) instead of being dropped as undeliverable.
    const held = () => poruch.store.database.prisma.outboxMessage.count({ where: { status: 'HELD' } });
    await expect.poll(held).toBe(1);
    expect(olena.skipAll()).toEqual([]);
    const [request] = await poruch.store.database.prisma.request.findMany();
    if (!request) throw new Error('the report was not queued');

    emulator.unblock(olena.chatId);
    await olena.command('/start');
    const read = await olena.until((m) => m.text === text('menu.prompt', 'uk'));
    const { code, secret } = confirmationOf(read);
    expect(code).toBe(request.caseCode);
    expect(secret).not.toBe('');
    expect(read[0]?.text).toContain(`Код звернення: ${request.caseCode}`);
    // Then the answer to /start itself.
    const rest = await olena.until((m) => m.text === text('menu.prompt', 'uk'));
    expect(rest.map((m) => m.text)).toEqual([text('common.welcome', 'uk'), text('menu.prompt', 'uk')]);
  });
});
