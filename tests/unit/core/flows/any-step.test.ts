// What works the same at every step: the first question, commands, wrong or unsupported input,
// switching language, and never a dead end.
import { describe, expect, it } from 'vitest';
import { bundledDirectory } from './directory.js';
import { newWorld, Person, personAtMenu } from './harness.js';

const world = () => newWorld(bundledDirectory());

async function atDescription() {
  const w = world();
  const person = await personAtMenu(w);
  await person.press('Повідомити про дитину в біді');
  await person.press('Дитина лишилася без дорослих');
  await person.press('Ні');
  await person.write('Селидове');
  person.expectToSee('Опишіть своїми словами');
  return { world: w, person };
}

describe('a new chat', () => {
  it.each([
    ['opening the bot', { type: 'start' } as const],
    ['writing straight away', { type: 'text', text: 'Допоможіть, дитина сама вдома' } as const],
    ['sending a sticker', { type: 'unsupported', what: 'sticker' } as const],
  ])('is asked for the language first, in both languages, with 112 (%s)', async (_, event) => {
    const person = new Person(world());
    await person.send(event);
    expect(person.keys).toEqual(['language.firstAsk']);
    person.expectToSee('Оберіть, будь ласка, мову', 'Выберите, пожалуйста, язык', '112');
    expect(person.seen[0]?.buttons.flat().map((b) => b.label)).toEqual(['Українська', 'Русский']);
  });

  it('an answer that is no language is said not to be understood, in both languages, and asked again', async () => {
    const person = new Person(world());
    await person.start();
    await person.write('asdf');
    expect(person.keys).toEqual(['language.notUnderstood']);
    person.expectToSee('не зрозуміли', 'не поняли', 'Оберіть, будь ласка, мову', '112');
    expect(person.seen[0]?.buttons.flat().map((b) => b.label)).toEqual(['Українська', 'Русский']);
    // Opening the bot again is no mistake: just the question.
    await person.start();
    expect(person.keys).toEqual(['language.firstAsk']);
    await person.press('Українська');
    expect(person.keys).toEqual(['common.welcome', 'menu.prompt']);
  });

  it('then is welcomed in the chosen language and shown the menu', async () => {
    const person = new Person(world());
    await person.start();
    await person.press('Русский');
    expect(person.keys).toEqual(['common.welcome', 'menu.prompt']);
    expect(person.locale).toBe('ru');
    person.expectToSee('Здравствуйте! Это «Поруч»', 'Чем можем помочь?');
    expect(person.seen[1]?.buttons.flat()[0]?.label).toBe('🆘 Сообщить о ребёнке в беде');
  });
});

