// The composition root's body: builds every part of Poruch from a validated Config and wires them.
// main.ts calls it and listens; tests call it with their own database, clock and emulator URLs.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createTelegramChannel, type TelegramChannel } from './channels/telegram/index.js';
import { createViberChannel, type ViberChannel } from './channels/viber/index.js';
import { composeOutbox, type Outbox } from './compose-outbox.js';
import { type Config, caseworkPolicyOf } from './config.js';
import { createInbox } from './core/inbox/inbox.js';
import type { Channel, Directory } from './core/model.js';
import type { Inbox, Messenger } from './core/ports/index.js';
import { type Clock, systemClock } from './core/ports/index.js';
import { createCaseCodes, createQueue, type Queue } from './core/queue/index.js';
import { createCaseActions } from './core/specialists/case-actions.js';
import { deactivateSpecialist } from './core/specialists/team.js';
import { createSignIn, type SignIn } from './core/staff/sign-in.js';
import { createHandleCipher } from './crypto/handle-cipher.js';
import { loadMasterKey } from './crypto/master-key.js';
import { importDirectoryFile } from './directory/import.js';
import { formatRowError } from './directory/index.js';
import { readReferralFile } from './directory/referrals.js';
import { buildApp } from './http/app.js';
import { consoleRoutes } from './http/console/index.js';
import { createI18n, type I18n } from './i18n/index.js';
import { createDirectoryWatch, type DirectoryWatch } from './jobs/directory-watch.js';
import { createEraser, type Eraser } from './jobs/eraser.js';
import type { OutboxDispatcher } from './jobs/outbox-dispatcher.js';
import { createQueueWatch, type QueueWatch } from './jobs/queue-watch.js';
import { createRetentionJob, type RetentionJob } from './jobs/retention.js';
import { createLogger } from './logger.js';
import { fromCwd, localesDir } from './paths.js';
import { hashInviteCode, issueInvite } from './storage/invites.js';
import { applyMigrations } from './storage/migrations.js';
import { erasureQueue } from './storage/recent-messages.js';
import { reportSources } from './storage/reports/index.js';
import { retentionStore } from './storage/retention.js';
import { consoleReads } from './storage/staff-access.js';
import { withStartupLock } from './storage/startup-lock.js';
import { createStore, type StoreWithDatabase } from './storage/store.js';

