// A whole journey on the Telegram emulator, for the tests that look at what it leaves behind: a
// neighbour reports (and is shown the case key), picks the case up on a second phone with /case,
// a specialist enrols with an invite code, claims it, and the two write to each other.
import { expect } from 'vitest';
import { freshInvite } from '../../helpers/invites.js';
import type { TestUser } from '../../helpers/telegram-emulator.js';
import type { PoruchOnEmulator, RunningPoruch } from './poruch-on-emulator.js';
import { confirmationOf, greet as greetIn, hasButton, reportUpToSummary } from './reporting.js';

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

/** A new person: /start, Ukrainian, and the menu. */
export const greet = (running: RunningPoruch, user: TestUser) => greetIn(user, running.text, PATIENCE);

/** The person answers the questions of a concern about a child in Kramatorsk; returns the confirmation. */
export async function reportConcern(running: RunningPoruch, user: TestUser, description: string) {
  await reportUpToSummary(user, running.text, description, PATIENCE);
  await user.press('summary:send');
  return user.until((m) => m.text === running.text('menu.prompt', 'uk'), PATIENCE);
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
  const inviteCode = await freshInvite(poruch, KRAMATORSK);
  await specialist.command(`/join ${inviteCode}`);
  await specialist.until((m) => m.text === text('specialist.help', 'uk'), PATIENCE);

  const description = 'Хлопчик років шести вже два дні сам у квартирі на вулиці Шкільній.';
  const { code: caseCode, secret: caseKey } = confirmationOf(
    await reportConcern(running, reporter, description),
  );
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
