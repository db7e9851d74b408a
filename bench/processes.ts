// Starting and stopping the processes a benchmark measures (Poruch through src/main.ts, as in
// production, and the bare fastify yardstick), shared by the benchmarks in bench/.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function spawnTarget(script: string, env: Record<string, string>): ChildProcess {
  // BENCH_PROFILE=<dir>: CPU profiles of Poruch (open them in Chrome DevTools) to see where time goes.
  const profile =
    process.env.BENCH_PROFILE && script.startsWith('src/')
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
      : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`${script} exited (${code ?? signal})`);
  });
  return child;
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Waits up to two minutes: on a busy shared machine starting Poruch alone can take half of that. */
export async function waitUntilUp(url: string, method: 'GET' | 'POST'): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    try {
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'POST' ? '{}' : undefined,
      });
      if (response.status < 500) return;
    } catch {}
    await sleep(100);
  }
  throw new Error(`${url} did not come up in 120 s`);
}
