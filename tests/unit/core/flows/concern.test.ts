import { describe, expect, it } from 'vitest';
import { CASE_CODE_PATTERN } from '../../../../src/core/queue/case-codes.js';
import { bundledDirectory, smallDirectory } from './directory.js';
import { newWorld, personAtMenu } from './harness.js';

const EMERGENCY = ['112', '102', '116 111', '116 123'];
const SLOVIANSK_STORY = 'Сусіди щовечора кричать на хлопчика років семи і б’ють його, він плаче.';

async function reporterAtDanger(directory = bundledDirectory()) {
  const world = newWorld(directory);
  const person = await personAtMenu(world);
  await person.press('Повідомити про дитину в біді');
  person.expectToSee('Що сталося?');
  await person.press('Насильство над дитиною');
  person.expectToSee('Чи загрожує комусь небезпека просто зараз?');
  return { world, person };
}

describe('a neighbour reports violence against a child in immediate danger', () => {
  it('is shown the emergency numbers in the very first reply after "yes", then the report goes out urgent', async () => {
    const { world, person } = await reporterAtDanger();

    const afterYes = await person.press('Так');
    for (const number of EMERGENCY) expect(afterYes[0]?.text).toContain(number);
    expect(person.keys[0]).toBe('concern.dangerNow');
    // ...and only then the next question: where.
    expect(afterYes[1]?.text).toContain('Де це відбувається?');
    expect(afterYes[1]?.requestLocation).toBe(true);

    // A typo in the town's name: asked to confirm, with the district to tell places apart.
    await person.write('Слвянськ');
    person.expectToSee('Ви мали на увазі');
    await person.press("Слов'янськ (Краматорський район)");
    person.expectToSee('Опишіть своїми словами');

    await person.write(SLOVIANSK_STORY);
    person.expectToSee('Чи можна фахівцю зателефонувати вам');
    await person.press('Без телефону');

    person.expectToSee(
      'Що сталося: Насильство над дитиною',
      'Небезпека просто зараз: так, термінове',
      "Де: Слов'янськ (Краматорський район)",
      SLOVIANSK_STORY,
      'анонімно, без телефону',
    );
    expect(world.requests.requests).toHaveLength(0);

    await person.press('Надіслати');
    expect(world.requests.requests).toHaveLength(1);
    const [request] = world.requests.requests;
    expect(request).toMatchObject({
      kind: 'CONCERN',
      category: 'VIOLENCE',
      urgency: 'URGENT',
      centreId: 'dn-csss-sloviansk',
      unitId: 'donetska/kramatorskyi/sloviansk',
      approxLocation: null,
      description: SLOVIANSK_STORY,
      contactPhone: null,
      language: 'uk',
      channel: 'TELEGRAM',
      reporterHandleId: 'handle-1',
    });
    const code = request?.caseCode ?? '';
    expect(code).toMatch(CASE_CODE_PATTERN);
    person.expectToSee(
      `Код звернення: ${code}`,
      "Слов'янський міський центр соціальних служб",
      request?.secret ?? '?',
    );
    // Urgent: the numbers once more, so "queued" never sounds like "help is on its way".
    for (const number of EMERGENCY) expect(person.text).toContain(number);
    expect(person.seen.at(-1)?.text).toBe('Чим можемо допомогти?');
  });

  it('"no danger" gives no emergency message and a normal-urgency request', async () => {
    const { world, person } = await reporterAtDanger();
    await person.write('ні');
    expect(person.keys[0]).toBe('concern.askPlace');
    await person.write('Краматорськ');
    await person.write('Дитина з третього під’їзду часто сидить сама до ночі, голодна.');
    await person.press('Без телефону');
    await person.press('Надіслати');
    expect(world.requests.requests[0]).toMatchObject({ urgency: 'NORMAL', centreId: 'dn-csss-kramatorsk' });
    expect(person.text).not.toContain('116 123');
  });
});

