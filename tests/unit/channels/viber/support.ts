// Test doubles for the Viber channel's collaborators that are not ours to run here: a recording
// Inbox (until the real conversation gateway lands), a recording logger and a key-echo renderer.

import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import {
  createViberChannel,
  type ViberChannel,
  type ViberConfig,
} from '../../../../src/channels/viber/index.js';
import type { Text } from '../../../../src/core/conversation/types.js';
import type { Locale } from '../../../../src/core/model.js';
import type { Inbox, IncomingUpdate } from '../../../../src/core/ports/index.js';
import { buildApp } from '../../../../src/http/app.js';
import type { FakeViberApi } from '../../../helpers/fake-viber-api.js';

export interface RecordingInbox extends Inbox {
  updates: IncomingUpdate[];
  /** Makes the next receive() throw, as a database outage would. */
  failNext(): void;
}

export function recordingInbox(): RecordingInbox {
  let fail = false;
  const inbox: RecordingInbox = {
    updates: [],
    failNext: () => {
      fail = true;
    },
    async receive(update) {
      if (fail) {
        fail = false;
        throw new Error('database is down');
      }
      inbox.updates.push(update);
      return 'processed';
    },
  };
  return inbox;
}

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  msg: string;
}

export function recordingLogger() {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (fields: unknown, msg?: string): void => {
      entries.push({ level, fields: (fields ?? {}) as Record<string, unknown>, msg: msg ?? '' });
    };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** "uk|menu.prompt" — enough to see which key in which language reached Viber. */
export function echoRender(text: Text, locale: Locale): string {
  const params = text.params ? ` ${JSON.stringify(text.params)}` : '';
  return `${locale}|${text.key}${params}`;
}

export function viberConfig(api: FakeViberApi, overrides: Partial<ViberConfig> = {}): ViberConfig {
  return {
    enabled: true,
    authToken: api.authToken,
    apiUrl: api.url,
    botName: 'Поруч',
    webhookUrl: 'https://poruch.example/webhooks/viber',
    ...overrides,
  };
}

export interface RunningChannel {
  app: FastifyInstance;
  channel: ViberChannel;
  inbox: RecordingInbox;
  logger: ReturnType<typeof recordingLogger>;
  /** Local URL of the webhook, for postCallback. */
  webhookUrl: string;
  close(): Promise<void>;
}

/** The whole HTTP app with the Viber routes, listening on a random local port. */
export async function startChannel(api: FakeViberApi): Promise<RunningChannel> {
  const inbox = recordingInbox();
  const logger = recordingLogger();
  const channel = createViberChannel({
    config: viberConfig(api),
    inbox,
    render: echoRender,
    logger,
  });
  const app = await buildApp({ database: { ping: async () => {} }, routes: [channel.routes] });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    channel,
    inbox,
    logger,
    webhookUrl: `http://127.0.0.1:${port}${channel.webhookPath}`,
    close: async () => {
      await channel.stop();
      await app.close();
    },
  };
}
