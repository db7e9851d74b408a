// A case started on Telegram and continued on Viber, end to end in one app with both bots on: the
// Telegram emulator on one side, signed Viber callbacks and the fake Viber API on the other. Only the
// one-time key shown on Telegram proves the case is the person's; `/case CODE` is typed as plain
// text on Viber, which has no commands of its own.
import { expect, it } from 'vitest';
import { CASE_CODE_PATTERN, SECRET_PATTERN } from '../../../src/core/queue/case-codes.js';
import { describeBackends } from '../../helpers/db.js';
import type { TestUser } from '../../helpers/telegram-emulator.js';
import { useTwoMessengerWorld } from './world.js';

const DESCRIPTION = 'Дитина з сусідньої квартири ходить голодна, батьків тижнями не видно вдома.';

describeBackends('A case moves from Telegram to Viber', (backend) => {
  const world = useTwoMessengerWorld(backend);

  const text = (key: string, locale: 'uk' | 'ru', params?: Record<string, string>) =>
    world.poruch.i18n.render(params ? { key, params } : { key }, locale);

  /** One Telegram step: the webhook has answered once it returns; then the outbox sends the replies. */
  async function onTelegram(act: () => Promise<void>) {
    await act();
    await world.deliver();
  }

  async function reportOnTelegram(user: TestUser) {
    await onTelegram(() => user.command('/start'));
    await onTelegram(() => user.press('lang:uk'));
    await onTelegram(() => user.press('menu:concern'));
    await onTelegram(() => user.press('cat:NEGLECT'));
    await onTelegram(() => user.press('danger:no'));
    await onTelegram(() => user.say('Краматорськ'));
    await onTelegram(() => user.say(DESCRIPTION));
    await onTelegram(() => user.press('contact:anon'));
    await onTelegram(() => user.press('summary:send'));
    const said = user.messages().map((m) => m.text);
    const code = /Код звернення: (\S+)/.exec(said.join('\n'))?.[1] ?? '';
    const keyMessage = said.find((m) => m.startsWith('🔑')) ?? '';
    const secret = /[2-9A-HJKMNP-Z]{4}(?:-[2-9A-HJKMNP-Z]{4}){3}/.exec(keyMessage)?.[0] ?? '';
    expect(code).toMatch(CASE_CODE_PATTERN);
    expect(secret).toMatch(SECRET_PATTERN);
    expect(keyMessage).toContain(`/case ${code}`);
    return { code, secret };
  }

  async function reporterOf(code: string) {
    const request = await world.poruch.store.requests.findByCaseCode(code);
    return request ? world.poruch.store.requests.reporterHandleOf(request.id) : null;
  }

  it('Oksana reports on Telegram, then goes on with the case on Viber with /case and her one-time key', async () => {
    const oksana = world.emulator.user(731_905_001);
    const { code, secret } = await reportOnTelegram(oksana);
    const onTelegramHandle = (await world.poruch.store.handles.resolve('TELEGRAM', '731905001')).handleId;
    expect(await reporterOf(code)).toBe(onTelegramHandle);

    const onViber = world.person('oksana-viber-id', 'uk');
    await onViber.open();
    await onViber.press('lang:uk');
    expect(await onViber.type(`/case ${code}`)).toEqual([text('myRequests.askSecretFor', 'uk', { code })]);
    expect(onViber.buttonValues()).toEqual(['flow:cancel']);

    // A mistyped key is refused in plain words, and the case stays where it was.
    expect(await onViber.type('ABCD-EFGH-JKMN-PQRS')).toEqual([text('myRequests.secretUnknown', 'uk')]);
    expect(await reporterOf(code)).toBe(onTelegramHandle);

    const continued = await onViber.type(secret.toLowerCase());
    expect(continued).toEqual([text('myRequests.continued', 'uk', { code }), text('menu.prompt', 'uk')]);
    const onViberHandle = (await world.poruch.store.handles.resolve('VIBER', 'oksana-viber-id')).handleId;
    expect(await reporterOf(code)).toBe(onViberHandle);

    // On Viber the case is now among her requests, and she can add to it.
    const listed = (await onViber.press('menu:my')).join('\n');
    expect(listed).toContain(`• ${code} — ${text('concern.category.NEGLECT', 'uk')}`);
    await onViber.press(`add:${code}`);
    const more = 'Сьогодні ввечері дитина знову сиділа сама під дверима.';
    expect((await onViber.type(more)).join('\n')).toContain(text('myRequests.added', 'uk', { code }));
    const request = await world.poruch.store.requests.findByCaseCode(code);
    const thread = await world.poruch.store.messages.thread(request?.id ?? '');
    expect(thread.map((m) => [m.author, m.text])).toContainEqual(['REPORTER', more]);

    // The Telegram chat no longer holds it.
    await onTelegram(() => oksana.press('menu:my'));
    expect(oksana.messages().at(-1)?.text).toBe(text('myRequests.none', 'uk'));
  });

  it('the key works once: whoever tries it again is refused in their language, and nothing moves', async () => {
    const ivan = world.emulator.user(731_905_002);
    const { code, secret } = await reportOnTelegram(ivan);
    const first = world.person('ivan-viber-id', 'uk');
    await first.open();
    await first.press('lang:uk');
    await first.type(`/case ${code} ${secret}`);
    const owner = await reporterOf(code);

    const second = world.person('someone-else-viber-id', 'ru');
    await second.open();
    await second.press('lang:ru');
    expect(await second.type(`/case ${code} ${secret}`)).toEqual([text('myRequests.secretUnknown', 'ru')]);
    expect(await reporterOf(code)).toBe(owner);
    expect(await second.press('flow:cancel')).toEqual([text('menu.prompt', 'ru')]);
    expect((await second.press('menu:my')).join('\n')).toContain(text('myRequests.none', 'ru'));
  });
});
