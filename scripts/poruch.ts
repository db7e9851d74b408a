#!/usr/bin/env node
// The `poruch` admin CLI: `poruch COMMAND [ARGS]` (npm run COMMAND -- ARGS during development; in the
// Docker image `poruch COMMAND ARGS`, compiled to dist/scripts/poruch.js). Each command is a function
// in scripts/commands/; this wrapper only loads .env, passes the real terminal, environment and clock,
// and exits with the command's code. A failure is printed as its message, not a stack.
import { loadEnvFile } from '../src/config.js';
import { systemClock } from '../src/core/ports/index.js';
import type { Command } from './commands/command.js';

// Loaded on demand: a command that needs no database does not pay for loading Prisma.
const COMMANDS: Record<string, () => Promise<Command>> = {
  'centres:import': async () => (await import('./commands/centres-import.js')).centresImport,
  'specialist:invite': async () => (await import('./commands/specialist-invite.js')).specialistInvite,
  specialists: async () => (await import('./commands/specialists.js')).specialists,
  'specialist:deactivate': async () =>
    (await import('./commands/specialist-deactivate.js')).specialistDeactivate,
  'case:register': async () => (await import('./commands/case-register.js')).caseRegister,
  'register:export': async () => (await import('./commands/register-export.js')).registerExport,
  'referrals:import': async () => (await import('./commands/referrals-import.js')).referralsImport,
  'staff:login-link': async () => (await import('./commands/staff-login-link.js')).staffLoginLink,
  retention: async () => (await import('./commands/retention.js')).retention,
  report: async () => (await import('./commands/report.js')).report,
  'viber:set-webhook': async () => (await import('./commands/viber-set-webhook.js')).viberSetWebhook,
};

const [name = '', ...args] = process.argv.slice(2);
const load = COMMANDS[name];
if (!load) {
  console.error(
    `usage: poruch COMMAND [ARGS]   (COMMAND: ${Object.keys(COMMANDS).join(', ')}; --help for each)`,
  );
  process.exitCode = 2;
} else {
  loadEnvFile();
  const context = {
    out: (line: string) => console.log(line),
    err: (line: string) => console.error(line),
    env: process.env,
    clock: systemClock,
  };
  try {
    const command = await load();
    process.exitCode = await command(args, context);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
