import { describe, expect, it } from 'vitest';
import { bundledDirectory, smallDirectory } from './directory.js';
import { newWorld, personAtMenu } from './harness.js';

describe('centres and services', () => {
  it('by a shared location: the nearest centre, with unconfirmed details said to be unconfirmed', async () => {
    const person = await personAtMenu(newWorld(bundledDirectory()));
    await person.press('Центри та послуги');
    expect(person.seen[0]?.requestLocation).toBe(true);
    await person.shareLocation(48.853, 37.605); // Sloviansk
    person.expectToSee(
      'Найближчий до вас центр:',
      "🏢 Слов'янський міський центр соціальних служб",
      "Адреса: м. Слов'янськ",
      'Телефон: не вказано',
      'Центр ще не підтвердив ці дані',
    );
    expect(person.keys.at(-1)).toBe('menu.prompt');
  });

  it('by choosing a district: every centre in it', async () => {
    const person = await personAtMenu(newWorld(bundledDirectory()));
    await person.command('centres');
    await person.press('Покровський район');
    expect(person.keys.slice(0, 2)).toEqual(['place.chosen', 'centres.inArea']);
    expect(person.seen[0]).toMatchObject({
      text: '📍 Покровський район (Донецька область)',
      removeKeyboard: true,
    });
    person.expectToSee('(Покровський район)', 'Покровський міський центр', 'Мирноградський міський центр');
    expect(person.text).not.toContain('Слов');
  });

  it('confirmed details are shown without a warning, in Russian too', async () => {
    const person = await personAtMenu(newWorld(smallDirectory()), 'ru');
    await person.command('centres');
    await person.write('Изюм');
    expect(person.seen[0]).toMatchObject({ text: '📍 Изюм (Изюмский район)', removeKeyboard: true });
    person.expectToSee(
      'Ізюмський міський центр соціальних служб (ru)',
      'Адрес: ул. Мира, 1',
      'Телефон: +380501112233',
    );
    expect(person.text).not.toContain('не подтвердил');
  });
});
