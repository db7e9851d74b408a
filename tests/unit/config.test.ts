// The configuration a person writes by following README.md and .env.example: what the documents
// show must pass the check, and every variable Poruch reads must be documented in both.
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, databaseUrlOf, ENV_VARIABLES, loadConfig } from '../../src/config.js';

const readme = readFileSync('README.md', 'utf8');
const envExample = readFileSync('.env.example', 'utf8');

describe('configuration as documented', () => {
  it('README’s example bot token passes the config check', () => {
    const examples = [...readme.matchAll(/TELEGRAM_BOT_TOKEN=(\S+)/g)].map((m) => m[1] ?? '');
    expect(examples.length).toBeGreaterThan(0);
    for (const token of examples) {
      expect(loadConfig({ TELEGRAM_BOT_TOKEN: token }).telegram).toMatchObject({ mode: 'polling', token });
    }
  });

  it('.env.example documents every variable, and its examples pass when uncommented', () => {
    for (const name of ENV_VARIABLES) expect(envExample, name).toMatch(new RegExp(`^# ${name}=`, 'm'));
    // The first example of each variable, uncommented, as a person would; secrets left empty.
    const uncommented = envExample
      .split('\n')
      .filter((line) => /^# [A-Z_]+=/.test(line))
      .map((line) => line.slice(2))
      .join('\n');
    const env = parseEnv(uncommented);
    const firstOf = Object.fromEntries(
      ENV_VARIABLES.map((name) => [name, uncommented.match(new RegExp(`^${name}=(.*)$`, 'm'))?.[1]]),
    );
    expect(Object.keys(env).sort()).toEqual([...ENV_VARIABLES].sort());
    const config = loadConfig({
      ...firstOf,
      HANDLE_KEY: 'a'.repeat(64),
      TELEGRAM_WEBHOOK_SECRET: 'x'.repeat(16),
    });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'file:./data/poruch.db',
      telegram: { mode: 'polling' },
    });
  });

  it('README’s configuration table names every variable', () => {
    for (const name of ENV_VARIABLES) expect(readme, name).toContain(`\`${name}\``);
  });

  it('the admin commands need DATABASE_URL alone, checked like the server checks it', () => {
    expect(databaseUrlOf({})).toBe('file:./data/poruch.db');
    expect(databaseUrlOf({ DATABASE_URL: 'postgresql://db/poruch', NODE_ENV: 'production' })).toBe(
      'postgresql://db/poruch',
    );
    expect(() => databaseUrlOf({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
  });
});
