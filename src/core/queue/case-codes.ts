// Case codes (what a person quotes when calling a centre, e.g. "K7-4QX") and one-time continuation
// secrets (what lets them pick the case up in another messenger). Core imports no node:crypto: the
// composition root injects crypto-strong bytes and a one-way hash (randomBytes, sha256).

/** Letters and digits a person cannot confuse when reading aloud or typing: no 0/O, no 1/I/L. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Two characters, a dash, three characters: 31^5, about 28.6 million codes. */
export const CASE_CODE_PATTERN = /^[2-9A-HJKMNP-Z]{2}-[2-9A-HJKMNP-Z]{3}$/;

/** Four groups of four: 31^16, about 79 bits, far beyond guessing through a rate-limited bot. */
export const SECRET_PATTERN = /^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/;

/** `n` crypto-strong random bytes. */
export type RandomBytes = (n: number) => Uint8Array;

/** A one-way hash of a high-entropy secret (SHA-256 hex is enough: the secret is not guessable). */
export type HashSecret = (secret: string) => string;

// Bytes >= 248 are thrown away so that every character is equally likely (248 = 8 * 31).
const ACCEPT_BELOW = Math.floor(256 / CODE_ALPHABET.length) * CODE_ALPHABET.length;

/** `count` characters drawn uniformly from CODE_ALPHABET. */
export function drawChars(random: RandomBytes, count: number): string {
  let out = '';
  for (let round = 0; out.length < count; round++) {
    // A real source rejects a byte 3% of the time; a source that rejects forever is broken, not unlucky.
    if (round === 100) throw new Error('random source yields no usable bytes');
    // Ask for exactly the characters still missing, so that no drawn byte is wasted.
    for (const byte of random(count - out.length)) {
      if (byte < ACCEPT_BELOW) out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return out;
}

export function drawCaseCode(random: RandomBytes): string {
  const chars = drawChars(random, 5);
  return `${chars.slice(0, 2)}-${chars.slice(2)}`;
}

export function drawContinuationSecret(random: RandomBytes): string {
  const chars = drawChars(random, 16);
  return (chars.match(/.{4}/g) ?? []).join('-');
}

/** Strips what people add when typing a code back (spaces, dashes, lower case); keeps only our characters. */
function compact(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** A typed case code in canonical form ("k7 4qx" -> "K7-4QX"), or null if it cannot be one. */
export function parseCaseCode(input: string): string | null {
  const chars = compact(input);
  const code = `${chars.slice(0, 2)}-${chars.slice(2)}`;
  return CASE_CODE_PATTERN.test(code) ? code : null;
}

/** A typed continuation secret in canonical form, or null if it cannot be one. */
export function parseContinuationSecret(input: string): string | null {
  const chars = compact(input);
  const secret = (chars.match(/.{1,4}/g) ?? []).join('-');
  return SECRET_PATTERN.test(secret) ? secret : null;
}

export interface CaseCodes {
  caseCode(): string;
  continuationSecret(): string;
  /** Hash of a secret in canonical form; what storage keeps instead of the secret. */
  hashSecret(secret: string): string;
}

export function createCaseCodes(deps: { random: RandomBytes; hash: HashSecret }): CaseCodes {
  return {
    caseCode: () => drawCaseCode(deps.random),
    continuationSecret: () => drawContinuationSecret(deps.random),
    hashSecret: (secret) => deps.hash(parseContinuationSecret(secret) ?? secret),
  };
}
