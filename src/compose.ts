// The composition root's body: builds every part of Poruch from a validated Config and wires them.
// main.ts calls it and listens; tests call it with their own database, clock and emulator URLs.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type Logger, pino } from 'pino';
import { createTelegramChannel, type TelegramChannel } from './channels/telegram/index.js';
import { createViberChannel, type ViberChannel } from './channels/viber/index.js';
import type { Config } from './config.js';
import type { Inbox, Messenger } from './core/delivery/ports.js';
import { createInbox } from './core/inbox/inbox.js';
import type { Channel, Directory } from './core/model.js';
import { type Clock, systemClock } from './core/ports.js';
import { createCaseCodes, createQueue, type Queue } from './core/queue/index.js';
import { createCaseActions } from './core/specialists/case-actions.js';
import { deactivateSpecialist } from './core/specialists/team.js';
import { createSignIn, type SignIn } from './core/staff/sign-in.js';
import { createHandleCipher } from './crypto/handle-cipher.js';
import { loadMasterKey } from './crypto/master-key.js';
import { importDirectoryFile } from './directory/import.js';
import { formatRowError } from './directory/index.js';
import { buildApp } from './http/app.js';
import { consoleRoutes } from './http/console/index.js';
import { createI18n, type I18n } from './i18n/index.js';
import { createOutboxDispatcher, type OutboxDispatcher } from './jobs/outbox-dispatcher.js';
import { createQueueWatch, type QueueWatch } from './jobs/queue-watch.js';
import { loggerOptions } from './logger.js';
import { fromCwd, localesDir } from './paths.js';
import { hashInviteCode, issueInvite } from './storage/invites.js';
import { applyMigrations } from './storage/migrations.js';
import { deliveryQueue } from './storage/outbox.js';
import { consoleReads } from './storage/staff-access.js';
import { createStore, type StoreWithDatabase } from './storage/store.js';

export interface Poruch {
  app: FastifyInstance;
  store: StoreWithDatabase;
  queue: Queue;
  inbox: Inbox;
  i18n: I18n;
  dispatcher: OutboxDispatcher;
  /** Lease expiry and escalation, on a timer. */
  queueWatch: QueueWatch;
  telegram: TelegramChannel | null;
  viber: ViberChannel | null;
  logger: Logger;
  /** The staff console's one-time sign-in links and sessions. */
  signIn: SignIn;
  directory(): Directory;
  /** Re-reads the centre directory (after `npm run centres:import` by another process). */
  reloadDirectory(): Promise<void>;
  /** Starts channels (webhook registration or polling) and background jobs. */
  start(): Promise<void>;
  /** Stops taking updates, lets the outbox finish its run, closes the database. */
  close(): Promise<void>;
}

