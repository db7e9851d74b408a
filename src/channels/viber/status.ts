// Viber answers HTTP 200 with a numeric `status` in the body: 0 is success, anything else an error.
// The names follow Viber's REST API documentation ("Error codes").
export const VIBER_STATUS = {
  ok: 0,
  invalidUrl: 1,
  invalidAuthToken: 2,
  badData: 3,
  missingData: 4,
  receiverNotRegistered: 5,
  receiverNotSubscribed: 6,
  publicAccountBlocked: 7,
  publicAccountNotFound: 8,
  publicAccountSuspended: 9,
  webhookNotSet: 10,
  receiverNoSuitableDevice: 11,
  tooManyRequests: 12,
  apiVersionNotSupported: 13,
  incompatibleWithVersion: 14,
} as const;

const NAMES = new Map<number, string>(Object.entries(VIBER_STATUS).map(([name, code]) => [code, name]));

/** `receiverNotSubscribed (6)`, or `status 99` for a code this release does not know. */
export function describeStatus(status: number): string {
  const name = NAMES.get(status);
  return name ? `${name} (${status})` : `status ${status}`;
}
