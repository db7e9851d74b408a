// The core's ports, in one place: what src/core needs from the outside world. src/storage implements
// the repositories, the channels implement Messenger and feed the Inbox, src/compose.ts wires them.
// Core code depends only on these interfaces.
export * from './casework.js';
export * from './chat.js';
export * from './conversation.js';
export * from './delivery.js';
export * from './inbound.js';
export * from './limits.js';
export * from './logger.js';
export * from './specialists.js';
export * from './staff.js';
export * from './store.js';
