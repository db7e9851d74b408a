// The conversation engine's public face: what channels and the composition root use.

export type {
  ChatRef,
  ConversationStore,
  Logger,
  ReporterCases,
  RequestIntake,
  StoredConversation,
  SubmittedRequest,
} from '../ports/index.js';
export { type EngineContext, type Transition, transition } from './engine.js';
export {
  type ConversationDeps,
  type ConversationService,
  createConversationService,
  type HandleResult,
} from './service.js';
export {
  type ConversationState,
  initialState,
  restoreState,
  STATE_VERSION,
  serializeState,
} from './state.js';
export * from './types.js';
