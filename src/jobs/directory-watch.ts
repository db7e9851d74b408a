// Keeps a running server's centre directory current. `npm run centres:import` runs in another
// process: it replaces the directory in the database and raises its version in the same
// transaction. This job asks for that one number on a timer (a primary-key read) and reloads the
// directory only when it changed, so an import takes effect within seconds, without a restart, on
// every instance.
import type { Directory } from '../core/model.js';
import type { DirectoryRepository, Logger } from '../core/ports/index.js';
import { periodic } from './periodic.js';

export interface DirectoryWatchDeps {
  repository: Pick<DirectoryRepository, 'load' | 'version'>;
  /** The version the directory in memory was loaded at; read it BEFORE loading, so no import is missed. */
  loadedVersion: number;
  /** Receives every directory loaded after a change. */
  onReloaded: (directory: Directory) => void;
  logger: Logger;
  intervalMs?: number;
}

export interface DirectoryWatch {
  /** Reloads the directory if its version changed; true when it did. */
  runOnce(): Promise<boolean>;
  start(): void;
  stop(): Promise<void>;
}

export function createDirectoryWatch(deps: DirectoryWatchDeps): DirectoryWatch {
  let seen = deps.loadedVersion;

  async function runOnce(): Promise<boolean> {
    const version = await deps.repository.version();
    if (version === seen) return false;
    // Version first, then the rows: an import committing in between is caught by the next run.
    const directory = await deps.repository.load();
    seen = version;
    deps.onReloaded(directory);
    deps.logger.info(
      { version, centres: directory.centres.length, units: directory.units.length },
      'centre directory reloaded after an import',
    );
    return true;
  }

  const timer = periodic(runOnce, deps.intervalMs ?? 10_000, (error) =>
    deps.logger.error({ err: error }, 'directory check failed'),
  );
  return { runOnce, start: timer.start, stop: timer.stop };
}
