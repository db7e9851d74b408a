// The stand-in Bot API of bench:delivery as its own process, so that its answers do not wait for the
// benchmark's own work of posting thousands of updates (which would hold Poruch's sends back and
// make the numbers Poruch's fault). Limits come from the environment; see fake-telegram-api.ts.
import { startFakeTelegramApi } from './fake-telegram-api.js';

const env = (name: string) => Number(process.env[name]);
const api = await startFakeTelegramApi(
  {
    limits: {
      bot: { perSecond: env('API_BOT_PER_SECOND'), burst: env('API_BOT_BURST') },
      chat: { perSecond: env('API_CHAT_PER_SECOND'), burst: env('API_CHAT_BURST') },
    },
    record: true,
  },
  Number(process.env.PORT),
);
process.on('SIGTERM', () => void api.close().then(() => process.exit(0)));
