// In development a fresh machine must start with no configuration, so a key is created on first start
// and kept in a file with owner-only permissions. Production requires HANDLE_KEY (enforced by config).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseKey } from './handle-cipher.js';

export function loadMasterKey(opts: { key?: string; keyFile: string }): { key: Buffer; created: boolean } {
  if (opts.key) return { key: parseKey(opts.key), created: false };
  if (existsSync(opts.keyFile)) return { key: parseKey(readFileSync(opts.keyFile, 'utf8')), created: false };
  const key = randomBytes(32);
  mkdirSync(dirname(opts.keyFile), { recursive: true });
  writeFileSync(opts.keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, created: true };
}
