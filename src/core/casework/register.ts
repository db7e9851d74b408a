// Cases that do not come through a messenger: staff register what they received by phone, letter,
// in person, from a school or the police. The case joins the same queue (status NEW, announced to
// the centre) and carries the same deadlines from the moment it was received; there is no reporter
// chat, so nothing is ever sent to a reporter for it.
import { type CaseView, CONCERN_CATEGORIES, CONSULTATION_TOPICS, LOCALES, type Locale } from '../model.js';
import type { Store } from '../ports/index.js';
import type { CaseCodes } from '../queue/case-codes.js';
import { err, ok, type Result } from '../result.js';
import { type CaseworkError, caseworkError } from './access.js';
import { INTAKE_SOURCES, type IntakeSource, type StaffActor } from './model.js';
import { CASEWORK_AUDIT } from './service.js';

export interface RegisterInput {
  source: IntakeSource;
  kind: CaseView['kind'];
  category: string;
  urgency: CaseView['urgency'];
  description: string;
  /** When the centre received it; now when not given. Deadlines run from this instant. */
  receivedAt?: Date;
  language?: Locale;
  unitId?: string | null;
  contactPhone?: string | null;
}

export interface RegisterDeps {
  store: Store;
  caseCodes: CaseCodes;
  now: Date;
  /** Runs in the registration's transaction, e.g. to announce the case to the centre's specialists. */
  onRegistered?: (tx: Parameters<Parameters<Store['transaction']>[0]>[0], c: CaseView) => Promise<void>;
  maxCodeAttempts?: number;
}

const DESCRIPTION_MAX = 4000;

function valid(input: RegisterInput, now: Date): boolean {
  const categories: readonly string[] = input.kind === 'CONCERN' ? CONCERN_CATEGORIES : CONSULTATION_TOPICS;
  const at = input.receivedAt ?? now;
  const description = input.description.trim();
  return (
    INTAKE_SOURCES.includes(input.source) &&
    categories.includes(input.category) &&
    (input.urgency === 'NORMAL' || input.urgency === 'URGENT') &&
    description !== '' &&
    description.length <= DESCRIPTION_MAX &&
    !Number.isNaN(at.getTime()) &&
    at <= now &&
    (input.language === undefined || LOCALES.includes(input.language))
  );
}

/** Any active staff member registers a case for their own centre. */
export async function registerCase(
  deps: RegisterDeps,
  actor: StaffActor,
  input: RegisterInput,
): Promise<Result<CaseView, CaseworkError>> {
  if (!valid(input, deps.now)) return err(caseworkError('INVALID', ''));
  const attempts = deps.maxCodeAttempts ?? 10;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    // One transaction per drawn code: the outermost caller retries, each draw in a fresh transaction.
    const registered = await deps.store.transaction(async (tx) => {
      const created = await tx.casework.register({
        kind: input.kind,
        category: input.category,
        urgency: input.urgency,
        centreId: actor.centreId,
        language: input.language ?? 'uk',
        unitId: input.unitId ?? null,
        description: input.description.trim(),
        contactPhone: input.contactPhone?.trim() || null,
        intakeSource: input.source,
        caseCode: deps.caseCodes.caseCode(),
        receivedAt: input.receivedAt ?? deps.now,
      });
      if (!created) return null;
      await tx.audit.record({
        requestId: created.id,
        actor: { type: 'SPECIALIST', id: actor.id },
        action: CASEWORK_AUDIT.registered,
        detail: {
          to: created.status,
          centreId: created.centreId,
          urgency: created.urgency,
          source: input.source,
        },
      });
      await deps.onRegistered?.(tx, created);
      return created;
    });
    if (registered) return ok(registered);
  }
  throw new Error(`no free case code after ${attempts} draws`);
}
