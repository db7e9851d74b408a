// Viber's message_token is a 64-bit integer written as a bare JSON number (e.g. 5741311803571721087).
// JSON.parse turns it into a double and silently rounds it above 2^53, so two different updates
// could collide in the exactly-once table. The token is therefore read from the raw JSON text.

// A key `"message_token"` whose opening quote is not escaped, i.e. a real key and not text inside a
// string (a quote inside a JSON string is always written as \").
const TOKEN_PATTERN = /(?<!\\)"message_token"\s*:\s*(-?\d+|"[^"\\]*")/g;

/**
 * The token as a decimal string, exactly as Viber wrote it, or null when the payload has none.
 * `parsed` is the value JSON.parse produced; the raw digits are used only when they agree with it,
 * so a nested or duplicated key can never smuggle in a different id.
 */
export function exactMessageToken(raw: string, parsed: unknown): string | null {
  if (parsed === undefined || parsed === null) return null;
  if (typeof parsed === 'string') return /^\d+$/.test(parsed) ? parsed : null;
  if (typeof parsed !== 'number' || !Number.isInteger(parsed)) return null;
  if (Number.isSafeInteger(parsed)) return String(parsed);
  const matches = [...raw.matchAll(TOKEN_PATTERN)].map((m) => m[1] ?? '');
  const agreeing = matches.filter((digits) => /^-?\d+$/.test(digits) && Number(digits) === parsed);
  return agreeing.length === 1 && matches.length === 1 ? (agreeing[0] ?? null) : null;
}
