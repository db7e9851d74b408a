// The vocabulary shared by the conversation engine and every channel. Channels turn platform updates
// into InboundEvents and render Replies; flows never see a platform or a translated string.
import type {
  ConcernCategory,
  ConsultationTopic,
  Directory,
  GeoPoint,
  Locale,
  RequestKind,
  RequestStatus,
  Urgency,
} from '../model.js';

/**
 * A translatable text: a locale key plus parameters. Nested texts are translated first; a list of
 * texts becomes one line each (e.g. the person's requests).
 */
export interface Text {
  key: string;
  params?: Record<string, TextParam>;
}
export type TextParam = string | number | Text | Text[];

/** `value` is opaque to channels and comes back verbatim in a `choice` event (kept under 64 bytes). */
export interface Button {
  label: Text;
  value: string;
}

/**
 * One message to the person. `requestLocation` asks the channel to show a "share location" control
 * (Telegram: reply-keyboard button, Viber: location picker); `removeKeyboard` hides a previous one.
 * The flows never combine `requestLocation` with `buttons` in one reply, so that Telegram can use a
 * reply keyboard for the first and an inline keyboard for the second.
 */
export interface Reply {
  text: Text;
  buttons?: Button[][];
  requestLocation?: boolean;
  removeKeyboard?: boolean;
  /**
   * The message shows a secret (the one-time case key). The outbox keeps such a message only
   * encrypted until it is sent, so no database copy or backup ever holds the key in clear.
   */
  secret?: boolean;
  /** Carries the numbers to call now: sent before anything else that waits (delivery/priority.ts). */
  emergency?: boolean;
}

export const UNSUPPORTED_KINDS = ['sticker', 'photo', 'document', 'voice', 'video', 'other'] as const;
export type UnsupportedKind = (typeof UNSUPPORTED_KINDS)[number];

/** What a person did, whatever the messenger. Command names come without the slash, lower-case. */
export type InboundEvent =
  | { type: 'start' }
  | { type: 'command'; name: string; args: string }
  /**
   * `media`: the words came as the caption of a photo, video or file. The words are used; the media
   * itself is never downloaded or kept, and the person is told so.
   * `sentAt`: when the messenger says the person sent it (Telegram's message date), if it does.
   */
  | { type: 'text'; text: string; media?: UnsupportedKind; sentAt?: Date }
  | { type: 'choice'; value: string }
  | { type: 'location'; lat: number; lon: number }
  | { type: 'unsupported'; what: UnsupportedKind };

/** A finished request as the flows hand it to the service (which adds channel and reporter). */
export interface RequestDraft {
  kind: RequestKind;
  category: ConcernCategory | ConsultationTopic;
  urgency: Urgency;
  centreId: string;
  language: Locale;
  unitId: string | null;
  /** Rounded to about 1 km: enough to route, not enough to find a home. */
  approxLocation: GeoPoint | null;
  description: string;
  contactPhone: string | null;
  contactPreference: string | null;
}

/** What needs the outside world. The service runs it and feeds back an EffectOutcome. */
export type Effect =
  | { type: 'submitRequest'; draft: RequestDraft }
  | { type: 'listMyRequests' }
  | { type: 'addInformation'; caseCode: string; text: string }
  /** `caseCode`, when the person gave it, must be the case the key belongs to. */
  | { type: 'continueCase'; secret: string; caseCode?: string }
  /** Words typed at the menu, for the specialist who holds one of the person's cases (if any). */
  | { type: 'tellSpecialist'; text: string }
  /** /erase: delete the chat's recent messages where the channel can. */
  | { type: 'eraseChat' }
  /** The person confirmed "forget me": their cases are let go from this chat. */
  | { type: 'forgetMe' };

/** One of the person's own requests, as they may see it. */
export interface MyRequest {
  caseCode: string;
  kind: RequestKind;
  category: string;
  status: RequestStatus;
  createdAt: Date;
}

export type EffectOutcome =
  | {
      type: 'submitted';
      caseCode: string;
      /** Shown once, never stored in the conversation state. */
      continuationSecret: string;
      kind: RequestKind;
      urgency: Urgency;
      centreId: string;
    }
  | { type: 'submitFailed' }
  | { type: 'myRequestsListed'; requests: MyRequest[] }
  | { type: 'myRequestsFailed' }
  | { type: 'informationAdded'; caseCode: string }
  | { type: 'informationRejected'; caseCode: string; reason: 'NOT_FOUND' | 'CLOSED' | 'FAILED' }
  | { type: 'caseContinued'; caseCode: string }
  | { type: 'continueRejected'; reason: 'NOT_FOUND' | 'FAILED' }
  /** Too many wrong keys lately: refused without looking the key up. */
  | { type: 'continueRejected'; reason: 'COOL_DOWN'; minutes: number }
  | { type: 'specialistTold'; caseCode: string }
  | { type: 'specialistNotTold'; reason: 'NO_CASE' | 'FAILED' }
  /** `deleting`: the channel deletes the messages; false where it cannot (Viber). */
  | { type: 'chatErased'; deleting: boolean }
  | { type: 'eraseFailed' }
  | { type: 'forgotten' }
  | { type: 'forgetFailed' };

export type FlowEvent = InboundEvent | EffectOutcome;

/** Read-only facts a transition may use. */
export interface FlowContext {
  directory: Directory;
  locale: Locale;
  now: Date;
}

const INBOUND_TYPES: ReadonlySet<string> = new Set([
  'start',
  'command',
  'text',
  'choice',
  'location',
  'unsupported',
]);

/** Did the person do this (as opposed to an effect's outcome fed back by the service)? */
export function isInbound(event: FlowEvent): event is InboundEvent {
  return INBOUND_TYPES.has(event.type);
}
