// `npm run viber:set-webhook` against the fake API, which (like Viber) verifies the URL by POSTing
// a signed `webhook` callback to our running webhook before accepting it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viberSetWebhook } from '../../../../scripts/commands/viber-set-webhook.js';
import { setViberWebhook, WEBHOOK_EVENT_TYPES } from '../../../../src/channels/viber/set-webhook.js';
import { runCommand } from '../../../helpers/command.js';
import { type FakeViberApi, startFakeViberApi } from '../../../helpers/fake-viber-api.js';
import { type RunningChannel, startChannel } from './support.js';

let api: FakeViberApi;
let bot: RunningChannel;

beforeEach(async () => {
  api = await startFakeViberApi();
  bot = await startChannel(api);
});
afterEach(async () => {
  await bot.close();
  await api.close();
});

const envFor = (webhookUrl: string | undefined) => ({
  VIBER_AUTH_TOKEN: api.authToken,
  VIBER_API_URL: api.url,
  VIBER_WEBHOOK_URL: webhookUrl,
});

describe('registering the Viber webhook', () => {
  it('registers the configured URL for the events Poruch handles, after Viber checked it', async () => {
    const report = await setViberWebhook(envFor(bot.webhookUrl));
    expect(report).toEqual({
      exitCode: 0,
      lines: [`Viber webhook set to ${bot.webhookUrl}`, `Events: ${WEBHOOK_EVENT_TYPES.join(', ')}`],
    });
    expect(api.webhook).toEqual({ url: bot.webhookUrl, eventTypes: [...WEBHOOK_EVENT_TYPES] });
    expect(bot.logger.entries).toContainEqual(expect.objectContaining({ msg: 'viber: webhook verified' }));
  });

  it('fails clearly when Viber cannot reach the URL', async () => {
    const report = await setViberWebhook(envFor('http://127.0.0.1:9/webhooks/viber'));
    expect(report.exitCode).toBe(1);
    expect(report.lines[0]).toContain('invalidUrl (1)');
    expect(api.webhook).toBeNull();
  });

  it('fails clearly when the token is missing, the URL is missing, or the token is refused', async () => {
    expect(await setViberWebhook({})).toEqual({
      exitCode: 1,
      lines: ['Viber is not configured: set VIBER_AUTH_TOKEN (and VIBER_WEBHOOK_URL).'],
    });
    const noUrl = await setViberWebhook(envFor(undefined));
    expect(noUrl.exitCode).toBe(1);
    expect(noUrl.lines[0]).toMatch(/^VIBER_WEBHOOK_URL is not set/);
    const refused = await setViberWebhook({
      ...envFor(bot.webhookUrl),
      VIBER_AUTH_TOKEN: 'another-token-123',
    });
    expect(refused.exitCode).toBe(1);
    expect(refused.lines[0]).toContain('invalidAuthToken (2)');
  });

  it('names the variable when the configuration is invalid', async () => {
    const report = await setViberWebhook({ ...envFor('not a url'), VIBER_AUTH_TOKEN: api.authToken });
    expect(report.exitCode).toBe(1);
    expect(report.lines[0]).toContain('VIBER_WEBHOOK_URL');
  });

  it('as the command (npm run viber:set-webhook) prints the result and exits 0 / 1', async () => {
    const ok = await runCommand(viberSetWebhook, [], { env: envFor(bot.webhookUrl) });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`Viber webhook set to ${bot.webhookUrl}`);
    const failed = await runCommand(viberSetWebhook, [], { env: {} });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Viber is not configured');
  });
});
