// Posts that reach the webhook with the right secret but are not updates Poruch may act on.
const PRIVATE = { id: 731_904_480, type: 'private' };
export const HUGE = JSON.stringify({
  update_id: 880_300,
  message: { chat: PRIVATE, text: 'я'.repeat(300_000) },
});
/** Each is either not an update, or one Poruch must not act on: none may create a row. */
export const HOSTILE: unknown[] = [
  '{"update_id": 880200, "message": ',
  '',
  'null',
  '[{"update_id": 880201}]',
  { message: { chat: PRIVATE, text: '/start' } },
  { update_id: '880202', message: { chat: PRIVATE, text: '/start' } },
  { update_id: -1, message: { chat: PRIVATE, text: '/start' } },
  { update_id: 880_203, inline_query: { id: '1', query: 'x', from: { id: 1 } } },
  { update_id: 880_204 },
  { update_id: 880_205, message: 'hello' },
  { update_id: 880_206, message: { text: 'no chat' } },
  { update_id: 880_207, message: { chat: { id: '731904480', type: 'private' }, text: '/start' } },
  { update_id: 880_208, message: { chat: PRIVATE, text: { $gt: '' } } },
  { update_id: 880_209, message: { chat: PRIVATE, location: { latitude: 400, longitude: 37 } } },
  { update_id: 880_210, message: { chat: { id: -100_777, type: 'supergroup' }, text: '/start' } },
  { update_id: 880_211, edited_message: { chat: PRIVATE, text: 'змінено' } },
  { update_id: 880_212, callback_query: { id: 'q1', from: { id: 1 }, data: 'menu:concern' } },
  {
    update_id: 880_213,
    callback_query: { id: 'q2', from: { id: 1 }, message: { chat: PRIVATE }, data: 'x'.repeat(65) },
  },
  JSON.parse(
    '{"update_id": 880214, "__proto__": {"message": {"chat": {"id": 731904480, "type": "private"}, "text": "/start"}}}',
  ),
  HUGE,
];
