#!/usr/bin/env node
// The `poruch` admin CLI: `poruch COMMAND [ARGS]` (npm run COMMAND -- ARGS during development; in the
// Docker image `poruch COMMAND ARGS`, compiled to dist/scripts/poruch.js). Each command is a function
// in scripts/commands/; this wrapper only loads .env, passes the real terminal, environment and clock,
// and exits with the command's code. A failure is printed as its message, not a stack.
import { loadEnvFile } from '../src/config.js';
import { systemClock } from '../src/core/ports.js';
import { centresImport } from './commands/centres-import.js';
import type { Command } from './commands/command.js';
import { specialistDeactivate } from './commands/specialist-deactivate.js';
import { specialistInvite } from './commands/specialist-invite.js';
import { specialists } from './commands/specialists.js';
import { viberSetWebhook } from './commands/viber-set-webhook.js';

const COMMANDS: Record<string, Command> = {
  'centres:import': centresImport,
  'specialist:invite': specialistInvite,
  specialists,
  'specialist:deactivate': specialistDeactivate,
  'viber:set-webhook': viberSetWebhook,
};

const [name = '', ...args] = process.argv.slice(2);
const command = COMMANDS[name];
if (!command) {
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
    process.exitCode = await command(args, context);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
