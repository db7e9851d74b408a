// Someone who got hold of a case code tries keys with /case, and someone tries invite codes with
// /join. Five wrong tries an hour are allowed (typos happen); the sixth is refused without even
// looking the code up: proven by making the sixth try the RIGHT one, which then changes nothing.
// The refusal still gives the emergency numbers.
import { expect, it } from 'vitest';
import { describeBackends } from '../../helpers/db.js';
import { freshInvite } from '../../helpers/invites.js';
import { usePoruchOnEmulator } from './poruch-on-emulator.js';
import { confirmationOf, greet, reportUpToSummary } from './reporting.js';

const WRONG_KEYS = [
  'ABCD-EFGH-JKMN-PQRS',
  'BCDE-FGHJ-KMNP-QRST',
  'CDEF-GHJK-MNPQ-RSTU',
  'DEFG-HJKM-NPQR-STUV',
  'EFGH-JKMN-PQRS-TUVW',
];

describeBackends('Telegram: limits on guessing codes', (backend) => {
  const world = usePoruchOnEmulator(backend);

  /** "Try again in 60 minutes" (59 on a slow run: the hour started with the first wrong try). */
  const coolDown = (said: string) =>
    [60, 59].some((minutes) => said === world.text('limits.coolDown', 'uk', { minutes }));

  it('the 6th wrong /case within an hour is refused without a look-up, with the emergency numbers', async () => {
    const { text, poruch, emulator } = world;
    const olena = emulator.user(630_000_001);
    await reportUpToSummary(olena, text, 'Дівчинка років семи щовечора сама на дитячому майданчику до ночі.');
    await olena.press(text('summary.send', 'uk'));
    const { code, secret } = confirmationOf(await olena.until((m) => m.text === text('menu.prompt', 'uk')));
    expect(secret).not.toBe('');
    const ownerOf = async () =>
      (await poruch.store.database.prisma.request.findFirst({ where: { caseCode: code } }))?.reporterHandleId;
    const olenasHandle = await ownerOf();

    const guesser = emulator.user(630_000_002);
    await greet(guesser, text);
    for (const wrong of WRONG_KEYS) {
      await guesser.command(`/case ${code} ${wrong}`);
      expect((await guesser.next()).text).toBe(text('myRequests.secretUnknown', 'uk'));
    }

    // The sixth try, with the right key: refused, and the case stays where it was.
    await guesser.command(`/case ${code} ${secret}`);
    const [refusal, menu] = [await guesser.next(), await guesser.next()];
    expect(coolDown(refusal.text)).toBe(true);
    for (const number of ['112', '102', '116 111', '116 123']) expect(refusal.text).toContain(number);
    expect(menu.text).toBe(text('menu.prompt', 'uk'));
    expect(await ownerOf()).toBe(olenasHandle);

    // The key was never looked up, so it was not spent: Olena can still move her case to Viber or,
    // here, to her other Telegram account.
    const olenasOtherPhone = emulator.user(630_000_003);
    await greet(olenasOtherPhone, text);
    await olenasOtherPhone.command(`/case ${code} ${secret}`);
    expect((await olenasOtherPhone.next()).text).toBe(text('myRequests.continued', 'uk', { code }));
    expect(await ownerOf()).not.toBe(olenasHandle);
  });

  it('the 6th wrong /join within an hour is refused without a look-up', async () => {
    const { text, poruch, emulator } = world;
    const invite = await freshInvite(poruch, 'dn-csss-kramatorsk');
    const guesser = emulator.user(630_000_010);
    for (let i = 0; i < 5; i++) {
      await guesser.command(`/join WRNG-CODE-000${i}`);
      expect((await guesser.next()).text).toBe(text('specialist.join.invalid', 'uk'));
    }
    await guesser.command(`/join ${invite}`);
    const refusal = await guesser.next();
    expect(coolDown(refusal.text)).toBe(true);
    expect(refusal.text).toContain('112');
    expect(await poruch.store.database.prisma.specialist.count()).toBe(0);
    const stored = await poruch.store.database.prisma.invite.findMany();
    expect(stored.map((i) => i.usedAt)).toEqual([null]);
  });
});
