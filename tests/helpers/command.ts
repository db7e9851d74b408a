// Runs an admin command (scripts/commands) in-process, as `poruch COMMAND ARGS` would, and collects
// what it prints and its exit code.
import type { Command } from '../../scripts/commands/command.js';
import { type Clock, systemClock } from '../../src/core/ports/index.js';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(
  command: Command,
  args: string[],
  options: { env?: Record<string, string | undefined>; clock?: Clock } = {},
): Promise<CommandRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: options.env ?? {},
    clock: options.clock ?? systemClock,
  });
  const text = (lines: string[]) => lines.map((l) => `${l}\n`).join('');
  return { code, stdout: text(out), stderr: text(err) };
}
