/**
 * The case workflow's public contract: every type that crosses the workflow boundary. Imported by workflow code,
 * the activities and the API, never the other way round, so it stays free of Node, Nest and TypeORM.
 */
export * from './activities';
export * from './case';
export * from './events';
export * from './updates';
export * from './writes';
export * from './documents';
