// A job that runs on a timer: never two runs at once (a tick during a run is skipped), a failed run
// is logged and the next tick tries again, and stop() waits for the run in hand.
export interface Periodic {
  start(): void;
  stop(): Promise<void>;
}

export function periodic(
  run: () => Promise<unknown>,
  intervalMs: number,
  onError: (error: unknown) => void,
): Periodic {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  function tick(): void {
    if (running) return;
    running = run()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  }

  return {
    start() {
      timer = setInterval(tick, intervalMs);
      // The timer alone never keeps the process alive (shutdown, tests).
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
