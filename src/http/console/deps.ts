// What the staff console is built from. Everything it does to cases goes through the same core
// services as the bot (queue, case actions, team), inside store transactions it opens itself.
import type { CaseworkPolicy } from '../../core/casework/deadlines.js';
import type { Directory, Specialist, SpecialistRole } from '../../core/model.js';
import type { Clock, Store } from '../../core/ports.js';
import type { OverdueThresholds, Queue } from '../../core/queue/index.js';
import type { CaseworkMeasureSource, ReportSource } from '../../core/reports/model.js';
import type { CaseActions } from '../../core/specialists/case-actions.js';
import type { Deactivated } from '../../core/specialists/team.js';
import type { ConsoleReads } from '../../core/staff/ports.js';
import type { SignIn } from '../../core/staff/sign-in.js';
import type { I18n } from '../../i18n/index.js';

export interface ConsoleTeam {
  /** A one-time /join code for the centre (shown once; only its hash is stored). */
  invite(
    centreId: string,
    role: Exclude<SpecialistRole, 'SUPERVISOR'>,
    name: string,
  ): Promise<{
    code: string;
    expiresAt: Date;
  }>;
  /** The same switch-off as `npm run specialist:deactivate`: open cases go back to the queue. */
  deactivate(specialistId: string): Promise<Deactivated | null>;
}

export interface ConsoleDeps {
  store: Store;
  reads: ConsoleReads;
  queue: Queue;
  actions: CaseActions;
  signIn: SignIn;
  team: ConsoleTeam;
  directory: () => Directory;
  /** Re-reads the directory after an edit, so routing and the bot use it at once. */
  reloadDirectory: () => Promise<void>;
  i18n: Pick<I18n, 'render'>;
  clock: Clock;
  /** https://... turns on Secure cookies and HSTS. */
  publicUrl: string;
  /** Signs the CSRF cookie. */
  cookieSecret: string;
  /** The bot's @username for t.me deep links, when Telegram is on. */
  botUsername: () => Promise<string | null>;
  /** The legal deadlines of casework (the same policy as the bot's and the watch job's). */
  casework: CaseworkPolicy;
  /** When a waiting request moves up (shown as its deadline on the queue page). */
  escalation: OverdueThresholds;
  /** The centre one level up, or null at the top (no escalation deadline there). */
  parentCentreOf: (centreId: string) => string | null;
  refreshSeconds: number;
  /** The statistics pages' figures (the same queries as `npm run report`). */
  reports: { source: ReportSource; casework?: CaseworkMeasureSource };
  /** Sign-in attempts per minute from one address. */
  signInPerMinute?: number;
  /** Called after a commit that queued messages: wakes the outbox dispatcher. */
  onCommitted: () => void;
}

export type SignedIn = Specialist;
