export {
  type AsideServer,
  createServer,
  type LiveEventOptions,
  type ServerOptions,
} from './app';
export type { Authenticate, SessionOptions } from './auth';
export {
  createPgliteDatabase,
  createPostgresDatabase,
  type Database,
  LISTEN_APPLICATION_NAME,
  openDatabase,
  type PostgresOptions,
  type Queryable,
} from './database';
export { MAX_BODY_BYTES, MAX_JSON_DEPTH } from './edge';
export { migrate } from './migrations';
export { demoSeed, type SeedData, seed } from './seed';
export { type RunningServer, type StartOptions, startServer } from './start';
