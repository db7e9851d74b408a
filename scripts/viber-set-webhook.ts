// `npm run viber:set-webhook`: registers VIBER_WEBHOOK_URL with Viber for the events Poruch handles
// and prints what Viber answered. Run it once the service is reachable at that URL: Viber checks
// the URL immediately. Exits 1 with the reason when the configuration is missing or Viber refuses.
import { setViberWebhook } from '../src/channels/viber/set-webhook.js';

const report = await setViberWebhook(process.env);
for (const line of report.lines) (report.exitCode === 0 ? console.log : console.error)(line);
process.exitCode = report.exitCode;
