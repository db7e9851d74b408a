// The one logger type: the slice of pino every part of Poruch logs through (fields first, then the
// message), so that tests can pass a recording one. Never log message text, a messenger id or who a
// reporter is.
export interface Logger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Says nothing: for code whose caller passed no logger. */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
