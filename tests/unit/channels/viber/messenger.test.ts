// The messenger and client against a local fake of Viber's REST API: real HTTP, real JSON.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createViberClient } from '../../../../src/channels/viber/client.js';
import { createViberMessenger } from '../../../../src/channels/viber/messenger.js';
import type { Reply } from '../../../../src/core/conversation/types.js';
import type { Messenger } from '../../../../src/core/ports/index.js';
import { type FakeViberApi, startFakeViberApi } from '../../../helpers/fake-viber-api.js';
import { echoRender, recordingLogger } from './support.js';

let api: FakeViberApi;
let messenger: Messenger;
let clock = 0;
const logger = recordingLogger();
const menu: Reply = {
  text: { key: 'menu.prompt' },
  buttons: [[{ label: { key: 'menu.help' }, value: 'menu:help' }]],
};

beforeEach(async () => {
  api = await startFakeViberApi();
  clock = 1_000_000;
  const client = createViberClient({ apiUrl: api.url, authToken: api.authToken });
  messenger = createViberMessenger({
    client,
    sender: { name: 'Поруч' },
    render: echoRender,
    logger,
    now: () => clock,
  });
});
afterEach(() => api.close());

describe('sending a reply to a Viber user', () => {
  it('calls send_message with the token header, sender name and keyboard, and keeps the exact message id', async () => {
    const outcome = await messenger.send('user-1', menu, 'uk');
    expect(outcome).toEqual({ ok: true, messageId: expect.stringMatching(/^\d{19}$/) });
    if (!outcome.ok) return;
    expect(BigInt(outcome.messageId ?? 0)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    expect(api.calls[0]?.authToken).toBe(api.authToken);
    expect(api.sentTo('user-1')).toEqual([
      expect.objectContaining({
        receiver: 'user-1',
        sender: { name: 'Поруч' },
        type: 'text',
        text: 'uk|menu.prompt',
        keyboard: expect.objectContaining({ Type: 'keyboard' }),
      }),
    ]);
  });

  it('edit sends the new version as a new message, since Viber cannot edit', async () => {
    const first = await messenger.send('user-1', { text: { key: 'case.new' } }, 'uk');
    const edited = await messenger.edit(
      'user-1',
      first.ok ? (first.messageId ?? '') : '',
      { text: { key: 'case.claimed' } },
      'uk',
    );
    expect(edited.ok).toBe(true);
    expect(api.sentTo('user-1').map((m) => m.text)).toEqual(['uk|case.new', 'uk|case.claimed']);
  });

  it('keeps the location picker when a list of places follows the location question', async () => {
    await messenger.send('user-1', { text: { key: 'place.ask' }, requestLocation: true }, 'uk');
    await messenger.send('user-1', menu, 'uk');
    await messenger.send('user-1', menu, 'uk');
    const actions = api
      .sentTo('user-1')
      .map((m) => (m.keyboard as { Buttons: { ActionType: string }[] }).Buttons.map((x) => x.ActionType));
    expect(actions).toEqual([['location-picker'], ['location-picker', 'reply'], ['reply']]);
    expect(api.sentTo('user-1')[1]?.min_api_version).toBe(3);
  });

  it('does not carry the picker to another chat, nor after it went stale', async () => {
    await messenger.send('user-1', { text: { key: 'place.ask' }, requestLocation: true }, 'uk');
    await messenger.send('user-2', menu, 'uk');
    clock += 10 * 60_000;
    await messenger.send('user-1', menu, 'uk');
    const buttons = (m: Record<string, unknown> | undefined) =>
      (m?.keyboard as { Buttons: unknown[] } | undefined)?.Buttons ?? [];
    expect(buttons(api.sentTo('user-2')[0])).toHaveLength(1);
    expect(buttons(api.sentTo('user-1')[1])).toHaveLength(1);
  });
});

describe('what a failed send means for the outbox', () => {
  it('receiver not subscribed (6) or not registered (5): unreachable, never retried', async () => {
    api.notSubscribed.add('gone');
    expect(await messenger.send('gone', menu, 'uk')).toEqual({
      ok: false,
      kind: 'unreachable',
      reason: 'viber receiverNotSubscribed (6)',
    });
    api.failNext('send_message', { status: 5, message: 'receiverNotRegistered' });
    expect(await messenger.send('user-1', menu, 'uk')).toMatchObject({ ok: false, kind: 'unreachable' });
  });

  it('too many requests (12) pauses the bot; HTTP 5xx and a network failure: retry later', async () => {
    api.failNext('send_message', { status: 12 });
    expect(await messenger.send('user-1', menu, 'uk')).toMatchObject({
      ok: false,
      kind: 'throttled',
      reason: 'viber tooManyRequests (12)',
    });
    api.failNext('send_message', { httpStatus: 500 });
    expect(await messenger.send('user-1', menu, 'uk')).toMatchObject({
      ok: false,
      kind: 'retry',
      reason: 'viber http 500',
    });
    await api.close();
    expect(await messenger.send('user-1', menu, 'uk')).toMatchObject({
      ok: false,
      kind: 'retry',
      reason: expect.stringMatching(/^viber unreachable/),
    });
    api = await startFakeViberApi(); // for afterEach
  });

  it('anything else Viber refuses (bad data, wrong token): rejected, since retrying cannot help', async () => {
    api.failNext('send_message', { status: 3, message: 'badData' });
    expect(await messenger.send('user-1', menu, 'uk')).toMatchObject({
      ok: false,
      kind: 'rejected',
      reason: 'viber badData (3)',
    });
    const wrongToken = createViberMessenger({
      client: createViberClient({ apiUrl: api.url, authToken: 'not-the-token-0000' }),
      sender: { name: 'Поруч' },
      render: echoRender,
      logger,
    });
    expect(await wrongToken.send('user-1', menu, 'uk')).toMatchObject({
      ok: false,
      kind: 'rejected',
      reason: 'viber invalidAuthToken (2)',
    });
    expect(api.sent).toHaveLength(0);
  });

  it('logs the failure without the chat id or the text', async () => {
    api.failNext('send_message', { status: 3 });
    await messenger.send('secret-user-id', menu, 'uk');
    const logged = JSON.stringify(logger.entries);
    expect(logged).toContain('viber: send failed');
    expect(logged).not.toContain('secret-user-id');
    expect(logged).not.toContain('menu.prompt');
  });
});

describe('the REST client', () => {
  it('checks the status of every answer, not only HTTP 200', async () => {
    const client = createViberClient({ apiUrl: api.url, authToken: api.authToken });
    api.failNext('get_account_info', { status: 9, message: 'publicAccountSuspended' });
    expect(await client.getAccountInfo()).toEqual({
      ok: false,
      error: { kind: 'status', status: 9, message: 'publicAccountSuspended' },
    });
    expect(await client.getAccountInfo()).toMatchObject({ ok: true, value: { name: 'Poruch test' } });
    expect(await client.getUserDetails('user-1')).toEqual({
      ok: true,
      value: { id: 'user-1', name: 'User', language: 'uk', country: 'UA', apiVersion: 10 },
    });
  });

  it('treats an HTTP 200 that is not Viber JSON as malformed, and a send as worth retrying', async () => {
    const client = createViberClient({ apiUrl: api.url, authToken: api.authToken });
    api.failNext('get_account_info', { rawBody: '<html>captive portal</html>' });
    expect(await client.getAccountInfo()).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    api.failNext('get_account_info', { rawBody: '{"status_message":"ok"}' });
    expect(await client.getAccountInfo()).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    api.failNext('send_message', { rawBody: '' });
    expect(await messenger.send('user-1', menu, 'uk')).toMatchObject({ ok: false, kind: 'retry' });
  });

  it('accepts a base URL with a trailing slash', async () => {
    const client = createViberClient({ apiUrl: `${api.url}/`, authToken: api.authToken });
    expect((await client.getAccountInfo()).ok).toBe(true);
    expect(api.unmatched).toEqual([]);
  });
});
