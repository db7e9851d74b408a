// The only module that reads process.env. Everything is validated once at start; a bad value stops
// the process with every offending variable named, instead of failing later in a webhook.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { isIsoDate } from './core/casework/calendar.js';
import type { CaseworkPolicy } from './core/casework/deadlines.js';

const validTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const days = minutes;

/** How long what people wrote is kept (core/retention/policy.ts; README "Privacy and retention"). */
const retentionSchema = z.object({
  closedCaseDays: days(180),
  processedUpdateDays: days(7),
  sentOutboxDays: days(1),
  failedOutboxDays: days(7),
  idleConversationDays: days(30),
});
const perSecond = (fallback: number) => z.coerce.number().positive().max(1000).default(fallback);

const telegramSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('off') }),
  z.object({
    mode: z.literal('polling'),
    token: z.string().min(20),
    apiRoot: z.url().optional(),
  }),
  z.object({
    mode: z.literal('webhook'),
    token: z.string().min(20),
    apiRoot: z.url().optional(),
    webhookUrl: z.url(),
    /** Telegram echoes it in X-Telegram-Bot-Api-Secret-Token; 1-256 chars of A-Z a-z 0-9 _ -. */
    webhookSecret: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z a-z 0-9 _ -'),
  }),
]);

const viberSchema = z.discriminatedUnion('enabled', [
  z.object({ enabled: z.literal(false) }),
  z.object({
    enabled: z.literal(true),
    authToken: z.string().min(10),
    webhookUrl: z.url().optional(),
    apiUrl: z.url().default('https://chatapi.viber.com/pa'),
    botName: z.string().min(1).max(28).default('Поруч'),
    avatarUrl: z.url().optional(),
  }),
]);

export const configSchema = z.object({
  env: z.enum(['development', 'production', 'test']).default('development'),
  host: z.string().default('0.0.0.0'),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `file:./data/poruch.db` (SQLite, default) or `postgresql://...` (several app instances). */
  databaseUrl: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: or postgresql://')
    .default('file:./data/poruch.db'),
  /**
   * 32-byte key (base64 or hex) that encrypts messenger ids. Optional in development, where a key
   * file under ./data is created on first start; required in production.
   */
  handleKey: optionalString,
  handleKeyFile: z.string().default('./data/handle.key'),
  /** Directory loaded into an empty database on first start. */
  centresFile: z.string().default('./data/centres/donetska.json'),
  /** Referral directory (children's services, police, legal aid...) loaded on first start. */
  referralsFile: z.string().default('./data/referrals/donetska.json'),
  /**
   * Where people reach this server (https://poruch.example.org): the staff console's sign-in links
   * point here, and its cookies are Secure when it is https. Default: http://localhost:PORT.
   */
  publicUrl: z
    .url()
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /** How often an open console page refreshes the queue. */
  consoleRefreshSeconds: z.coerce.number().int().min(1).max(300).default(5),
  leaseMinutes: minutes(30),
  escalateUrgentAfterMinutes: minutes(15),
  escalateNormalAfterMinutes: minutes(24 * 60),
  retention: retentionSchema.prefault({}),
  /** Legal deadlines of casework; procedures get amended, so each is configurable (src/core/casework). */
  casework: z
    .object({
      childrenServiceNoticeMinutes: minutes(24 * 60),
      policeNoticeMinutes: minutes(60),
      assessmentWorkingDays: z.coerce.number().int().min(1).max(60).default(5),
      secondAlertAfterMinutes: minutes(24 * 60),
      timeZone: z
        .string()
        .default('Europe/Kyiv')
        .refine(validTimeZone, 'must be an IANA time zone such as Europe/Kyiv'),
      /** Days off besides weekends: comma-separated YYYY-MM-DD. */
      holidays: z
        .string()
        .default('')
        .transform((v) =>
          v
            .split(',')
            .map((d) => d.trim())
            .filter((d) => d !== ''),
        )
        .refine((days) => days.every(isIsoDate), 'must be dates as YYYY-MM-DD, separated by commas'),
    })
    .prefault({}),
  /** Messages a second the Telegram bot may send (Telegram allows about 30). */
  telegramMessagesPerSecond: perSecond(30),
  /** Messages a second the Viber bot may send (Viber publishes no figure; see core/delivery/limits.ts). */
  viberMessagesPerSecond: perSecond(20),
  /** Messages a second to one chat, on either platform (Telegram: about one; short bursts pass). */
  chatMessagesPerSecond: perSecond(1),
  telegram: telegramSchema,
  viber: viberSchema,
});

export type Config = z.infer<typeof configSchema>;

export type Env = Record<string, string | undefined>;

/**
 * Reads `.env` from the working directory into process.env if it exists (Node's own parser, as
 * `node --env-file`). Variables already set win, so the real environment overrides the file.
 * `.env.example` documents every variable.
 */
