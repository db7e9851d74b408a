// Steps the Telegram stories share: a specialist enrols with an invite code, and a neighbour reports
// a child left alone in Kramatorsk through the reporter's flow.
import { expect } from 'vitest';
import { issueInvite } from '../../../src/storage/invites.js';
import type { BotMessage, TestUser } from '../../helpers/telegram-emulator.js';
import type { RunningPoruch } from './poruch-on-emulator.js';

export function staffSteps(running: RunningPoruch) {
  const spec = (key: string, params?: Record<string, string | number>) =>
    running.text(`specialist.${key}`, 'uk', params);

  async function enrol(user: TestUser, centreId: string, role: 'SPECIALIST' | 'ADMIN' = 'SPECIALIST') {
    // The server runs on the system clock.
    const { code } = await issueInvite(running.poruch.store.database.prisma, {
      centreId,
      role,
      hours: 72,
      now: new Date(),
    });
    await user.command(`/join ${code}`);
    const [welcome] = await user.until((m) => m.text === spec('help'));
    expect(welcome?.text).toContain('Вітаємо');
    return code;
  }

  /** A neighbour reports a child left alone in Kramatorsk; returns the case code. */
  async function report(reporter: TestUser, description: string) {
    const { text } = running;
    await reporter.command('/start');
    await reporter.next();
    await reporter.press('lang:uk');
    await reporter.until((m) => m.text === text('menu.prompt', 'uk'));
    await reporter.press('menu:concern');
    await reporter.next();
    await reporter.press('cat:LEFT_WITHOUT_CARE');
    await reporter.next();
    await reporter.press(text('common.no', 'uk'));
    await reporter.until((m) => m.buttons.length > 3);
    await reporter.say('Краматорськ');
    const hasButton = (data: string) => (m: BotMessage) => m.buttons.flat().some((b) => b.data === data);
    // The place may be confirmed in a message of its own before the next question: wait for it.
    await reporter.until((m) => m.text.startsWith('Опишіть'));
    await reporter.say(description);
    await reporter.until(hasButton('contact:anon'));
    await reporter.press('contact:anon');
    await reporter.until((m) => m.buttons.flat().some((b) => b.text === text('summary.send', 'uk')));
    await reporter.press(text('summary.send', 'uk'));
    const [submitted] = await reporter.until((m) => m.text === text('menu.prompt', 'uk'));
    return /Код звернення: (\S+)/.exec(submitted?.text ?? '')?.[1] ?? '';
  }

  return { spec, enrol, report };
}
