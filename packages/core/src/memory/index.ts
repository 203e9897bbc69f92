export type { MemoryBackend, MemoryBackendOptions, MemoryOperation } from './backend';
export { createMemoryBackend } from './backend';
export {
  demoAgents,
  demoConversations,
  demoDirectory,
  demoEndUsers,
  generateAgents,
  seededRandom,
} from './seed';
