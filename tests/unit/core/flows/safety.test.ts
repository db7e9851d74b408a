// Safe mode as a frightened person on a shared phone meets it: one tap wipes the conversation, and
// "forget me" lets go of their cases only after they confirm.
import { describe, expect, it } from 'vitest';
import { bundledDirectory } from './directory.js';
import { newWorld, personAtMenu, reporterWithOneCase } from './harness.js';

describe('safe mode', () => {
  it('the welcome tells a new person about "Стерти розмову", and the menu has it', async () => {
    const world = newWorld(bundledDirectory());
    const person = await personAtMenu(world);
    person.expectToSee('Стерти розмову', 'Чим можемо допомогти?');
    expect(
      person.seen
        .at(-1)
        ?.buttons.flat()
        .map((b) => b.value),
    ).toContain('safety:erase');
  });

  it('on Telegram, the button drops a half-written report and leaves one neutral line', async () => {
    const world = newWorld(bundledDirectory());
    const person = await personAtMenu(world);
    await person.press('Повідомити про дитину в біді');
    await person.press('Насильство');
    await person.send({ type: 'choice', value: 'safety:erase' });
    expect(world.safety.erased).toEqual(['handle-1']);
    expect(person.keys).toEqual(['safety.erased']);
    expect(person.seen[0]?.buttons).toEqual([]);
    expect(person.text).not.toMatch(/звернен|стерт|насильств/i);
    // Nothing of the draft is offered back: /start is a fresh menu, not "continue your report".
    await person.start();
    expect(person.keys).toEqual(['common.welcome', 'menu.prompt']);
  });

  it('/erase works mid-question too, with no confirmation', async () => {
    const world = newWorld(bundledDirectory());
    const person = await personAtMenu(world);
    await person.press('Отримати консультацію');
    await person.command('erase');
    expect(person.keys).toEqual(['safety.erased']);
  });

  it('on Viber, which cannot delete, the same button explains how to clear and hide the chat', async () => {
    const world = newWorld(bundledDirectory());
    world.safety.canDelete = false;
    const person = await personAtMenu(world, 'ru', { handleId: 'viber-1', channel: 'VIBER', locale: null });
    await person.press('Стереть переписку');
    person.expectToSee('Viber не позволяет ботам удалять', 'Скрыть чат', 'Забыть меня');
    expect(person.keys.at(-1)).toBe('menu.prompt');
  });

  it('"forget me" asks first; "no" keeps everything', async () => {
    const { world, person } = await reporterWithOneCase(bundledDirectory());
    await person.command('my');
    await person.press('Забути мене');
    person.expectToSee('Забути вас у цьому чаті?', 'Ваші звернення залишаться в центрі');
    await person.press('Ні, залишити');
    expect(world.safety.forgotten).toEqual([]);
    person.expectToSee('усе залишається як було');
  });

  it('"forget me" confirmed lets go of the cases and says the centre still has them', async () => {
    const { world, person } = await reporterWithOneCase(bundledDirectory());
    await person.command('forget');
    await person.write('так');
    expect(world.safety.forgotten).toEqual(['handle-1']);
    person.expectToSee("ваші звернення більше не пов'язані з цим чатом", 'Центр їх отримав');
  });
});