describe('where it happens', () => {
  it('a shared location is rounded to about a kilometre and routed to the nearest town', async () => {
    const { world, person } = await reporterAtDanger();
    await person.press('Ні');
    await person.shareLocation(48.73912, 37.58437);
    expect(person.seen[0]).toMatchObject({ text: 'Дякуємо, геолокацію отримано.', removeKeyboard: true });
    await person.write('Маленька дитина гуляє сама біля траси вже третій день поспіль.');
    await person.press('Без телефону');
    person.expectToSee('Де: Краматорськ (Краматорський район), за геолокацією');
    await person.press('Надіслати');
    expect(world.requests.requests[0]).toMatchObject({
      approxLocation: { lat: 48.74, lon: 37.58 },
      unitId: 'donetska/kramatorskyi/kramatorsk',
      centreId: 'dn-csss-kramatorsk',
    });
  });

  it('a typed town is confirmed in a message that also takes the share-location keyboard away', async () => {
    const { person } = await reporterAtDanger();
    await person.press('Ні');
    await person.write('Краматорськ');
    expect(person.keys).toEqual(['place.chosen', 'concern.askDescription']);
    expect(person.seen[0]).toMatchObject({
      text: '📍 Краматорськ (Краматорський район)',
      buttons: [],
      removeKeyboard: true,
    });
  });

  it('a place picked from the list is confirmed the same way', async () => {
    const { person } = await reporterAtDanger();
    await person.press('Ні');
    await person.press('Покровський район');
    expect(person.raw.some((r) => r.removeKeyboard)).toBe(false);
    await person.press('весь район');
    expect(person.keys).toEqual(['place.chosen', 'concern.askDescription']);
    expect(person.seen[0]).toMatchObject({
      text: '📍 Покровський район (Донецька область)',
      removeKeyboard: true,
    });
  });

  it('a name that is not found keeps the question and its keyboard', async () => {
    const { person } = await reporterAtDanger();
    await person.press('Ні');
    await person.write('Атлантида');
    expect(person.raw.some((r) => r.removeKeyboard)).toBe(false);
    expect(person.raw.some((r) => r.requestLocation)).toBe(true);
  });

  it('a location far outside the served area is explained, and the question stays', async () => {
    const { person } = await reporterAtDanger();
    await person.press('Ні');
    await person.shareLocation(49.84, 24.03); // Lviv
    expect(person.keys).toEqual(['place.outsideArea', 'concern.askPlace', 'place.orChoose']);
    person.expectToSee('116 111');
  });

  it('a name two villages share is asked about, each shown with its district', async () => {
    const { person } = await reporterAtDanger(smallDirectory());
    await person.press('Ні');
    await person.write('миколаївка');
    person.expectToSee('Ви мали на увазі');
    const labels = person.seen.flatMap((r) => r.buttons.flat()).map((b) => b.label);
    expect(labels).toEqual(['Миколаївка (Ізюмський район)', 'Миколаївка (Чугуївський район)', 'Жодне з цих']);
    await person.press('Чугуївський');
    expect(person.keys).toEqual(['place.chosen', 'concern.askDescription']);
    expect(person.seen[0]).toMatchObject({
      text: '📍 Миколаївка (Чугуївський район)',
      removeKeyboard: true,
    });
  });

  it('an unknown name says so and offers the list again', async () => {
    const { person } = await reporterAtDanger();
    await person.press('Ні');
    await person.write('Атлантида');
    expect(person.keys).toEqual(['place.notFound', 'concern.askPlace', 'place.orChoose']);
    person.expectToSee('Не вдалося знайти «Атлантида»');
  });

  it('the list goes oblast -> district -> hromada, long lists in pages, with a way back', async () => {
    const { world, person } = await reporterAtDanger(smallDirectory());
    await person.press('Ні');
    await person.press('Одеська область');
    person.expectToSee('Оберіть район:');
    await person.press('Березівський район');
    person.expectToSee('Оберіть громаду чи місто:');
    expect(person.seen[0]?.buttons.flat().filter((b) => b.label.startsWith('Село'))).toHaveLength(12);
    await person.press('‹ Назад');
    person.expectToSee('Оберіть район:');
    await person.press('Березівський район');
    await person.press('Ще ›');
    await person.press('Село 9');
    await person.write('Дитину з Села 9 тиждень не бачили в школі, батьки не відчиняють.');
    await person.press('Без телефону');
    person.expectToSee('Де: Село 9 (Березівський район)');
    await person.press('Надіслати');
    // No centre covers the village: the oblast centre takes it (routing's fallback).
    expect(world.requests.requests[0]).toMatchObject({ unitId: 'od/berez/v9', centreId: 'od-oblast' });
  });

  it('"not sure, the whole district" is a valid answer', async () => {
    const { person } = await reporterAtDanger();
    await person.press('Ні');
    await person.press('Покровський район');
    await person.press('весь район');
    person.expectToSee('Опишіть своїми словами');
  });
});

