import { describe, expect, it } from 'vitest';
import { bundledDirectory } from './directory.js';
import { newWorld, personAtMenu } from './harness.js';

const QUESTION = 'Сыну 9 лет, после переезда он почти не говорит и плохо спит. Нужен совет психолога.';

describe('a mother asks for a consultation, in Russian', () => {
  it('goes topic -> place -> question -> way and time -> summary -> case code', async () => {
    const world = newWorld(bundledDirectory());
    const mother = await personAtMenu(world, 'ru');
    await mother.press('Получить консультацию');
    mother.expectToSee('По какому вопросу вам нужна консультация?');
    await mother.press('Психологическая поддержка');
    mother.expectToSee('Где вы живёте?');
    await mother.write('Дружковка');
    expect(mother.keys).toEqual(['place.chosen', 'consultation.askDescription']);
    expect(mother.seen[0]).toMatchObject({
      text: '📍 Дружковка (Краматорский район)',
      removeKeyboard: true,
    });
    mother.expectToSee('Опишите коротко ваш вопрос');
    await mother.write(QUESTION);
    mother.expectToSee('Как специалисту лучше с вами связаться?');
    await mother.press('Позвонить');
    mother.expectToSee('Напишите номер');
    await mother.write('8 (095) 765-43-21');
    mother.expectToSee('Когда вам удобно?');
    await mother.write('в будни после 18:00');

    mother.expectToSee(
      'Тема: Психологическая поддержка',
      'Где: Дружковка (Краматорский район)',
      `Вопрос: ${QUESTION}`,
      'Как связаться: 📞 Позвонить: +380957654321',
      'Когда удобно: в будни после 18:00',
    );
    await mother.press('Отправить');

    const [request] = world.requests.requests;
    expect(request).toMatchObject({
      kind: 'CONSULTATION',
      category: 'PSYCHOLOGICAL',
      urgency: 'NORMAL',
      centreId: 'dn-csss-druzhkivka',
      language: 'ru',
      description: QUESTION,
      contactPhone: '+380957654321',
      contactPreference: 'PHONE; в будни после 18:00',
    });
    mother.expectToSee(
      'Ваш запрос на консультацию получил Дружковский городской центр социальных служб',
      `Код обращения: ${request?.caseCode}`,
    );
    expect(mother.text).not.toContain('116 123');
  });

  it('chat as the way needs no phone; a time slot button works; "other way" leaves the phone question', async () => {
    const world = newWorld(bundledDirectory());
    const mother = await personAtMenu(world, 'ru');
    await mother.press('Получить консультацию');
    await mother.press('Социальные выплаты');
    await mother.write('Покровск');
    await mother.write('Как оформить помощь на ребёнка после переезда?');
    await mother.press('Позвонить');
    await mother.press('Выбрать другой способ');
    mother.expectToSee('Как специалисту лучше с вами связаться?');
    await mother.press('Написать мне здесь');
    await mother.press('Утром');
    mother.expectToSee('Как связаться: 💬 Написать мне здесь, в чате', 'Когда удобно: Утром (9:00–12:00)');
    await mother.press('Исправить');
    await mother.press('Когда удобно');
    await mother.press('В любое время');
    mother.expectToSee('Когда удобно: В любое время', 'Как оформить помощь');
    await mother.press('Отправить');
    expect(world.requests.requests[0]).toMatchObject({
      category: 'SOCIAL_BENEFITS',
      centreId: 'dn-csss-pokrovsk',
      contactPhone: null,
      contactPreference: 'CHAT; ANY',
    });
  });

  it('a time written in too few letters is explained', async () => {
    const world = newWorld(bundledDirectory());
    const mother = await personAtMenu(world, 'ru');
    await mother.press('Получить консультацию');
    await mother.press('Юридический вопрос');
    await mother.write('Лиман');
    await mother.write('Нужна помощь с документами на опеку над внучкой.');
    await mother.press('Приду в центр лично');
    await mother.write('пн');
    mother.expectToSee('не меньше 5 символов');
  });
});
