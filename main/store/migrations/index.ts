// Append-only schema history. Never edit a migration that has shipped: add the next one.
// Each runs in its own transaction and bumps PRAGMA user_version to its number.
import { migration001 } from './001-national-organisation';
import { migration002 } from './002-pnl-rollup';
import { migration003 } from './003-network-scenarios';
import type { Migration } from './types';

export type { Migration } from './types';

export const migrations: readonly Migration[] = [migration001, migration002, migration003];

export const LATEST_SCHEMA_VERSION = migrations.length;
