import { it } from 'vitest';
import { freshSqliteUrl } from '../../helpers/db.js';
import { startTelegramEmulator } from '../../helpers/telegram-emulator.js';
import { startPoruch } from './poruch-on-emulator.js';

it('explore', async () => {
  const emulator = await startTelegramEmulator();
  const running = await startPoruch({ databaseUrl: freshSqliteUrl(), emulator });
  const u = emulator.user(7001, { languageCode: 'uk' });
  const show = async (label: string) => {
    await new Promise((r) => setTimeout(r, 300));
    console.log(`--- ${label}`);
    for (const m of u.skipAll()) console.log(JSON.stringify({ text: m.text.slice(0, 100), buttons: m.buttons.flat().map((b) => b.data), kb: m.keyboard, rm: m.removesKeyboard }));
  };
  await u.command('/start'); await show('start');
  await u.press('lang:ru'); await show('lang');
  await u.press('menu:consultation'); await show('consultation');
  await u.press('topic:LEGAL'); await show('topic');
  await u.shareLocation(48.86, 37.61); await show('place');
  await u.say('Как оформить опеку над племянником после смерти сестры?'); await show('desc');
  console.log((await running.poruch.queue.list('dn-csss-sloviansk')).map((r) => [r.caseCode, r.status, r.urgency, r.category]));
  await running.close();
  await emulator.stop();
});
