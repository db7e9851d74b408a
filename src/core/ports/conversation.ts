// What the conversation service needs from outside: where chats' states live, where requests go,
// and what a person may see of their own requests. Storage implements these; core only calls them.

import type { MyRequest } from '../conversation/types.js';
import type { NewRequest } from '../model.js';
import type { Result } from '../result.js';
import type { ChatRef } from './chat.js';

export interface StoredConversation {
  /** The state as JSON text (see state.ts: serializeState / restoreState). */
  state: string;
  version: number;
}

/**
 * Conversation states with optimistic concurrency: `save` writes only if the stored version is
 * still `expectedVersion` (null: only if there is none yet) and returns the new version, or null
 * when another update of the same chat got there first.
 */
export interface ConversationStore {
  load(handleId: string): Promise<StoredConversation | null>;
  save(handleId: string, state: string, expectedVersion: number | null): Promise<number | null>;
}

export interface SubmittedRequest {
  caseCode: string;
  /** The one-time secret to continue the case from another messenger; only its hash is stored. */
  continuationSecret: string;
}

/** Puts a new request into its centre's queue (core/queue `enqueue` draws the code and the secret). */
export interface RequestIntake {
  submit(request: NewRequest): Promise<SubmittedRequest>;
}

/** A person's own requests, looked up by their handle: nobody sees or touches another's case. */
export interface ReporterCases {
  listMine(reporterHandleId: string): Promise<MyRequest[]>;
  /** Appends the person's text to the thread of their open request with this code. */
  addInformation(
    reporterHandleId: string,
    caseCode: string,
    text: string,
  ): Promise<Result<void, 'NOT_FOUND' | 'CLOSED'>>;
  /**
   * Moves the case whose continuation secret this is to this handle, and spends the secret; with a
   * case code, only if the secret is that case's. `secret` is in canonical form (core/queue
   * parseContinuationSecret); the implementation hashes it.
   */
  continueCase(
    reporterHandleId: string,
    secret: string,
    caseCode?: string,
  ): Promise<Result<{ caseCode: string }, 'NOT_FOUND' | CoolDown>>;
  /**
   * Passes the person's words to the specialist who holds one of their open cases (the one claimed
   * or answered most recently) and keeps them in that case's thread. NO_CASE when no specialist
   * holds any of their cases: then nobody would read the words yet.
   */
  tellSpecialist(reporterHandleId: string, text: string): Promise<Result<{ caseCode: string }, 'NO_CASE'>>;
}

/** Too many wrong keys from this chat lately: the key was not looked up; try again in this many minutes. */
export interface CoolDown {
  coolDownMinutes: number;
}

/** Structured logging without message text: only ids, types and error objects. */
/** Safe mode (see flows/safety.ts), carried out by storage and the channels. */
export interface ChatSafety {
  /** Asks for the chat's messages of the last 48 hours to be deleted; false if the channel cannot. */
  erase(chat: ChatRef): Promise<boolean>;
  /** Lets go of the person's cases: the centre keeps them, no reply reaches this chat any more. */
  forget(chat: ChatRef): Promise<void>;
}
