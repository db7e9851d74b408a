import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CASE_CODE_PATTERN,
  CODE_ALPHABET,
  createCaseCodes,
  drawCaseCode,
  drawContinuationSecret,
  parseCaseCode,
  parseContinuationSecret,
  type RandomBytes,
  SECRET_PATTERN,
} from '../../../../src/core/queue/index.js';

/** Replays the given bytes, cycling: a deterministic stand-in for a random source. */
function replay(bytes: number[]): RandomBytes {
  let next = 0;
  return (n) => Uint8Array.from({ length: n }, () => bytes[next++ % bytes.length] as number);
}

const realRandom: RandomBytes = (n) => randomBytes(n);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('the case-code alphabet', () => {
  it('has no character a person could mistake for another', () => {
    for (const confusable of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(confusable);
  });

  it('has the 31 remaining digits and capital letters, each once', () => {
    const expected = [...'23456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((c) => !'OIL'.includes(c));
    expect([...CODE_ALPHABET]).toEqual(expected);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
  });

  it('agrees with the code pattern, character by character', () => {
    for (const c of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      expect(CASE_CODE_PATTERN.test(`${c}${c}-${c}${c}${c}`)).toBe(CODE_ALPHABET.includes(c));
    }
  });
});

describe('drawing a case code', () => {
  it('looks like K7-4QX', () => {
    for (let i = 0; i < 1000; i++) expect(drawCaseCode(realRandom)).toMatch(/^[^-]{2}-[^-]{3}$/);
    expect(drawCaseCode(realRandom)).toMatch(CASE_CODE_PATTERN);
  });

  it('skips the bytes that would make some characters likelier than others', () => {
    // 248 and 255 are dropped; 0 -> '2', 30 -> 'Z', 31 -> '2', 247 (= 7*31 + 30) -> 'Z', 61 -> 'Z'.
    expect(drawCaseCode(replay([248, 255, 0, 30, 31, 247, 61]))).toBe('2Z-2ZZ');
  });

  it('is uniform over a full cycle of byte values', () => {
    const everyByte = replay([...Array(256).keys()]);
    const chars = Array.from({ length: 62 }, () => drawCaseCode(everyByte).replace('-', '')).join('');
    // 62 codes = 310 characters drawn from 320 bytes (10 dropped): exactly 10 of each character.
    const counts = new Map<string, number>();
    for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(31);
    for (const n of counts.values()) expect(n).toBe(10);
  });

  it('differs from draw to draw with a real random source', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => drawCaseCode(realRandom)));
    // 2000 draws from 28.6 million codes: a repeat is possible but more than a handful means a broken draw.
    expect(codes.size).toBeGreaterThan(1990);
  });

  it('refuses to spin forever on a broken random source', () => {
    expect(() => drawCaseCode(replay([255]))).toThrow(/random source/);
  });
});

describe('reading a case code back', () => {
  it('accepts what people type: lower case, spaces, a missing dash', () => {
    expect(parseCaseCode('K7-4QX')).toBe('K7-4QX');
    expect(parseCaseCode(' k7 4qx ')).toBe('K7-4QX');
    expect(parseCaseCode('K74QX')).toBe('K7-4QX');
  });

  it('rejects what cannot be a code', () => {
    for (const bad of ['', 'K7-4Q', 'K7-4QXX', 'K0-4QX', 'KO-4QX', 'K1-4QX', 'KL-4QX', 'K7_4QX']) {
      expect(parseCaseCode(bad)).toBeNull();
    }
  });
});

describe('continuation secrets', () => {
  it('come in four groups of four from the same alphabet', () => {
    const secret = drawContinuationSecret(realRandom);
    expect(secret).toMatch(SECRET_PATTERN);
    expect(secret).toHaveLength(19);
  });

  it('are read back in canonical form', () => {
    expect(parseContinuationSecret('abcd efgh jkmn pqrs')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(parseContinuationSecret('ABCD-EFGH-JKMN-PQR')).toBeNull();
    expect(parseContinuationSecret('ABCD-EFGH-JKMN-PQR0')).toBeNull();
  });

  it('are stored as a hash that the person can reproduce however they type the secret', () => {
    const codes = createCaseCodes({ random: realRandom, hash: sha256 });
    const secret = codes.continuationSecret();
    const hash = codes.hashSecret(secret);
    expect(hash).not.toContain(secret.replaceAll('-', ''));
    expect(codes.hashSecret(secret.toLowerCase().replaceAll('-', ' '))).toBe(hash);
    expect(codes.hashSecret(codes.continuationSecret())).not.toBe(hash);
  });

  it('draw case codes through the injected source', () => {
    const codes = createCaseCodes({ random: replay([0, 1, 2, 3, 4]), hash: sha256 });
    expect(codes.caseCode()).toBe('23-456');
  });
});
