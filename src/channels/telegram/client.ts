// The Bot API client: telegraf's Telegram class, pointed at Telegram or at a local emulator.
import { Telegram } from 'telegraf';

export interface TelegramClientOptions {
  token: string;
  /** https://api.telegram.org by default; an emulator's URL in tests. */
  apiRoot?: string;
}

export function createTelegramClient(options: TelegramClientOptions): Telegram {
  return new Telegram(options.token, options.apiRoot ? { apiRoot: options.apiRoot } : {});
}

/** telegraf types its signal with the abort-controller polyfill; node-fetch accepts the built-in one. */
export type CallSignal = NonNullable<Parameters<Telegram['callApi']>[2]>['signal'];

export function asCallSignal(signal: AbortSignal): CallSignal {
  return signal as unknown as CallSignal;
}

export function timeoutSignal(ms: number): CallSignal {
  return asCallSignal(AbortSignal.timeout(ms));
}
