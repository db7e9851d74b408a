import { describe, expect, it } from 'vitest';
import { isSignatureValid, signBody } from '../../../../src/channels/viber/signature.js';

const TOKEN = '4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f';
const body = Buffer.from('{"event":"message","message_token":5741311803571721087}');

describe('a Viber callback signature', () => {
  it('is accepted when it is the hex HMAC-SHA256 of the exact bytes with the auth token', () => {
    expect(isSignatureValid(body, signBody(body, TOKEN), TOKEN)).toBe(true);
  });

  it('is accepted in upper case hex too', () => {
    expect(isSignatureValid(body, signBody(body, TOKEN).toUpperCase(), TOKEN)).toBe(true);
  });

  it('is rejected when made with another token', () => {
    expect(isSignatureValid(body, signBody(body, 'someone-elses-token-000'), TOKEN)).toBe(false);
  });

  it('is rejected when the body was changed after signing, even by one byte', () => {
    const signature = signBody(body, TOKEN);
    const tampered = Buffer.from(body.toString().replace('087', '088'));
    expect(isSignatureValid(tampered, signature, TOKEN)).toBe(false);
  });

  it('is rejected when missing', () => {
    expect(isSignatureValid(body, undefined, TOKEN)).toBe(false);
    expect(isSignatureValid(body, '', TOKEN)).toBe(false);
  });

  it('is rejected when of the wrong length, without throwing', () => {
    const signature = signBody(body, TOKEN);
    expect(isSignatureValid(body, signature.slice(0, 63), TOKEN)).toBe(false);
    expect(isSignatureValid(body, `${signature}00`, TOKEN)).toBe(false);
    expect(isSignatureValid(body, 'ab', TOKEN)).toBe(false);
  });

  it('is rejected when not hex, or sent twice (an array of headers)', () => {
    expect(isSignatureValid(body, 'z'.repeat(64), TOKEN)).toBe(false);
    const signature = signBody(body, TOKEN);
    expect(isSignatureValid(body, [signature, signature], TOKEN)).toBe(false);
  });
});
