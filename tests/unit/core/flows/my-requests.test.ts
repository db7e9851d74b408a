import { describe, expect, it } from 'vitest';
import { bundledDirectory } from './directory.js';
import { fileBullyingReport, newWorld, personAtMenu, reporterWithOneCase as withOneCase } from './harness.js';

const reporterWithOneCase = () => withOneCase(bundledDirectory());

describe('my requests', () => {
  it('lists the requests with their status in the person’s language', async () => {
    const { world, person, code } = await reporterWithOneCase();
    await person.press('Мої звернення');
    person.expectToSee('Ваші звернення:', `• ${code} — Цькування (булінг)`, 'чекає на фахівця');
    world.requests.byCode(code).status = 'ANSWERED';
    await person.command('language');
    await person.press('Русский');
    await person.command('my');
    person.expectToSee(`• ${code} — Травля (буллинг)`, 'специалист ответил');
  });

  it('adds information to an open request, appended to its thread', async () => {
    const { world, person, code } = await reporterWithOneCase();
    await person.command('my');
    await person.press(`Додати до ${code}`);
    person.expectToSee(`Напишіть, що хочете додати до звернення ${code}`);
    await person.write('Сьогодні її знову штовхнули на сходах.');
    person.expectToSee(`Додано до звернення ${code}`, 'Чим можемо допомогти?');
    expect(world.requests.byCode(code).thread).toEqual(['Сьогодні її знову штовхнули на сходах.']);
  });

  it('a closed request offers no "add" button, and a stale one is refused politely', async () => {
    const { world, person, code } = await reporterWithOneCase();
    await person.command('my');
    const stale = person.seen[0]?.buttons.flat().find((b) => b.label.includes(code));
    world.requests.byCode(code).status = 'CLOSED';
    await person.command('my');
    person.expectToSee('закрито');
    expect(person.text).not.toContain('Додати до');
    // The button from the earlier list is pressed anyway.
    await person.send({ type: 'choice', value: stale?.value ?? '' });
    expect(person.keys[0]).toBe('errors.staleButton');
  });

  it('a request closed between listing and writing is explained, nothing appended', async () => {
    const { world, person, code } = await reporterWithOneCase();
    await person.command('my');
    await person.press(`Додати до ${code}`);
    world.requests.byCode(code).status = 'CLOSED';
    await person.write('Ще одна деталь.');
    person.expectToSee(`Звернення ${code} уже закрите`);
    expect(world.requests.byCode(code).thread).toEqual([]);
  });

  it('says so when there are none', async () => {
    const person = await personAtMenu(newWorld(bundledDirectory()));
    await person.press('Мої звернення');
    person.expectToSee('У цьому чаті у вас поки немає звернень.');
  });

  it('a case continues on another messenger with its one-time key', async () => {
    const { world, person, code } = await reporterWithOneCase();
    const secret = world.requests.byCode(code).secret ?? '';
    person.expectToSee(secret);

    const onViber = await personAtMenu(world, 'uk', {
      handleId: 'handle-viber',
      channel: 'VIBER',
      locale: null,
    });
    await onViber.press('Мої звернення');
    await onViber.press('У мене є ключ');
    await onViber.write('не ключ');
    onViber.expectToSee('Це не схоже на ключ');
    await onViber.write(secret.toLowerCase().replaceAll('-', ' '));
    onViber.expectToSee(`Звернення ${code} тепер у цьому чаті`);
    expect(world.requests.byCode(code).reporterHandleId).toBe('handle-viber');

    // One time only.
    const third = await personAtMenu(world, 'uk', {
      handleId: 'handle-3',
      channel: 'TELEGRAM',
      locale: null,
    });
    await third.command('my');
    await third.press('У мене є ключ');
    await third.write(secret);
    third.expectToSee('Такого ключа немає');
  });

  it('the confirmation tells how: /case with the code on the other messenger, then the key', async () => {
    const { world, person, code } = await reporterWithOneCase();
    const secret = world.requests.byCode(code).secret ?? '';
    const shown = person.seen.find((r) => r.text.includes(secret))?.text ?? '';
    expect(shown).toContain(`/case ${code}`);
  });

  it('/case CODE asks for that case’s key; a wrong key is refused and moves nothing; the right one works once', async () => {
    const { world, code } = await reporterWithOneCase();
    const secret = world.requests.byCode(code).secret ?? '';
    const onViber = await personAtMenu(world, 'uk', {
      handleId: 'handle-viber',
      channel: 'VIBER',
      locale: null,
    });

    await onViber.command('case', code.toLowerCase());
    expect(onViber.keys).toEqual(['myRequests.askSecretFor']);
    onViber.expectToSee(`Щоб продовжити звернення ${code} тут, введіть ключ`);

    await onViber.write('ABCD-EFGH-JKMN-PQRS');
    expect(onViber.keys).toEqual(['myRequests.secretUnknown']);
    expect(onViber.seen[0]?.buttons.flat().map((b) => b.value)).toEqual(['flow:cancel']);
    expect(world.requests.byCode(code).reporterHandleId).toBe('handle-1');

    await onViber.write(secret);
    expect(onViber.keys).toEqual(['myRequests.continued', 'menu.prompt']);
    expect(world.requests.byCode(code).reporterHandleId).toBe('handle-viber');
    await onViber.command('my');
    onViber.expectToSee(`• ${code} — Цькування (булінг)`);
    await onViber.press(`Додати до ${code}`);
    await onViber.write('Пишу вже з іншого месенджера.');
    expect(world.requests.byCode(code).thread).toEqual(['Пишу вже з іншого месенджера.']);

    const third = await personAtMenu(world, 'uk', {
      handleId: 'handle-3',
      channel: 'TELEGRAM',
      locale: null,
    });
    await third.command('case', `${code} ${secret}`);
    expect(third.keys).toEqual(['myRequests.secretUnknown']);
    expect(world.requests.byCode(code).reporterHandleId).toBe('handle-viber');
  });

  it('/case takes the code and the key in one line, the key alone, or nothing and then asks', async () => {
    const { world, code } = await reporterWithOneCase();
    const secret = world.requests.byCode(code).secret ?? '';
    const onViber = await personAtMenu(world, 'uk', {
      handleId: 'handle-viber',
      channel: 'VIBER',
      locale: null,
    });
    await onViber.command('case', `${code}   ${secret.toLowerCase()}`);
    expect(onViber.keys).toEqual(['myRequests.continued', 'menu.prompt']);

    const another = await reporterWithOneCase();
    const onPhone = await personAtMenu(another.world, 'uk', {
      handleId: 'handle-2',
      channel: 'VIBER',
      locale: null,
    });
    await onPhone.command('case');
    expect(onPhone.keys).toEqual(['myRequests.askSecret']);
    await onPhone.command('case', another.world.requests.byCode(another.code).secret ?? '');
    onPhone.expectToSee(`Звернення ${another.code} тепер у цьому чаті`);
  });

  it('/case CODE with the key of another case moves neither: the key must be that case’s', async () => {
    const { world, person, code: first } = await reporterWithOneCase();
    await fileBullyingReport(person);
    const second = world.requests.requests[1]?.caseCode ?? '';
    const keyOfSecond = world.requests.byCode(second).secret ?? '';
    const onViber = await personAtMenu(world, 'uk', {
      handleId: 'handle-viber',
      channel: 'VIBER',
      locale: null,
    });

    await onViber.command('case', `${first} ${keyOfSecond}`);
    expect(onViber.keys).toEqual(['myRequests.secretUnknown']);
    expect(world.requests.byCode(first).reporterHandleId).toBe('handle-1');
    expect(world.requests.byCode(second).reporterHandleId).toBe('handle-1');

    // The key is not spent by the refusal: with its own code it still works.
    await onViber.command('case', `${second} ${keyOfSecond}`);
    expect(onViber.keys).toEqual(['myRequests.continued', 'menu.prompt']);
    expect(world.requests.byCode(second).reporterHandleId).toBe('handle-viber');
  });

  it('/case with something that is neither code nor key explains both, and nothing is looked up', async () => {
    const { world, code } = await reporterWithOneCase();
    const person = await personAtMenu(world, 'ru', {
      handleId: 'handle-viber',
      channel: 'VIBER',
      locale: null,
    });
    for (const args of ['12345678', `${code} ABCD`, 'K0-4QX']) {
      await person.command('case', args);
      expect(person.keys).toEqual(['myRequests.caseMalformed']);
      person.expectToSee('/case K7-4QX');
    }
    expect(world.requests.byCode(code).reporterHandleId).toBe('handle-1');
  });

  it('/case in the middle of a report says the unfinished report was not sent', async () => {
    const { world, code } = await reporterWithOneCase();
    const person = await personAtMenu(world, 'uk', {
      handleId: 'handle-viber',
      channel: 'VIBER',
      locale: null,
    });
    await person.press('Повідомити про дитину в біді');
    await person.press('Цькування');
    await person.command('case', code);
    expect(person.keys).toEqual(['common.draftDropped', 'myRequests.askSecretFor']);
  });
});