describe('what happened, and how to reach the reporter', () => {
  async function atDescription() {
    const { world, person } = await reporterAtDanger();
    await person.press('Ні');
    await person.write('Лиман');
    return { world, person };
  }

  it('too short or too long a description is explained, and the question keeps its buttons', async () => {
    const { person } = await atDescription();
    await person.write('Б’ють');
    expect(person.seen).toHaveLength(1);
    person.expectToSee('щонайменше 10 символів');
    expect(person.seen[0]?.buttons.flat().map((b) => b.label)).toEqual(['✖️ Скасувати']);
    await person.write('а'.repeat(2001));
    person.expectToSee('до 2000 символів, а у вас 2001');
    await person.write('а'.repeat(2000));
    person.expectToSee('Чи можна фахівцю зателефонувати вам');
  });

  it('a phone number is taken only when offered, and must be Ukrainian', async () => {
    const { world, person } = await atDescription();
    await person.write('Мати залишає немовля саме вдома на цілий день.');
    await person.press('Залишити номер телефону');
    await person.write('12345');
    person.expectToSee('номер неповний або не український');
    await person.write('+48 601 234 567');
    person.expectToSee('номер неповний або не український');
    await person.write('(067) 123-45-67');
    person.expectToSee("Зв'язок: телефон +380671234567");
    await person.press('Надіслати');
    expect(world.requests.requests[0]?.contactPhone).toBe('+380671234567');
  });

  it('a number typed straight at the contact question is understood', async () => {
    const { person } = await atDescription();
    await person.write('Мати залишає немовля саме вдома на цілий день.');
    await person.write('0501234567');
    person.expectToSee('телефон +380501234567');
  });
});

describe('the summary', () => {
  async function atSummary() {
    const { world, person } = await reporterAtDanger();
    await person.press('Ні');
    await person.write('Лиман');
    await person.write('Старша сестра каже, що вітчим замикає дітей у підвалі.');
    await person.press('Без телефону');
    return { world, person };
  }

  it('"edit" goes back to one answer and returns to the summary with the rest kept', async () => {
    const { world, person } = await atSummary();
    await person.press('Виправити');
    person.expectToSee('Що саме виправити?');
    await person.press('Опис');
    await person.write('Вітчим замикає двох дітей у підвалі на ніч, сусіди чують плач.');
    person.expectToSee('Перевірте, будь ласка', 'сусіди чують плач', 'Де: Лиман', 'Насильство над дитиною');

    await person.press('Виправити');
    await person.press('Що сталося');
    await person.press('Про дитину не дбають');
    person.expectToSee('Що сталося: Про дитину не дбають', 'сусіди чують плач');

    await person.press('Виправити');
    await person.press('Небезпека зараз');
    const afterYes = await person.press('Так');
    expect(afterYes[0]?.text).toContain('116 111');
    person.expectToSee('Небезпека просто зараз: так, термінове');

    await person.press('Надіслати');
    expect(world.requests.requests[0]).toMatchObject({ category: 'NEGLECT', urgency: 'URGENT' });
  });

  it('"cancel" sends nothing and returns to the menu', async () => {
    const { world, person } = await atSummary();
    await person.press('Скасувати');
    expect(person.keys).toEqual(['common.cancelled', 'menu.prompt']);
    person.expectToSee('Нічого не надіслано');
    expect(world.requests.requests).toHaveLength(0);
  });
});

describe('a town under its former name', () => {
  it('is found: Артемівськ is Бахмут', async () => {
    const { world, person } = await reporterAtDanger();
    await person.press('Ні');
    await person.write('Артемівськ');
    person.expectToSee('📍 Бахмут (Бахмутський район)', 'Опишіть своїми словами');
    await person.write('Хлопчик щодня просить їсти в сусідів, батьки п’ють.');
    await person.press('Без телефону');
    await person.press('Надіслати');
    expect(world.requests.requests[0]?.unitId).toBe('donetska/bakhmutskyi/bakhmut');
  });

  it('with a typo, is offered as "did you mean": Красноарміськ → Покровськ', async () => {
    const { person } = await reporterAtDanger();
    await person.press('Ні');
    await person.write('Красноарміськ');
    person.expectToSee('Ви мали на увазі');
    await person.press('Покровськ (Покровський район)');
    person.expectToSee('Опишіть своїми словами');
  });
});
