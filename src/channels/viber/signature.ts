// Viber signs every callback: X-Viber-Content-Signature = hex HMAC-SHA256 of the raw body, keyed
// with the bot's auth token. The check runs on the exact bytes received, before any parsing, and
// compares in constant time (viber-bot compares with `==` and never even reads the header).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-viber-content-signature';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export function signBody(rawBody: Buffer | string, authToken: string): string {
  return createHmac('sha256', authToken).update(rawBody).digest('hex');
}

/**
 * True only for a well-formed signature of exactly these bytes. A missing header, a header of the
 * wrong length or with non-hex characters is rejected before comparing (the length is public, so
 * rejecting it early leaks nothing about the expected value).
 */
export function isSignatureValid(
  rawBody: Buffer,
  header: string | string[] | undefined,
  authToken: string,
): boolean {
  if (typeof header !== 'string' || !HEX_SHA256.test(header.trim())) return false;
  const given = Buffer.from(header.trim(), 'hex');
  const expected = createHmac('sha256', authToken).update(rawBody).digest();
  return timingSafeEqual(given, expected);
}
