// What each authenticated Viber callback means for Poruch. Returns the HTTP body to answer with
// (only conversation_started has one: the welcome); throws when the update was not durably handled,
// so that the webhook answers 500 and Viber delivers it again.
import type { Reply } from '../../core/conversation/types.js';
import type { Inbox, IncomingUpdate, Logger } from '../../core/ports/index.js';
import type { ViberCallback } from './callbacks.js';
import { languageHint, toInboundEvent } from './mapper.js';
import type { RenderText } from './renderer.js';
import { type WelcomeBody, welcomeBody } from './welcome.js';

export interface EventDeps {
  inbox: Inbox;
  render: RenderText;
  sender: WelcomeBody['sender'];
  welcome: Reply;
  logger: Logger;
}

export async function handleCallback(
  callback: ViberCallback,
  messageToken: string | null,
  deps: EventDeps,
): Promise<WelcomeBody | undefined> {
  const { logger } = deps;
  switch (callback.event) {
    case 'webhook':
      logger.info({ event: 'webhook' }, 'viber: webhook verified');
      return undefined;
    case 'conversation_started':
      // Someone already subscribed is mid-conversation: their chat shows the last keyboard already.
      if (callback.subscribed) return undefined;
      return welcomeBody(deps.welcome, callback.user.language, deps.sender, deps.render);
    case 'subscribed':
      await receive(deps, {
        platformId: callback.user.id,
        updateId: messageToken,
        event: { type: 'start' },
        languageHint: languageHint(callback.user.language),
      });
      return undefined;
    case 'unsubscribed':
      // Through the Inbox like everything else: recorded once, and the chat marked unreachable.
      await receive(deps, {
        platformId: callback.user_id,
        updateId: messageToken,
        event: { type: 'unsubscribed' },
      });
      logger.info({ event: 'unsubscribed' }, 'viber: person unsubscribed');
      return undefined;
    case 'message':
      await receive(deps, {
        platformId: callback.sender.id,
        updateId: messageToken,
        event: toInboundEvent(callback.message),
        languageHint: languageHint(callback.sender.language),
      });
      return undefined;
    case 'delivered':
    case 'seen':
      logger.debug({ event: callback.event, messageToken }, 'viber: receipt');
      return undefined;
    case 'failed':
      // `desc` is Viber's reason ("Receiver is not subscribed", …), not anything the person wrote.
      logger.warn(
        { event: 'failed', messageToken, reason: callback.desc?.slice(0, 200) },
        'viber: delivery failed',
      );
      return undefined;
  }
}

async function receive(deps: EventDeps, update: Omit<IncomingUpdate, 'channel'>): Promise<void> {
  const outcome = await deps.inbox.receive({ channel: 'VIBER', ...update });
  deps.logger.debug(
    { event: update.event.type, updateId: update.updateId, outcome },
    'viber: update received',
  );
}
