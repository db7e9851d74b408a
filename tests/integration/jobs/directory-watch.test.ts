// The operator confirms a centre's phone and address and imports the corrected directory while the
// server runs (`npm run centres:import`, another process, its own database connection). Within one
// check of the directory's version the running server uses the new directory: no restart.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { centresImport } from '../../../scripts/commands/centres-import.js';
import { composePoruch, type Poruch } from '../../../src/compose.js';
import { loadConfig } from '../../../src/config.js';
import { runCommand } from '../../helpers/command.js';
import { describeBackends } from '../../helpers/db.js';

const BUNDLED = 'data/centres/donetska.json';

/** The bundled directory with the oblast centre's details confirmed by the operator. */
function confirmedDirectoryFile(): string {
  const directory = JSON.parse(readFileSync(BUNDLED, 'utf8'));
  const oblast = directory.centres.find((c: { id: string }) => c.id === 'dn-occ-oblast');
  Object.assign(oblast, { phone: '+380 62 000 00 01', addressUk: 'м. Краматорськ, вул. Тестова, 1' });
  oblast.needsConfirmation = false;
  const file = join(tmpdir(), `poruch-directory-${process.pid}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(directory));
  return file;
}

describeBackends('a directory import reaches the running server', (backend) => {
  let poruch: Poruch;
  let url: string;
  beforeEach(async () => {
    url = await backend.another();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      HANDLE_KEY: 'a'.repeat(64),
      CENTRES_FILE: BUNDLED,
    });
    poruch = await composePoruch(config, { logger: pino({ level: 'silent' }) });
  });
  afterEach(() => poruch.close());

  it('the server picks up the imported directory without a restart, and only when it changed', async () => {
    const oblast = () => poruch.directory().centres.find((c) => c.id === 'dn-occ-oblast');
    expect(oblast()).toMatchObject({ phone: null, needsConfirmation: true });
    // The start itself imported the bundled directory after reading the version (read first so
    // that no import can slip past): one harmless reload, then nothing until the next import.
    expect(await poruch.directoryWatch.runOnce()).toBe(true);
    expect(await poruch.directoryWatch.runOnce()).toBe(false);

    const imported = await runCommand(centresImport, [confirmedDirectoryFile(), '--database-url', url]);
    expect(imported.code).toBe(0);
    expect(oblast()?.phone).toBeNull(); // not yet: the server has not looked

    expect(await poruch.directoryWatch.runOnce()).toBe(true);
    expect(oblast()).toMatchObject({ phone: '+380 62 000 00 01', needsConfirmation: false });
    expect(poruch.directory().centres).toHaveLength(16);
    expect(await poruch.directoryWatch.runOnce()).toBe(false);
  });
});
