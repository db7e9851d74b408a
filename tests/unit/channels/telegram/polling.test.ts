import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTelegramClient } from '../../../../src/channels/telegram/client.js';
import { startPolling } from '../../../../src/channels/telegram/polling.js';
import type { UpdateOutcome } from '../../../../src/channels/telegram/updates.js';
import { apiError, type FakeBotApi, okResult, startFakeBotApi } from './fake-bot-api.js';
import { textUpdate } from './fixtures.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
let api: FakeBotApi;

beforeEach(async () => {
  api = await startFakeBotApi();
});
afterEach(async () => {
  expect(api.unexpected).toEqual([]);
  await api.close();
});

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

it('moves the offset past an update only once it is handled, so a failed one is fetched again', async () => {
  const first = { ...textUpdate('перше'), update_id: 500 };
  const second = { ...textUpdate('друге'), update_id: 501 };
  api.answer('getUpdates', okResult([first, second]));
  api.answer('getUpdates', okResult([first, second]));
  api.otherwise('getUpdates', okResult([]));
  const handled: number[] = [];
  let failOnce = true;
  const polling = startPolling({
    telegram: createTelegramClient({ token: '1:fake-token-for-polling-tests', apiRoot: api.apiRoot }),
    logger: silent,
    idleDelayMs: 5,
    errorDelayMs: 5,
    async handleUpdate(raw): Promise<UpdateOutcome> {
      const id = (raw as { update_id: number }).update_id;
      if (id === 500 && failOnce) {
        failOnce = false;
        throw new Error('database busy');
      }
      handled.push(id);
      return 'processed';
    },
  });
  await until(() => api.calls.length >= 3);
  await polling.stop();
  expect(handled).toEqual([500, 501]);
  const offsets = api.calls.map((c) => c.body.offset);
  expect(offsets.slice(0, 3)).toEqual([0, 0, 502]);
  expect(api.calls[0]?.body).toMatchObject({ allowed_updates: ['message', 'callback_query'] });
});

it('backs off when Telegram fails, and stop() ends the loop', async () => {
  api.answer('getUpdates', apiError(409, 'Conflict: terminated by other getUpdates request'));
  api.otherwise('getUpdates', okResult([]));
  const polling = startPolling({
    telegram: createTelegramClient({ token: '1:fake-token-for-polling-tests', apiRoot: api.apiRoot }),
    logger: silent,
    idleDelayMs: 5,
    errorDelayMs: 50,
    handleUpdate: async () => 'processed',
  });
  await until(() => api.calls.length >= 2);
  await polling.stop();
  const calls = api.calls.length;
  await sleep(50);
  expect(api.calls.length).toBe(calls);
});