export interface ComposeOptions {
  clock?: Clock;
  logger?: Logger;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function loadDirectory(store: StoreWithDatabase, config: Config, logger: Logger): Promise<Directory> {
  const loaded = await store.directory.load();
  if (loaded.centres.length > 0) return loaded;
  // First start on an empty database: load the bundled (or configured) directory.
  const imported = await importDirectoryFile(fromCwd(config.centresFile), store.directory);
  if (!imported.ok) {
    throw new Error(`${config.centresFile} is invalid:\n${imported.error.map(formatRowError).join('\n')}`);
  }
  logger.info(
    { file: config.centresFile, ...imported.value },
    'centre directory loaded into an empty database',
  );
  return store.directory.load();
}

export async function composePoruch(config: Config, options: ComposeOptions = {}): Promise<Poruch> {
  const logger = options.logger ?? pino(loggerOptions(config) as object);
  const clock = options.clock ?? systemClock;

  const applied = await applyMigrations(config.databaseUrl);
  if (applied.length > 0) logger.info({ applied }, 'database migrations applied');

  const masterKey = loadMasterKey({ key: config.handleKey, keyFile: fromCwd(config.handleKeyFile) });
  if (masterKey.created) logger.warn({ file: config.handleKeyFile }, 'created a development handle key');
  const cipher = createHandleCipher(masterKey.key);
  const store = createStore(config.databaseUrl, { cipher });

  let directory = await loadDirectory(store, config, logger);
  const centreById = () => new Map(directory.centres.map((c) => [c.id, c]));
  let centres = centreById();

  const caseCodes = createCaseCodes({ random: (n) => randomBytes(n), hash: sha256 });
  const queue = createQueue({
    store,
    clock,
    leaseMinutes: config.leaseMinutes,
    caseCodes,
    parentCentreOf: (id) => centres.get(id)?.parentId ?? null,
  });

  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const signIn = createSignIn({
    clock,
    randomToken: () => randomBytes(32).toString('base64url'),
    hash: sha256,
    publicUrl,
  });

  const i18n = createI18n(localesDir, {
    onMissingKey: (key, locale) => logger.error({ key, locale }, 'missing locale key'),
  });

  // The inbox wakes the dispatcher, which needs the channels' messengers, which need the inbox.
  let dispatcher: OutboxDispatcher | null = null;
  const inbox = createInbox({
    store,
    queue,
    hashSecret: caseCodes.hashSecret,
    directory: () => directory,
    clock,
    log: logger.child({ part: 'conversation' }),
    onCommitted: () => dispatcher?.wake(),
    hashInviteCode,
    signIn,
  });

  const telegram = createTelegramChannel({
    config: config.telegram,
    inbox,
    render: i18n.render,
    logger: logger.child({ channel: 'telegram' }),
  });
  const viber = config.viber.enabled
    ? createViberChannel({
        config: config.viber,
        inbox,
        render: i18n.render,
        logger: logger.child({ channel: 'viber' }),
        onUnsubscribed: async (platformId) => {
          const chat = await store.handles.resolve('VIBER', platformId);
          await store.handles.markUnreachable(chat.handleId, clock.now());
        },
      })
    : null;

  const messengers: Partial<Record<Channel, Messenger>> = {};
  if (telegram) messengers.TELEGRAM = telegram.messenger;
  if (viber) messengers.VIBER = viber.messenger;
  dispatcher = createOutboxDispatcher({
    queue: deliveryQueue(store.database, cipher),
    messengers,
    clock,
    logger: logger.child({ part: 'outbox' }),
  });

  const reloadDirectory = async () => {
    directory = await store.directory.load();
    centres = centreById();
  };
  const staffConsole = consoleRoutes({
    store,
    reads: consoleReads(store.database.prisma),
    queue,
    actions: createCaseActions({ queue, directory: () => directory }),
    signIn,
    team: {
      invite: (centreId, role, name) =>
        issueInvite(store.database.prisma, { centreId, role, hours: 72, name }),
      deactivate: (id) =>
        deactivateSpecialist(
          { store, queue, notify: { directory: () => directory, now: () => clock.now() } },
          id,
        ),
    },
    directory: () => directory,
    reloadDirectory,
    i18n,
    clock,
    publicUrl,
    cookieSecret: createHmac('sha256', masterKey.key).update('poruch console cookies').digest('hex'),
    botUsername: async () =>
      telegram ? ((await telegram.telegram.getMe().catch(() => null))?.username ?? null) : null,
    escalation: {
      urgentAfterMinutes: config.escalateUrgentAfterMinutes,
      normalAfterMinutes: config.escalateNormalAfterMinutes,
    },
    parentCentreOf: (id) => centres.get(id)?.parentId ?? null,
    refreshSeconds: config.consoleRefreshSeconds,
    onCommitted: () => dispatcher?.wake(),
  });

  const app = await buildApp({
    loggerInstance: logger,
    database: store,
    channels: () => ({
      telegram: telegram ? telegram.mode : 'off',
      viber: viber ? 'webhook' : 'off',
    }),
    routes: [telegram?.routes, viber?.routes, staffConsole].filter((r) => r != null),
  });

  const queueWatch = createQueueWatch({
    queue,
    store,
    clock,
    directory: () => directory,
    thresholds: {
      urgentAfterMinutes: config.escalateUrgentAfterMinutes,
      normalAfterMinutes: config.escalateNormalAfterMinutes,
    },
    logger: logger.child({ part: 'queue-watch' }),
    onNotified: () => dispatcher?.wake(),
  });

  const jobs = dispatcher;
  return {
    app,
    store,
    queue,
    inbox,
    i18n,
    dispatcher: jobs,
    queueWatch,
    telegram,
    viber,
    logger,
    signIn,
    directory: () => directory,
    async start() {
      jobs.start();
      queueWatch.start();
      if (!telegram) logger.info('telegram bot is off: set TELEGRAM_BOT_TOKEN to switch it on');
      else await telegram.start();
      if (!viber) logger.info('viber bot is off: set VIBER_AUTH_TOKEN to switch it on');
      else await viber.start();
    },
    async close() {
      await telegram?.stop();
      await viber?.stop();
      await app.close();
      await queueWatch.stop();
      await jobs.stop();
      await store.close();
    },
    reloadDirectory,
  };
}
