// `viber:set-webhook`: registers VIBER_WEBHOOK_URL with Viber for the events Poruch handles and
// prints what Viber answered. Run it once the service is reachable at that URL: Viber checks the URL
// immediately. Exits 1 with the reason when the configuration is missing or Viber refuses.
import { setViberWebhook } from '../../src/channels/viber/set-webhook.js';
import type { Command } from './command.js';

export const viberSetWebhook: Command = async (_args, context) => {
  const report = await setViberWebhook(context.env);
  for (const line of report.lines) (report.exitCode === 0 ? context.out : context.err)(line);
  return report.exitCode;
};