export interface Poruch {
  app: FastifyInstance;
  store: StoreWithDatabase;
  queue: Queue;
  inbox: Inbox;
  i18n: I18n;
  dispatcher: OutboxDispatcher;
  /** Deletes what /erase asked for, on channels that can. */
  eraser: Eraser;
  /** Lease expiry, escalation and casework deadlines, on a timer. */
  queueWatch: QueueWatch;
  /** Removes what is kept no longer (README "Privacy and retention"), daily. */
  retention: RetentionJob;
  telegram: TelegramChannel | null;
  viber: ViberChannel | null;
  logger: Logger;
  /** The staff console's one-time sign-in links and sessions. */
  signIn: SignIn;
  directory(): Directory;
  /** Reloads the centre directory when `npm run centres:import` (another process) replaced it. */
  directoryWatch: DirectoryWatch;
  /** Re-reads the centre directory now (the staff console after an admin edited a centre). */
  reloadDirectory(): Promise<void>;
  /** Starts channels (webhook registration or polling) and background jobs. */
  start(): Promise<void>;
  /**
   * Graceful shutdown: stops taking updates (polling stops, HTTP answers 503 and waits for requests
   * in flight), lets the jobs finish the work in hand, then closes the channels and the database.
   */
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

/** First start: the bundled referral directory of the oblast, if there is one and none is loaded. */
async function loadReferrals(store: StoreWithDatabase, config: Config, logger: Logger): Promise<void> {
  const file = fromCwd(config.referralsFile);
  if (!existsSync(file)) return;
  const read = await readReferralFile(file);
  if (!read.ok) throw new Error(`${config.referralsFile} is invalid:\n${read.error.join('\n')}`);
  if ((await store.casework.referralContacts(read.value.oblastId)).length > 0) return;
  await store.transaction((tx) =>
    tx.casework.replaceReferralContacts(read.value.oblastId, read.value.contacts),
  );
  logger.info(
    { file: config.referralsFile, contacts: read.value.contacts.length },
    'referral directory loaded',
  );
}

export async function composePoruch(config: Config, options: ComposeOptions = {}): Promise<Poruch> {
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;

  const masterKey = loadMasterKey({ key: config.handleKey, keyFile: fromCwd(config.handleKeyFile) });
  if (masterKey.created) logger.warn({ file: config.handleKeyFile }, 'created a development handle key');
  const cipher = createHandleCipher(masterKey.key);
  // Opens lazily: nothing touches the database before the migrations below.
  const store = createStore(config.databaseUrl, { cipher, clock });

  // Instances started together take turns: the first migrates and loads the directories, the others
  // find them done (see startup-lock.ts). The directory's version is read before the load, so an
  // import by another process at any later moment is noticed by the directory watch.
  const started = await withStartupLock(config.databaseUrl, async () => {
    const applied = await applyMigrations(config.databaseUrl);
    if (applied.length > 0) logger.info({ applied }, 'database migrations applied');
    const version = await store.directory.version();
    const loaded = await loadDirectory(store, config, logger);
    await loadReferrals(store, config, logger);
    return { version, directory: loaded };
  });
  const loadedVersion = started.version;
  let directory = started.directory;
  const centreById = () => new Map(directory.centres.map((c) => [c.id, c]));
  let centres = centreById();

  const caseworkPolicy = caseworkPolicyOf(config);
  const caseCodes = createCaseCodes({ random: (n) => randomBytes(n), hash: sha256 });
  const queue = createQueue({
    store,
    clock,
    leaseMinutes: config.leaseMinutes,
    caseCodes,
    parentCentreOf: (id) => centres.get(id)?.parentId ?? null,
    casework: caseworkPolicy,
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
  let outbox: Outbox | null = null;
  let eraser: Eraser | null = null;
  const messengers: Partial<Record<Channel, Messenger>> = {};
  const inbox = createInbox({
    store,
    queue,
    hashSecret: caseCodes.hashSecret,
    directory: () => directory,
    clock,
    log: logger.child({ part: 'conversation' }),
    onCommitted: () => {
      outbox?.queued();
      eraser?.wake();
    },
    hashInviteCode,
    canErase: (channel) => messengers[channel]?.delete !== undefined,
    caseworkPolicy,
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
      })
    : null;

  if (telegram) messengers.TELEGRAM = telegram.messenger;
  if (viber) messengers.VIBER = viber.messenger;
  outbox = await composeOutbox(config, {
    store,
    cipher,
    messengers,
    clock,
    logger: logger.child({ part: 'outbox' }),
  });
  const { dispatcher } = outbox;
  eraser = createEraser({
    queue: erasureQueue(store.database, cipher),
    messengers,
    clock,
    logger: logger.child({ part: 'eraser' }),
  });
  const erasing = eraser;

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
        issueInvite(store.database.prisma, { centreId, role, hours: 72, name, now: clock.now() }),
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
    casework: caseworkPolicy,
    refreshSeconds: config.consoleRefreshSeconds,
    reports: reportSources(store.database, caseworkPolicy),
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
    clock,
    store,
    directory: () => directory,
    thresholds: {
      urgentAfterMinutes: config.escalateUrgentAfterMinutes,
      normalAfterMinutes: config.escalateNormalAfterMinutes,
    },
    logger: logger.child({ part: 'queue-watch' }),
    onNotified: () => outbox?.queued(),
    casework: caseworkPolicy,
  });

  const directoryWatch = createDirectoryWatch({
    repository: store.directory,
    loadedVersion,
    onReloaded: (reloaded) => {
      directory = reloaded;
      centres = centreById();
    },
    logger: logger.child({ part: 'directory-watch' }),
  });

  const retention = createRetentionJob({
    store: retentionStore(store.database),
    clock,
    periods: config.retention,
    logger: logger.child({ part: 'retention' }),
  });

  const jobs = dispatcher;
  const sending = outbox;
  return {
    app,
    store,
    queue,
    inbox,
    i18n,
    dispatcher: jobs,
    eraser: erasing,
    queueWatch,
    directoryWatch,
    retention,
    telegram,
    viber,
    logger,
    signIn,
    directory: () => directory,
    async start() {
      jobs.start();
      erasing.start();
      queueWatch.start();
      directoryWatch.start();
      retention.start();
      if (!telegram) logger.info('telegram bot is off: set TELEGRAM_BOT_TOKEN to switch it on');
      else await telegram.start();
      if (!viber) logger.info('viber bot is off: set VIBER_AUTH_TOKEN to switch it on');
      else await viber.start();
    },
    async close() {
      // 1. No new work: Telegram polling stops after the update in hand; fastify answers 503 to new
      //    requests (the platforms deliver those again) and waits for the webhooks in flight.
      await telegram?.stop();
      await app.close();
      // 2. Drain: each job finishes the run in hand (a message being sent is marked sent) and starts
      //    no other; what is still due stays in the outbox for the next start.
      await Promise.all([
        directoryWatch.stop(),
        queueWatch.stop(),
        retention.stop(),
        erasing.stop(),
        sending.close(),
      ]);
      // 3. Only now cut the channels' API calls and close the database.
      await viber?.stop();
      await store.close();
    },
    reloadDirectory,
  };
}
