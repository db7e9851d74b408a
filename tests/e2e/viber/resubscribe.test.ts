// Someone who left the Viber bot and came back: while unsubscribed nothing is sent to them (Viber
// would refuse it), and once they re-subscribe or simply write again, the bot is heard again.
// Signed callbacks into the real app, replies through the outbox to the fake Viber API.
import { expect, it } from 'vitest';
import { type Backend, describeBackends } from '../../helpers/db.js';
import { useViberWorld, type World } from './world.js';

describeBackends('Viber: leaving and coming back', (backend: Backend) => {
  const world = useViberWorld(backend);

  const text = (key: string) => world.poruch.i18n.render({ key }, 'uk');
  const sendCallsTo = (id: string) =>
    world.api.calls.filter((c) => c.endpoint === 'send_message' && c.body.receiver === id).length;

  /** Viber stops taking messages for someone who unsubscribed, until they subscribe or write again. */
  async function leave(person: ReturnType<World['person']>) {
    world.api.notSubscribed.add(person.id);
    expect(await person.unsubscribe()).toEqual([]);
  }

  it('Taras unsubscribes and is left alone; re-subscribing makes him reachable again', async () => {
    const taras = world.person('taras-returns-viber-id', 'uk');
    await taras.open();
    await taras.press('lang:uk');
    const { handleId } = await world.poruch.store.handles.resolve('VIBER', taras.id);

    await leave(taras);
    // Something for him while he is away (as a specialist's answer would be) is not even tried.
    const calls = sendCallsTo(taras.id);
    await world.poruch.store.outbox.enqueue({
      handleId,
      locale: 'uk',
      messages: [{ text: { key: 'help.text' } }],
    });
    await world.deliver();
    expect(sendCallsTo(taras.id)).toBe(calls);

    // He subscribes again: the bot greets him, and the message reaches him.
    world.api.notSubscribed.delete(taras.id);
    expect(await taras.subscribe()).toEqual([text('common.welcome'), text('menu.prompt')]);

    // ...and so does everything later, e.g. an outbox entry written for him now.
    await world.poruch.store.outbox.enqueue({
      handleId,
      locale: 'uk',
      messages: [{ text: { key: 'help.text' } }],
    });
    await world.deliver();
    expect(world.api.sentTo(taras.id).at(-1)?.text).toBe(text('help.text'));
  });

  it('Halyna unsubscribes and later simply writes: writing is enough to be answered again', async () => {
    const halyna = world.person('halyna-returns-viber-id', 'uk');
    await halyna.open();
    await halyna.press('lang:uk');
    await halyna.press('menu:concern');
    await halyna.press('cat:BULLYING');

    await leave(halyna);
    // Viber subscribes whoever writes to the bot.
    world.api.notSubscribed.delete(halyna.id);
    const answer = await halyna.press('danger:no');
    expect(answer[0]).toBe(text('concern.askPlace'));
    expect(halyna.buttonValues()[0]).toBe('[location-picker]');
  });
});
