// A whole journey on the Telegram emulator, for the tests that look at what it leaves behind: a
// neighbour reports (and is shown the case key), picks the case up on a second phone with /case,
// a specialist enrols with an invite code, claims it, and the two write to each other.
import { expect } from 'vitest';
import { issueInvite } from '../../../src/storage/invites.js';
import type { BotMessage, TestUser } from '../../helpers/telegram-emulator.js';
import type { PoruchOnEmulator, RunningPoruch } from './poruch-on-emulator.js';

export const KRAMATORSK = 'dn-csss-kramatorsk';
/** A journey is long and the test machine shared: each answer may take a while under load. */
const PATIENCE = 20_000;

export interface Journey {
  caseCode: string;
  requestId: string;
  /** The one-time key as the person was shown it. */
  caseKey: string;
  inviteCode: string;
  /** Chat ids (the messenger ids Poruch must never keep in clear). */
  chatIds: number[];
  /** Words that were relayed between the person and the specialist. */
  words: string[];
  reporter: TestUser;
  secondPhone: TestUser;
  specialist: TestUser;
}

const hasButton = (data: string) => (m: BotMessage) => m.buttons.flat().some((b) => b.data === data);

/** A new person: /start, Ukrainian, and the menu. */
export async function greet(running: RunningPoruch, user: TestUser) {
  await user.command('/start');
  await user.next(PATIENCE);
  await user.press('lang:uk');
  await user.until((m) => m.text === running.text('menu.prompt', 'uk'), PATIENCE);
}

/** The person answers the questions of a concern about a child in Kramatorsk; returns the confirmation. */
export async function reportConcern(running: RunningPoruch, user: TestUser, description: string) {
  const { text } = running;
  await greet(running, user);
  await user.press('menu:concern');
  await user.next(PATIENCE);
  await user.press('cat:LEFT_WITHOUT_CARE');
  await user.next(PATIENCE);
  await user.press(text('common.no', 'uk'));
  await user.until((m) => m.buttons.length > 3, PATIENCE);
  await user.say('Краматорськ');
  await user.until((m) => m.text.startsWith('Опишіть'), PATIENCE);
  await user.say(description);
  await user.until(hasButton('contact:anon'), PATIENCE);
  await user.press('contact:anon');
  await user.until(hasButton('summary:send'), PATIENCE);
  await user.press('summary:send');
  return user.until((m) => m.text === text('menu.prompt', 'uk'), PATIENCE);
}

export async function fullJourney(
  running: PoruchOnEmulator,
  ids = { reporter: 5_281_734_906, secondPhone: 5_281_734_917, specialist: 6_190_552_483 },
): Promise<Journey> {
  const { text, poruch, emulator } = running;
  const reporter = emulator.user(ids.reporter);
  const secondPhone = emulator.user(ids.secondPhone);
  const specialist = emulator.user(ids.specialist);

  // The specialist enrols first, so that the new request is announced to them.
  const { code: inviteCode } = await issueInvite(poruch.store.database.prisma, {
    centreId: KRAMATORSK,
    role: 'SPECIALIST',
    hours: 72,
    now: new Date(), // the server runs on the system clock
  });
  await specialist.command(`/join ${inviteCode}`);
  await specialist.until((m) => m.text === text('specialist.help', 'uk'), PATIENCE);

  const description = 'Хлопчик років шести вже два дні сам у квартирі на вулиці Шкільній.';
  const read = await reportConcern(running, reporter, description);
  const all = read.map((m) => m.text).join('\n');
  const caseCode = /Код звернення: (\S+)/.exec(all)?.[1] ?? '';
  const caseKey = /\b([2-9A-HJKMNP-Z]{4}(?:-[2-9A-HJKMNP-Z]{4}){3})\b/.exec(all)?.[1] ?? '';
  expect(caseCode).not.toBe('');
  expect(caseKey).not.toBe('');

  // The person moves the case to a second phone with the key.
  await greet(running, secondPhone);
  await secondPhone.command(`/case ${caseCode}`);
  await secondPhone.next(PATIENCE);
  await secondPhone.say(caseKey);
  await secondPhone.until((m) => m.text === text('myRequests.continued', 'uk', { code: caseCode }), PATIENCE);

  const request = (await poruch.queue.list(KRAMATORSK)).find((r) => r.caseCode === caseCode);
  if (!request) throw new Error('the request is not in the Kramatorsk queue');
  await specialist.until(hasButton(`claim:${request.id}`), PATIENCE);
  await specialist.press(`claim:${request.id}`);
  await specialist.until((m) => m.text.includes(description), PATIENCE);

  const question = 'Добрий день! Чи знаєте номер будинку?';
  const answer = 'Будинок 27, другий під’їзд.';
  await specialist.say(question);
  await secondPhone.until((m) => m.text.includes(question), PATIENCE);
  await secondPhone.say(answer);
  await specialist.until((m) => m.text.includes(answer), PATIENCE);
  await poruch.dispatcher.drain();

  return {
    caseCode,
    requestId: request.id,
    caseKey,
    inviteCode,
    chatIds: [ids.reporter, ids.secondPhone, ids.specialist],
    words: [description, question, answer],
    reporter,
    secondPhone,
    specialist,
  };
}