describe('at any step', () => {
  it('wrong input is explained and the same question asked again', async () => {
    const { person } = await atDescription();
    await person.shareLocation(48.1, 37.7);
    expect(person.keys).toEqual(['errors.locationNotExpected', 'concern.askDescription']);
    await person.send({ type: 'unsupported', what: 'voice' });
    expect(person.keys).toEqual(['errors.unsupported', 'concern.askDescription']);
    person.expectToSee('Напишіть, будь ласка, словами');
    await person.command('frobnicate');
    expect(person.keys).toEqual(['errors.unknownCommand', 'concern.askDescription']);
    await person.send({ type: 'choice', value: 'cat:VIOLENCE' });
    expect(person.keys).toEqual(['errors.staleButton', 'concern.askDescription']);
    await person.send({ type: 'choice', value: 'garbage:\u0000' });
    expect(person.keys).toEqual(['errors.staleButton', 'concern.askDescription']);
  });

  it('a photo with a caption at a text step: the caption answers, and the photo is said not to be kept', async () => {
    const { world, person } = await atDescription();
    await person.send({ type: 'text', text: 'Дитина в синцях, сидить сама біля під’їзду.', media: 'photo' });
    expect(person.keys).toEqual(['errors.mediaNotKept', 'concern.askContact']);
    person.expectToSee('Фото, відео й файли ми не зберігаємо');
    await person.press('Без телефону');
    await person.press('Надіслати');
    expect(world.requests.requests[0]?.description).toBe('Дитина в синцях, сидить сама біля під’їзду.');
  });

  it('a typed answer to a yes/no question is understood; anything else re-asks', async () => {
    const w = world();
    const person = await personAtMenu(w);
    await person.press('Повідомити про дитину в біді');
    await person.press('Інше');
    await person.write('не знаю');
    expect(person.keys).toEqual(['errors.notUnderstood', 'concern.askDanger']);
    await person.write('Так!');
    expect(person.keys[0]).toBe('concern.dangerNow');
  });

  it('/help explains and returns to the same question; /start mid-flow continues instead of erasing', async () => {
    const { person } = await atDescription();
    await person.command('help');
    expect(person.keys).toEqual(['help.text', 'concern.askDescription']);
    person.expectToSee('116 123', '/cancel');
    await person.start();
    expect(person.keys).toEqual(['common.resumeHint', 'concern.askDescription']);
    await person.write('Двоє малих дітей третій день самі в квартирі, мати не повертається.');
    person.expectToSee('Чи можна фахівцю зателефонувати вам');
  });

  it('/cancel drops the draft, says nothing was sent, and shows the menu; at the menu there is nothing to cancel', async () => {
    const { world: w, person } = await atDescription();
    await person.command('cancel');
    expect(person.keys).toEqual(['common.cancelled', 'menu.prompt']);
    await person.command('cancel');
    expect(person.keys).toEqual(['common.nothingToCancel', 'menu.prompt']);
    expect(w.requests.requests).toHaveLength(0);
  });

  it('/my or /centres mid-report say that the unfinished report was not sent', async () => {
    const { person } = await atDescription();
    await person.command('centres');
    expect(person.keys).toEqual(['common.draftDropped', 'centres.askPlace', 'place.orChoose']);
  });

  it('leaving the place question in any way takes its share-location keyboard away', async () => {
    const atPlace = async () => {
      const person = await personAtMenu(world());
      await person.press('Повідомити про дитину в біді');
      await person.press('Дитина лишилася без дорослих');
      await person.press('Ні');
      expect(person.raw[0]?.requestLocation).toBe(true);
      return person;
    };
    // With answers given, the "cancelled" message carries the removal: nothing extra is said.
    const reporter = await atPlace();
    await reporter.command('cancel');
    expect(reporter.keys).toEqual(['common.cancelled', 'menu.prompt']);
    expect(reporter.raw.map((r) => r.removeKeyboard ?? false)).toEqual([true, false]);

    const toMenu = await atPlace();
    await toMenu.command('menu');
    expect(toMenu.raw[0]).toMatchObject({ text: { key: 'common.cancelled' }, removeKeyboard: true });

    // With nothing to say, a short word goes first: Telegram removes it only with a plain message.
    const looking = await personAtMenu(world());
    await looking.press('Центри та послуги');
    await looking.command('cancel');
    expect(looking.keys).toEqual(['place.closed', 'menu.prompt']);
    expect(looking.raw[0]?.removeKeyboard).toBe(true);

    await looking.command('centres');
    await looking.command('my');
    expect(looking.keys).toEqual(['place.closed', 'myRequests.none']);
    expect(looking.raw[0]?.removeKeyboard).toBe(true);

    await looking.command('centres');
    await looking.start();
    expect(looking.keys).toEqual(['common.welcome', 'menu.prompt']);
    expect(looking.raw[0]?.removeKeyboard).toBe(true);
  });

  it('help or a language switch at the place question keep its keyboard: the question is still open', async () => {
    const person = await personAtMenu(world());
    await person.press('Центри та послуги');
    await person.command('help');
    expect(person.raw.some((r) => r.removeKeyboard)).toBe(false);
    await person.command('language');
    expect(person.raw.some((r) => r.removeKeyboard)).toBe(false);
    await person.press('Русский');
    expect(person.keys).toEqual(['language.changed', 'centres.askPlace', 'place.orChoose']);
    expect(person.raw.some((r) => r.removeKeyboard)).toBe(false);
  });

  it('text typed at the menu is pointed to the right button, not lost silently', async () => {
    const person = await personAtMenu(world());
    await person.write('У сусідів дитина плаче всю ніч');
    expect(person.keys).toEqual(['menu.typedText', 'menu.prompt']);
  });
});

