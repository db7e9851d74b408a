// A reporter's messenger id is the one thing that could identify them. It is kept only:
// - encrypted (AES-256-GCM), so the bot can reply, and
// - as a keyed hash (HMAC-SHA256), so an incoming message can be matched to its chat without decrypting.
// Both keys are derived from one master key with HKDF, so a leaked hash key does not decrypt anything.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface HandleCipher {
  /** Stable, non-reversible lookup key for a chat on a channel. */
  lookupHash(channel: string, platformId: string): string;
  encrypt(platformId: string): string;
  decrypt(sealed: string): string;
}

const VERSION = 'v1';

export function createHandleCipher(masterKey: Buffer): HandleCipher {
  if (masterKey.length !== 32) throw new Error('handle key must be 32 bytes');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
  const encKey = derive('poruch/handle/encrypt');
  const macKey = derive('poruch/handle/lookup');

  return {
    lookupHash(channel, platformId) {
      return createHmac('sha256', macKey).update(`${channel}:${platformId}`).digest('base64url');
    },
    encrypt(platformId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(platformId, 'utf8'), cipher.final()]);
      return [
        VERSION,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unreadable handle');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

/** Accepts 32 bytes as 64 hex characters or base64/base64url. */
export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('HANDLE_KEY must be 32 bytes, as 64 hex characters or base64');
  return key;
}
