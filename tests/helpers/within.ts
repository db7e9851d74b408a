// Waiting for an event, never for time: the timeout only bounds a failing test (the events come in
// milliseconds), so it is generous and says what did not happen.
export const EVENT_TIMEOUT_MS = 15_000;

export function within<T>(what: string, promise: Promise<T>, ms = EVENT_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
