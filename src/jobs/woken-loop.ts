// A job that runs when woken (right after a commit) and on a timer (retries, work left by a crashed
// process): wakes during a run are coalesced into one more run; stop waits for the run in progress.
export interface WokenLoop {
  wake(): void;
  start(): void;
  stop(): Promise<void>;
}

export function createWokenLoop(options: {
  /** One run: until nothing is due. */
  run: () => Promise<unknown>;
  onError: (error: unknown) => void;
  pollIntervalMs: number;
}): WokenLoop {
  let running: Promise<unknown> | null = null;
  let again = false;
  let stopped = true;
  let timer: NodeJS.Timeout | null = null;

  function wake(): void {
    if (running) {
      again = true;
      return;
    }
    running = options
      .run()
      .catch(options.onError)
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          wake();
        }
      });
  }

  return {
    wake() {
      if (!stopped) wake();
    },
    start() {
      stopped = false;
      timer = setInterval(wake, options.pollIntervalMs);
      timer.unref();
      wake();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
