// The part of a Telegram Update that Poruch reads, validated at the boundary. Only the fields we use
// are declared: zod drops everything else, so a hostile update cannot smuggle data further in.
// Media keys are declared as `unknown` because only their presence matters.
import { z } from 'zod';

/** Telegram's update_id: a positive 31-bit-ish integer; anything else is not from Telegram. */
export const updateIdSchema = z.int().nonnegative();

const chatSchema = z.object({
  id: z.int(),
  type: z.string().max(32),
});

const userSchema = z.object({
  id: z.int(),
  is_bot: z.boolean().optional(),
  // A hint only: a strange value is dropped instead of rejecting the whole update.
  language_code: z.string().max(35).optional().catch(undefined),
});

const locationSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

const present = z.unknown().optional();

export const messageSchema = z.object({
  /** Kept (for 48 hours) so that /erase can delete the person's message; an odd one is dropped, not the message. */
  message_id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  chat: chatSchema,
  /** When the person sent it (Unix seconds): tells the parts of one long pasted text apart from new words. */
  date: z.int().nonnegative().optional().catch(undefined),
  from: userSchema.optional(),
  text: z.string().optional(),
  /** The words under a photo, video or file. */
  caption: z.string().optional(),
  location: locationSchema.optional(),
  sticker: present,
  photo: present,
  animation: present,
  document: present,
  voice: present,
  audio: present,
  video: present,
  video_note: present,
  contact: present,
  poll: present,
  dice: present,
  game: present,
  story: present,
  venue: present,
  invoice: present,
  paid_media: present,
});
export type TelegramMessage = z.infer<typeof messageSchema>;

export const callbackQuerySchema = z.object({
  id: z.string().min(1).max(64),
  from: userSchema,
  // Absent for buttons under inline-mode messages, which Poruch never sends.
  message: z.object({ chat: chatSchema }).optional(),
  data: z.string().optional(),
});
export type TelegramCallbackQuery = z.infer<typeof callbackQuerySchema>;

/** The update kinds Poruch subscribes to (setWebhook / getUpdates allowed_updates). */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** Update kinds that may arrive but are deliberately not acted on. */
export const IGNORED_UPDATE_KINDS = ['edited_message', 'my_chat_member'] as const;
