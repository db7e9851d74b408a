// The one way the core names a chat.
import type { Channel, Locale } from '../model.js';

/** A chat Poruch can write to, as the core sees it: an opaque id, never the platform id. */
export interface ChatRef {
  handleId: string;
  channel: Channel;
  /** The chat's language, once chosen (also used to render queued messages). */
  locale: Locale | null;
}
