export {
  type ConversationSummary,
  createHttpAdapters,
  type HttpAdapters,
} from './create-http-adapters';
export type { EventStream } from './event-stream';
export type { HeadersSource, HttpAdapterOptions } from './options';
export { codeForStatus } from './request';
export { type Session, signIn, signOut } from './session';
export { createSseParser, type ServerSentEvent } from './sse-parser';
