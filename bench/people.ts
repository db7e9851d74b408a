// People filing concern reports at once, as webhook calls: `connections` at a time, each playing
// one person after another through the whole flow without waiting for the bot's replies (the
// worst case for the outbox: every reply of the flow queued within seconds).
import { type ChatContext, DANGER_STEP, REDELIVERY_STEP, SEND_STEP, type Update } from './concern-flow.js';

type Step = (chat: ChatContext, updateId: number) => Update;

export interface Person {
  chatId: number;
  inDanger: boolean;
  /** When the "a child is in danger: yes" update was posted (ms since the epoch). */
  dangerPostedAt: number | null;
}

export interface Burst {
  people: Person[];
  updates: number;
  failures: number;
  seconds: number;
}

export interface BurstOptions {
  url: string;
  secret: string;
  flow: Step[];
  people: number;
  connections: number;
  firstChat: number;
  inDanger(chatId: number): boolean;
}

export const nowMs = () => performance.timeOrigin + performance.now();

export async function fileReports(o: BurstOptions): Promise<Burst> {
  const people: Person[] = [];
  let nextUpdate = 1;
  let updates = 0;
  let failures = 0;
  const post = async (body: Update) => {
    const response = await fetch(o.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': o.secret },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    updates += 1;
    if (response.status !== 200) failures += 1;
  };
  async function play(person: Person): Promise<void> {
    const context: ChatContext = { chatId: person.chatId };
    for (const [index, step] of o.flow.entries()) {
      const updateId = index === REDELIVERY_STEP ? (context.sendUpdateId ?? 0) : nextUpdate++;
      if (index === SEND_STEP) context.sendUpdateId = updateId;
      if (index === DANGER_STEP && person.inDanger) person.dangerPostedAt = nowMs();
      await post(step(context, updateId));
    }
  }
  const started = nowMs();
  const connection = async () => {
    while (people.length < o.people) {
      const chatId = o.firstChat + people.length;
      const person: Person = { chatId, inDanger: o.inDanger(chatId), dangerPostedAt: null };
      people.push(person);
      await play(person);
    }
  };
  await Promise.all(Array.from({ length: o.connections }, connection));
  return { people, updates, failures, seconds: (nowMs() - started) / 1000 };
}
