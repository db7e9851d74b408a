// Files that ship with Poruch (locales, bundled directory), found from this module so that the app
// runs the same from src/ (tsx) and from dist/src/ (compiled).
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'locales'))) return dir;
  }
  throw new Error('cannot find the Poruch project root (package.json next to locales/)');
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const localesDir = join(projectRoot, 'locales');

/** Relative paths in config are taken from the working directory, like DATABASE_URL's file path. */
export const fromCwd = (path: string): string => (isAbsolute(path) ? path : resolve(path));
