// The stand-in Bot API's idea of Telegram's limits: classic token buckets (a count of tokens,
// refilled continuously), written independently of Poruch's own pacing (src/core/delivery/pacing.ts)
// so that the benchmark does not grade Poruch with its own maths.

export interface Limit {
  perSecond: number;
  /** Messages accepted at once after a quiet spell. */
  burst: number;
}

export interface ApiLimits {
  bot: Limit;
  chat: Limit;
}

class Bucket {
  #tokens: number;
  #at: number;
  constructor(
    readonly limit: Limit,
    now: number,
  ) {
    this.#tokens = limit.burst;
    this.#at = now;
  }
  /** Tokens now (refilled up to the burst). */
  level(now: number): number {
    this.#tokens = Math.min(
      this.limit.burst,
      this.#tokens + ((now - this.#at) / 1000) * this.limit.perSecond,
    );
    this.#at = now;
    return this.#tokens;
  }
  take(): void {
    this.#tokens -= 1;
  }
  /** Seconds until one token is there. */
  waitSeconds(now: number): number {
    return Math.max(0, (1 - this.level(now)) / this.limit.perSecond);
  }
}

/** Per bot and per chat: null when the message may go (and it is counted), else retry_after in s. */
export function createRateLimiter(limits: ApiLimits) {
  let bot: Bucket | null = null;
  const chats = new Map<string, Bucket>();
  return function admit(chatId: string, now: number): number | null {
    bot ??= new Bucket(limits.bot, now);
    let chat = chats.get(chatId);
    if (!chat) {
      chat = new Bucket(limits.chat, now);
      chats.set(chatId, chat);
    }
    if (bot.level(now) >= 1 && chat.level(now) >= 1) {
      bot.take();
      chat.take();
      return null;
    }
    // Telegram names whole seconds, at least one.
    return Math.max(1, Math.ceil(Math.max(bot.waitSeconds(now), chat.waitSeconds(now))));
  };
}