describe('switching language mid-report', () => {
  it('keeps every answer and repeats the current question in the new language', async () => {
    const { world: w, person } = await atDescription();
    await person.command('language');
    expect(person.keys).toEqual(['language.ask']);
    await person.press('Русский');
    expect(person.keys).toEqual(['language.changed', 'concern.askDescription']);
    person.expectToSee('Хорошо, дальше общаемся на русском.', 'Опишите своими словами');
    await person.write('Двое маленьких детей третий день одни в квартире, мать не возвращается.');
    await person.press('Без телефона');
    person.expectToSee('Что случилось: Ребёнок остался без взрослых', 'Где: Селидово (Покровский район)');
    await person.press('Отправить');
    expect(w.requests.requests[0]).toMatchObject({ language: 'ru', category: 'LEFT_WITHOUT_CARE' });
  });

  it('/cancel at the language question goes back to where the person was', async () => {
    const { person } = await atDescription();
    await person.command('language');
    await person.command('cancel');
    expect(person.keys).toEqual(['concern.askDescription']);
    expect(person.locale).toBe('uk');
  });
});

describe('a restart mid-conversation', () => {
  it('continues from the stored state with a new service instance', async () => {
    const { world: w, person } = await atDescription();
    // The process restarts: a new service, the same storage.
    const afterRestart = new Person(w, person.chat);
    await afterRestart.write('Двоє малих дітей третій день самі в квартирі, мати не повертається.');
    afterRestart.expectToSee('Чи можна фахівцю зателефонувати вам');
    await afterRestart.press('Без телефону');
    afterRestart.expectToSee('Де: Селидове (Покровський район)', 'Дитина лишилася без дорослих');
  });
});

describe('a long text that Telegram split into parts', () => {
  const story = 'Сусіди знову кричать на дитину, чути удари і плач. '.repeat(100);
  const head = story.slice(0, 4096);
  const tail = story.slice(4096);
  const at = (seconds: number) => new Date(Date.UTC(2025, 10, 20, 10, 0, seconds));

  it('is judged as one text: the tail never silently becomes the answer on its own', async () => {
    const { world, person } = await atDescription();
    await person.send({ type: 'text', text: head, sentAt: at(0) });
    expect(person.keys).toEqual(['errors.tooLong']);
    await person.send({ type: 'text', text: tail, sentAt: at(1) });
    expect(person.keys).toEqual(['common.partsJoined', 'errors.tooLong']);
    person.expectToSee('склали їх в одне повідомлення', `а у вас ${[...`${head}\n${tail}`.trim()].length}`);
    // Still asked for the description: nothing half-told was taken.
    await person.write('Хлопчика б’ють щовечора, чути крізь стіну.');
    expect(person.keys).toEqual(['concern.askContact']);
    await person.press('Без телефону');
    await person.press('Надіслати');
    expect(world.requests.requests[0]?.description).toBe('Хлопчика б’ють щовечора, чути крізь стіну.');
  });

  it('a message sent long after a long text is a new message, not its continuation', async () => {
    const { person } = await atDescription();
    await person.send({ type: 'text', text: head, sentAt: at(0) });
    await person.send({ type: 'text', text: 'Коротше: дитину б’ють щовечора.', sentAt: at(50) });
    expect(person.keys).toEqual(['concern.askContact']);
  });

  it('parts are joined without a date too, by the clock (Viber, emulators)', async () => {
    const { person } = await atDescription();
    await person.write(head);
    await person.write(tail);
    expect(person.keys).toEqual(['common.partsJoined', 'errors.tooLong']);
  });
});
