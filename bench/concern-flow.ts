// One person's concern report as Telegram would deliver it: ten webhook calls, the last one a
// redelivery of the "Send" press (Telegram retries when it misses our answer), which must not
// create a second request. Values are the buttons' callback data, as the flows define them.

export interface ChatContext {
  chatId: number;
  /** update_id of the "Send" press, reused for its redelivery. */
  sendUpdateId?: number;
}

export type Update = Record<string, unknown>;
type Step = (chat: ChatContext, updateId: number) => Update;

// Names the directory matches exactly (no "did you mean"), spread over several centres.
const TOWNS = ['Краматорськ', 'Дружківка', 'Покровськ', 'Костянтинівка', 'Добропілля'];
const DESCRIPTION =
  'Сусідська дитина третій день сама вдома, вікна відчинені, плаче вночі. Батьків не видно з понеділка.';

const person = (chatId: number) => ({ id: chatId, is_bot: false, first_name: 'Bench', language_code: 'uk' });
const chat = (chatId: number) => ({ id: chatId, type: 'private' });

function message(text: string): Step {
  return ({ chatId }, updateId) => ({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: chat(chatId),
      from: person(chatId),
      text,
      ...(text.startsWith('/')
        ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] }
        : {}),
    },
  });
}

function press(data: string): Step {
  return ({ chatId }, updateId) => ({
    update_id: updateId,
    callback_query: {
      id: `${chatId}-${updateId}`,
      from: person(chatId),
      chat_instance: String(chatId),
      message: { message_id: 1, date: 0, chat: chat(chatId), text: '…' },
      data,
    },
  });
}

const town: Step = (context, updateId) =>
  message(TOWNS[context.chatId % TOWNS.length] ?? 'Краматорськ')(context, updateId);

export const DANGER_STEP = 4;
export const SEND_STEP = 8;
export const REDELIVERY_STEP = 9;

export const CONCERN_FLOW: Step[] = [
  message('/start'),
  press('lang:uk'),
  press('menu:concern'),
  press('cat:NEGLECT'),
  press('danger:no'),
  town,
  message(DESCRIPTION),
  press('contact:anon'),
  press('summary:send'), // SEND_STEP
  press('summary:send'), // REDELIVERY_STEP: same update_id as SEND_STEP, see webhook.ts
];

/** The same report, where the people `inDanger` picks say a child is in immediate danger. */
export function concernFlowWithDanger(inDanger: (chatId: number) => boolean): Step[] {
  return CONCERN_FLOW.map((step, index) =>
    index === DANGER_STEP
      ? (context, updateId) => press(inDanger(context.chatId) ? 'danger:yes' : 'danger:no')(context, updateId)
      : step,
  );
}
