import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createViberChannel, DEFAULT_WEBHOOK_PATH } from '../../../../src/channels/viber/index.js';
import { type FakeViberApi, startFakeViberApi } from '../../../helpers/fake-viber-api.js';
import { echoRender, recordingInbox, recordingLogger, viberConfig } from './support.js';

let api: FakeViberApi;
beforeEach(async () => {
  api = await startFakeViberApi();
});
afterEach(() => api.close());

const channelFor = (config = viberConfig(api), logger = recordingLogger()) =>
  createViberChannel({
    config,
    inbox: recordingInbox(),
    render: echoRender,
    logger,
  });

describe('the Viber channel', () => {
  it('listens on the path of the configured webhook URL, or a default one', () => {
    expect(channelFor().webhookPath).toBe('/webhooks/viber');
    expect(channelFor(viberConfig(api, { webhookUrl: 'https://x.example/hooks/v1?x=1' })).webhookPath).toBe(
      '/hooks/v1',
    );
    expect(channelFor(viberConfig(api, { webhookUrl: undefined })).webhookPath).toBe(DEFAULT_WEBHOOK_PATH);
  });

  it('checks its token on start', async () => {
    const logger = recordingLogger();
    await channelFor(viberConfig(api), logger).start();
    expect(api.calls.map((c) => c.endpoint)).toEqual(['get_account_info']);
    expect(logger.entries).toContainEqual(expect.objectContaining({ msg: 'viber: ready' }));
  });

  it('refuses to start with a token Viber rejects', async () => {
    const channel = channelFor(viberConfig(api, { authToken: 'wrong-token-123456' }));
    await expect(channel.start()).rejects.toThrow(
      'Viber rejected VIBER_AUTH_TOKEN: viber invalidAuthToken (2)',
    );
  });

  it('starts anyway when Viber is unreachable: the webhook works and the outbox retries', async () => {
    const logger = recordingLogger();
    api.failNext('get_account_info', { httpStatus: 502 });
    await channelFor(viberConfig(api), logger).start();
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', fields: { reason: 'viber http 502' } }),
    );
  });

  it('after stop, sends fail as retryable instead of hanging', async () => {
    const channel = channelFor();
    await channel.stop();
    expect(await channel.messenger.send('user-1', { text: { key: 'x' } }, 'uk')).toMatchObject({
      ok: false,
      kind: 'retry',
    });
    expect(api.sent).toHaveLength(0);
  });
});
