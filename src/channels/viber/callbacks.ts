// The callbacks Viber POSTs to the webhook, validated at the boundary. Only the fields the channel
// uses are declared; everything else Viber adds (avatar, country, chat_hostname…) is ignored.
import { z } from 'zod';
import { err, ok, type Result } from '../../core/result.js';
import { exactMessageToken } from './message-token.js';

const userSchema = z.object({
  id: z.string().min(1).max(256),
  language: z.string().max(32).optional(),
  api_version: z.number().int().optional(),
});

const messageSchema = z.object({
  type: z.string().min(1).max(64),
  text: z.string().optional(),
  location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  tracking_data: z.string().optional(),
});

const userIdSchema = z.string().min(1).max(256);

export const callbackSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('webhook') }),
  z.object({
    event: z.literal('conversation_started'),
    user: userSchema,
    /** True when a subscribed person opens the chat again. */
    subscribed: z.boolean().optional(),
  }),
  z.object({ event: z.literal('subscribed'), user: userSchema }),
  z.object({ event: z.literal('unsubscribed'), user_id: userIdSchema }),
  z.object({ event: z.literal('message'), sender: userSchema, message: messageSchema }),
  z.object({ event: z.literal('delivered'), user_id: userIdSchema.optional() }),
  z.object({ event: z.literal('seen'), user_id: userIdSchema.optional() }),
  z.object({ event: z.literal('failed'), user_id: userIdSchema.optional(), desc: z.string().optional() }),
]);

export type ViberCallback = z.infer<typeof callbackSchema>;
export type ViberInboundMessage = z.infer<typeof messageSchema>;
export type ViberEventName = ViberCallback['event'];

const KNOWN_EVENTS: ReadonlySet<string> = new Set(callbackSchema.options.map((o) => o.shape.event.value));

export type ParsedCallback =
  | { known: true; callback: ViberCallback; messageToken: string | null }
  /** An event this release does not handle (Viber adds new ones, e.g. client_status): acknowledged. */
  | { known: false; event: string };

export type CallbackProblem = 'not-json' | 'invalid';

/** Parses an already authenticated body. `messageToken` keeps every digit of Viber's 64-bit id. */
export function parseCallback(rawBody: Buffer): Result<ParsedCallback, CallbackProblem> {
  const raw = rawBody.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return err('not-json');
  }
  const head = z.object({ event: z.string(), message_token: z.unknown() }).safeParse(json);
  if (!head.success) return err('invalid');
  if (!KNOWN_EVENTS.has(head.data.event)) return ok({ known: false, event: head.data.event.slice(0, 40) });
  const callback = callbackSchema.safeParse(json);
  if (!callback.success) return err('invalid');
  return ok({
    known: true,
    callback: callback.data,
    messageToken: exactMessageToken(raw, head.data.message_token),
  });
}
