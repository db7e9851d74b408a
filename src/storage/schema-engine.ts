// Prisma's schema engine compiled to WebAssembly: creates and applies migrations without the native
// engine binary, which Prisma's CLI downloads from Prisma's binary host and which therefore cannot be
// had on every machine.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type WasmExports = Record<string, unknown>;
type Glue = typeof import('@prisma/schema-engine-wasm/schema_engine_bg') & {
  __wbg_set_wasm(exports: WasmExports): void;
};
/** The slice of the WebAssembly global used here (the project's TS libs do not declare it). */
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: WasmExports } }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let loading: Promise<typeof SchemaEngine> | undefined;

/**
 * Node 20 cannot `import` a .wasm file (the package's entry point does exactly that), so the module
 * is instantiated by hand with the package's own JS glue as its import object. Done once per process.
 */
function loadEngineClass(): Promise<typeof SchemaEngine> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package exports only its JS files; the .wasm sits next to the glue.
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = join(dirname(gluePath), 'schema_engine_bg.wasm');
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as Glue;
    const { instance } = await wasmApi.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': glue,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  return loading;
}

/**
 * Runs `work` with a schema engine bound to `factory`. The engine does not close the connections it
 * opened through the adapter (engine.free() leaves them open, and an open SQLite handle keeps the
 * file locked), so the caller's factory must track and close them in `closeConnections`.
 */
export async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  closeConnections: () => Promise<void>,
  work: (engine: SchemaEngine) => Promise<T>,
  log: (message: string) => void = () => {},
): Promise<T> {
  const Engine = await loadEngineClass();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: SchemaEngine | undefined;
  try {
    engine = await Engine.new({ datamodels: undefined }, log, bound);
    return await work(engine);
  } catch (error) {
    throw withDriverError(error, bound.errorRegistry);
  } finally {
    engine?.free();
    await closeConnections();
  }
}

/**
 * A driver failure reaches us as "External error id#N"; the real error waits in the registry. Put
 * it back so that "connection refused" or "database is locked" reads as such.
 */
function withDriverError(error: unknown, registry: ErrorRegistry): unknown {
  const id = error instanceof Error ? /External error id#(\d+)/.exec(error.message)?.[1] : undefined;
  if (id === undefined) return error;
  const original = registry.consumeError(Number(id))?.error;
  if (original === undefined) return error;
  const cause = original instanceof Error ? original : new Error(JSON.stringify(original));
  return new Error(`schema engine: ${describe(cause)}`, { cause });
}

function describe(error: Error): string {
  // DriverAdapterError keeps the driver's details in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  return cause && typeof cause === 'object' ? `${error.message} ${JSON.stringify(cause)}` : error.message;
}
