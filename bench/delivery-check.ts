// After bench:delivery: what the outbox says each chat should have received, and the figures the
// benchmark prints. Chats are matched by their keyed hash (nothing is decrypted).
import type { HandleCipher } from '../src/crypto/handle-cipher.js';
import { createStore } from '../src/storage/store.js';
import type { Accepted } from './fake-telegram-api.js';
import type { Sample } from './outbox-watch.js';
import type { Person } from './people.js';

interface Row {
  lookupHash: string;
  status: string;
  sentCount: number;
  payload: string;
}

export interface Owed {
  sent: number;
  notSent: number;
}

/** Messages per chat id: sent according to the outbox, and still owed. */
export async function owedPerChat(databaseUrl: string, cipher: HandleCipher, chatIds: number[]) {
  const store = createStore(databaseUrl, { cipher, maxConnections: 1 });
  try {
    const rows = await store.database.sql.all<Row>(
      `SELECT h."lookupHash", o."status", o."sentCount", o."payload"
       FROM "OutboxMessage" o JOIN "ChatHandle" h ON h."id" = o."handleId"`,
    );
    const chatOf = new Map(chatIds.map((id) => [cipher.lookupHash('TELEGRAM', String(id)), String(id)]));
    const owed = new Map<string, Owed>();
    for (const row of rows) {
      const chat = chatOf.get(row.lookupHash);
      if (!chat) continue;
      const entry = owed.get(chat) ?? { sent: 0, notSent: 0 };
      entry.sent += Number(row.sentCount);
      // A sent entry's payload is emptied at sending (privacy); only unsent ones still carry theirs.
      if (row.status !== 'SENT') {
        const total = (JSON.parse(row.payload) as { messages: unknown[] }).messages.length;
        entry.notSent += total - Number(row.sentCount);
      }
      owed.set(chat, entry);
    }
    return owed;
  } finally {
    await store.close();
  }
}

/** Accepted messages per chat minus what the outbox sent: lost (< 0) and duplicated (> 0). */
export function compare(owed: Map<string, Owed>, accepted: Accepted[]) {
  const got = new Map<string, number>();
  for (const a of accepted) got.set(a.chatId, (got.get(a.chatId) ?? 0) + 1);
  let lost = 0;
  let duplicated = 0;
  let expected = 0;
  let notSent = 0;
  for (const [chat, o] of owed) {
    expected += o.sent + o.notSent;
    notSent += o.notSent;
    const difference = (got.get(chat) ?? 0) - o.sent;
    if (difference > 0) duplicated += difference;
    else lost += -difference;
  }
  return { expected, notSent, lost, duplicated };
}

/** Delay from each endangered person's "yes" to the first message with the emergency numbers. */
export function emergencyDelays(
  people: Person[],
  accepted: Accepted[],
): { delays: number[]; missing: number } {
  const delays: number[] = [];
  let missing = 0;
  for (const person of people) {
    if (!person.inDanger || person.dangerPostedAt === null) continue;
    const posted = person.dangerPostedAt;
    const first = accepted.find(
      (a) => a.chatId === String(person.chatId) && a.text.includes('112') && a.at >= posted,
    );
    if (first) delays.push(first.at - posted);
    else missing += 1;
  }
  return { delays: delays.sort((a, b) => a - b), missing };
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number);

/** Messages a second while at least `chats` chats were waiting (then the bot's rate is the limit). */
export function backlogRate(samples: Sample[], accepted: Accepted[], chats: number) {
  let seconds = 0;
  let messages = 0;
  for (let i = 0; i + 1 < samples.length; i++) {
    const [from, to] = [samples[i] as Sample, samples[i + 1] as Sample];
    if (from.pendingChats < chats) continue;
    seconds += (to.at - from.at) / 1000;
    messages += accepted.filter((a) => a.at >= from.at && a.at < to.at).length;
  }
  return { seconds, messages, perSecond: seconds > 0 ? messages / seconds : Number.NaN };
}
