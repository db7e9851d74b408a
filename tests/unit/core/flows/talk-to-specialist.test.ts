// Once a specialist has taken the person's case, what they type at the menu is simply passed on:
// no "my requests → add" detour. Mid-flow words still answer the flow's question, and a person
// whose case nobody has taken yet is shown where their story goes, as before.
import { describe, expect, it } from 'vitest';
import { bundledDirectory } from './directory.js';
import { fileBullyingReport, reporterWithOneCase } from './harness.js';

const reporterWithCase = () => reporterWithOneCase(bundledDirectory());

describe('talking to the specialist who took the case', () => {
  it('words typed at the menu go to the specialist, with a short confirmation and the menu kept', async () => {
    const { world, person, code } = await reporterWithCase();
    world.requests.byCode(code).status = 'ANSWERED';
    await person.write('  Дякую! Сьогодні її знову штовхнули на сходах.  ');
    expect(person.keys).toEqual(['myRequests.toSpecialist']);
    person.expectToSee(`Передано фахівцю, який веде ваше звернення ${code}`);
    // One message that still carries the menu (Viber hides a keyboard a message does not bring).
    expect(person.seen[0]?.buttons.flat().map((b) => b.value)).toContain('menu:concern');
    expect(world.requests.byCode(code).thread).toEqual(['Дякую! Сьогодні її знову штовхнули на сходах.']);

    await person.command('language');
    await person.press('Русский');
    await person.write('И ещё: учительница в курсе.');
    person.expectToSee(`Передано специалисту, который ведёт ваше обращение ${code}`);
  });

  it('a case still waiting in the queue is not "passed" to anyone: the person is shown the way', async () => {
    const { world, person, code } = await reporterWithCase();
    await person.write('Забула сказати: це 5-Б клас.');
    expect(person.keys).toEqual(['menu.typedText', 'menu.prompt']);
    expect(world.requests.byCode(code).thread).toEqual([]);
  });

  it('mid-flow, the words answer the question being asked, not the specialist', async () => {
    const { world, person, code } = await reporterWithCase();
    world.requests.byCode(code).status = 'CLAIMED';
    await person.press('Повідомити про дитину в біді');
    await person.press('Насильство');
    await person.press('Ні');
    await person.write('Бахмут');
    await person.write('Сусід кричить на сина й б’є його, чути через стіну.');
    expect(person.keys).not.toContain('myRequests.toSpecialist');
    expect(world.requests.byCode(code).thread).toEqual([]);
  });

  it('a message too long for one specialist message is returned to shorten, not cut', async () => {
    const { world, person, code } = await reporterWithCase();
    world.requests.byCode(code).status = 'CLAIMED';
    await person.write('а'.repeat(2001));
    expect(person.keys).toEqual(['errors.tooLong']);
    expect(world.requests.byCode(code).thread).toEqual([]);
  });

  it('if storage fails, the person is told to try again and nothing is claimed to be passed on', async () => {
    const { world, person, code } = await reporterWithCase();
    world.requests.byCode(code).status = 'CLAIMED';
    world.requests.tellSpecialist = async () => {
      throw new Error('database is unavailable');
    };
    await person.write('Ви мене чуєте?');
    expect(person.keys).toEqual(['errors.temporary', 'menu.prompt']);
  });
});

describe('words typed on the "My requests" screen', () => {
  it('reach the specialist who holds the case, instead of "not understood"', async () => {
    const { world, person, code } = await reporterWithCase();
    world.requests.byCode(code).status = 'CLAIMED';
    await person.press('Мої звернення');
    person.expectToSee(code);
    await person.write('Її мама повернулася, але знову п’яна.');
    expect(person.keys).toEqual(['myRequests.toSpecialist', 'menu.prompt']);
    person.expectToSee(`Передано фахівцю, який веде ваше звернення ${code}`);
    expect(world.requests.byCode(code).thread).toEqual(['Її мама повернулася, але знову п’яна.']);
  });

  it('are added to the only open request while nobody has taken it yet', async () => {
    const { world, person, code } = await reporterWithCase();
    await person.press('Мої звернення');
    await person.write('Забула: це 5-Б клас.');
    expect(person.keys).toEqual(['myRequests.added', 'menu.prompt']);
    expect(world.requests.byCode(code).thread).toEqual(['Забула: це 5-Б клас.']);
  });

  it('with several requests nobody has taken, show how to add to one, with the list kept', async () => {
    const { world, person } = await reporterWithCase();
    await fileBullyingReport(person);
    await person.press('Мої звернення');
    await person.write('Ще одна подробиця.');
    expect(person.keys).toEqual(['myRequests.typedAtList']);
    person.expectToSee('натисніть «➕ Додати до …»');
    expect(person.seen[0]?.buttons.flat().filter((b) => b.value.startsWith('add:'))).toHaveLength(2);
    expect(world.requests.requests.flatMap((r) => r.thread)).toEqual([]);
  });
});