export function loadEnvFile(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/**
 * Every environment variable Poruch reads, and where its value goes in the config (a dotted path).
 * The one list: loadConfig reads the environment through it, error messages name the variable a
 * person sets through it, and ENV_VARIABLES (which README.md and .env.example must document) is it.
 */
const VARIABLES = {
  env: 'NODE_ENV',
  host: 'HOST',
  port: 'PORT',
  logLevel: 'LOG_LEVEL',
  databaseUrl: 'DATABASE_URL',
  handleKey: 'HANDLE_KEY',
  handleKeyFile: 'HANDLE_KEY_FILE',
  centresFile: 'CENTRES_FILE',
  referralsFile: 'REFERRALS_FILE',
  publicUrl: 'PUBLIC_URL',
  consoleRefreshSeconds: 'CONSOLE_REFRESH_SECONDS',
  leaseMinutes: 'LEASE_MINUTES',
  escalateUrgentAfterMinutes: 'ESCALATE_URGENT_AFTER_MINUTES',
  escalateNormalAfterMinutes: 'ESCALATE_NORMAL_AFTER_MINUTES',
  'retention.closedCaseDays': 'RETENTION_CLOSED_CASE_DAYS',
  'retention.processedUpdateDays': 'RETENTION_PROCESSED_UPDATE_DAYS',
  'retention.sentOutboxDays': 'RETENTION_SENT_OUTBOX_DAYS',
  'retention.failedOutboxDays': 'RETENTION_FAILED_OUTBOX_DAYS',
  'retention.idleConversationDays': 'RETENTION_IDLE_CONVERSATION_DAYS',
  'casework.childrenServiceNoticeMinutes': 'CASEWORK_CHILDREN_SERVICE_NOTICE_MINUTES',
  'casework.policeNoticeMinutes': 'CASEWORK_POLICE_NOTICE_MINUTES',
  'casework.assessmentWorkingDays': 'CASEWORK_ASSESSMENT_WORKING_DAYS',
  'casework.secondAlertAfterMinutes': 'CASEWORK_SECOND_ALERT_AFTER_MINUTES',
  'casework.timeZone': 'CASEWORK_TIME_ZONE',
  'casework.holidays': 'CASEWORK_HOLIDAYS',
  telegramMessagesPerSecond: 'TELEGRAM_MESSAGES_PER_SECOND',
  viberMessagesPerSecond: 'VIBER_MESSAGES_PER_SECOND',
  chatMessagesPerSecond: 'CHAT_MESSAGES_PER_SECOND',
  'telegram.mode': 'TELEGRAM_MODE',
  'telegram.token': 'TELEGRAM_BOT_TOKEN',
  'telegram.apiRoot': 'TELEGRAM_API_ROOT',
  'telegram.webhookUrl': 'TELEGRAM_WEBHOOK_URL',
  'telegram.webhookSecret': 'TELEGRAM_WEBHOOK_SECRET',
  'viber.authToken': 'VIBER_AUTH_TOKEN',
  'viber.webhookUrl': 'VIBER_WEBHOOK_URL',
  'viber.apiUrl': 'VIBER_API_URL',
  'viber.botName': 'VIBER_BOT_NAME',
  'viber.avatarUrl': 'VIBER_AVATAR_URL',
} as const satisfies Record<string, string>;

/** Every environment variable Poruch reads (README.md and .env.example document each). */
export const ENV_VARIABLES: readonly string[] = Object.values(VARIABLES);

type Raw = { [key: string]: string | boolean | undefined | Raw };

/** The environment laid out as the config schema expects it: each set variable at its path. */
function rawFrom(env: Env) {
  const raw: Raw = { retention: {}, casework: {}, telegram: {}, viber: {} };
  for (const [path, variable] of Object.entries(VARIABLES)) {
    const value = env[variable]?.trim();
    const keys = path.split('.');
    const last = keys.pop() as string;
    const parent = keys.reduce((node, key) => node[key] as Raw, raw);
    parent[last] = value === '' ? undefined : value;
  }
  // What follows from other variables: with a token, Telegram defaults to a webhook when its URL is
  // set and to polling otherwise; Viber is on exactly when it has a token.
  const telegram = raw.telegram as Raw;
  telegram.mode ??= telegram.token ? (telegram.webhookUrl ? 'webhook' : 'polling') : 'off';
  const viber = raw.viber as Raw;
  viber.enabled = Boolean(viber.authToken);
  return raw;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Env = process.env): Config {
  const raw = rawFrom(env);
  const parsed = configSchema.safeParse(raw);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      problems.push(`${(VARIABLES as Record<string, string>)[path] ?? path}: ${issue.message}`);
    }
  } else if (parsed.data.env === 'production' && !parsed.data.handleKey) {
    problems.push('HANDLE_KEY: required in production (32 bytes, base64 or hex)');
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}

/** DATABASE_URL alone, for command-line tools that need nothing else of the configuration. */
export function databaseUrlOf(env: Env = process.env): string {
  const parsed = configSchema.shape.databaseUrl.safeParse(env.DATABASE_URL || undefined);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `DATABASE_URL: ${issue.message}`));
  }
  return parsed.data;
}

/** The casework policy of src/core from the validated config. */
export function caseworkPolicyOf(config: Config): CaseworkPolicy {
  const { timeZone, holidays, ...periods } = config.casework;
  return { ...periods, calendar: { timeZone, holidays } };
}
