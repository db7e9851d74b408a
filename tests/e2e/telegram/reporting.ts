// A resident's report on Telegram, step by step, shared by the stories that need a case to exist:
// a child left without care in Kramatorsk, sent anonymously.
import type { BotMessage, TestUser } from '../../helpers/telegram-emulator.js';
import type { RunningPoruch } from './poruch-on-emulator.js';

type Texts = RunningPoruch['text'];

/** The message offers a button with this value. */
export const hasButton = (data: string) => (m: BotMessage) => m.buttons.flat().some((b) => b.data === data);

/** How long each answer may take; longer stories on a loaded machine ask for more. */
const PATIENCE = 15_000;

/** A new person: /start, Ukrainian, and the main menu. */
export async function greet(person: TestUser, text: Texts, patience = PATIENCE) {
  await person.command('/start');
  await person.next(patience);
  await person.press('lang:uk');
  await person.until((m) => m.text === text('menu.prompt', 'uk'), patience);
}

/** From /start to the summary with its "Send" button, in Ukrainian. */
export async function reportUpToSummary(
  reporter: TestUser,
  text: Texts,
  description: string,
  patience = PATIENCE,
) {
  await greet(reporter, text, patience);
  await reporter.press('menu:concern');
  await reporter.next(patience);
  await reporter.press('cat:LEFT_WITHOUT_CARE');
  await reporter.next(patience);
  await reporter.press(text('common.no', 'uk'));
  await reporter.until((m) => m.buttons.length > 3, patience);
  await reporter.say('Краматорськ');
  // The place may be confirmed in a message of its own before the next question: wait for it.
  await reporter.until((m) => m.text.startsWith('Опишіть'), patience);
  await reporter.say(description);
  await reporter.until(hasButton('contact:anon'), patience);
  await reporter.press('contact:anon');
  await reporter.until(hasButton('summary:send'), patience);
}

/** The case code and the one-time key in the confirmation the person reads. */
export function confirmationOf(messages: BotMessage[]): { code: string; secret: string } {
  const all = messages.map((m) => m.text).join('\n');
  return {
    code: /Код звернення: (\S+)/.exec(all)?.[1] ?? '',
    secret: /\n([2-9A-HJKMNP-Z]{4}(?:-[2-9A-HJKMNP-Z]{4}){3})\n/.exec(all)?.[1] ?? '',
  };
}

/** Files the whole report; returns the case code. */
export async function report(reporter: TestUser, text: Texts, description: string): Promise<string> {
  await reportUpToSummary(reporter, text, description);
  await reporter.press(text('summary.send', 'uk'));
  return confirmationOf(await reporter.until((m) => m.text === text('menu.prompt', 'uk'))).code;
}
