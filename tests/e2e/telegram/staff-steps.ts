// Steps the Telegram stories share: a specialist enrols with an invite code, and a neighbour reports
// a child left alone in Kramatorsk through the reporter's flow.
import type { TestUser } from '../../helpers/telegram-emulator.js';
import { enrolSpecialist, type RunningPoruch, reportChildLeftAlone } from './poruch-on-emulator.js';

export function staffSteps(running: RunningPoruch) {
  const spec = (key: string, params?: Record<string, string | number>) =>
    running.text(`specialist.${key}`, 'uk', params);
  const enrol = (user: TestUser, centreId: string, role: 'SPECIALIST' | 'ADMIN' = 'SPECIALIST') =>
    enrolSpecialist(running, user, centreId, role);
  /** A neighbour reports a child left alone in Kramatorsk; returns the case code. */
  const report = (reporter: TestUser, description: string) =>
    reportChildLeftAlone(running, reporter, description);
  return { spec, enrol, report };
}
