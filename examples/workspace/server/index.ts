export { type AsideServer, createServer, type ServerOptions } from './app';
export {
  createPgliteDatabase,
  createPostgresDatabase,
  type Database,
  openDatabase,
  type PostgresOptions,
  type Queryable,
} from './database';
export { migrate } from './migrations';
export { demoSeed, type SeedData, seed } from './seed';
export { type RunningServer, type StartOptions, startServer } from './start';
