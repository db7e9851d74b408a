// Telegram updates as the Bot API sends them (https://core.telegram.org/bots/api#update), numbered
// like telegraf's own test fixtures. Only what a test needs is set; the rest is realistic noise.
export const PERSON = { id: 424242, is_bot: false, first_name: 'Оксана', language_code: 'uk' };
export const PRIVATE_CHAT = { id: 424242, first_name: 'Оксана', type: 'private' };

let next = 1000;
export const nextUpdateId = () => ++next;

export function messageUpdate(fields: Record<string, unknown>, updateId = nextUpdateId()) {
  return {
    update_id: updateId,
    message: { message_id: 7, date: 1_732_000_000, from: PERSON, chat: PRIVATE_CHAT, ...fields },
  };
}

export function textUpdate(text: string, extra: Record<string, unknown> = {}) {
  return messageUpdate({ text, ...extra });
}

export function commandUpdate(text: string) {
  const length = text.includes(' ') ? text.indexOf(' ') : text.length;
  return messageUpdate({ text, entities: [{ type: 'bot_command', offset: 0, length }] });
}

export function callbackUpdate(data: string | undefined, extra: Record<string, unknown> = {}) {
  return {
    update_id: nextUpdateId(),
    callback_query: {
      id: '4382bfdwdsb323b2d9',
      from: PERSON,
      chat_instance: '-5512',
      message: { message_id: 8, date: 1_732_000_001, chat: PRIVATE_CHAT, text: 'Що сталося?' },
      data,
      ...extra,
    },
  };
}
