import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_DOMAINS, CHANNELS } from '../../shared/api/index';
import { openDatabase, type Db } from '../store/db';
import { makeTempDir } from '../testing/tempDir';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';

const temp = makeTempDir();
const databaseFile = path.join(temp.dir, 'empty.db');
let db: Db;
let dispatch: Dispatch;
const internalErrors: unknown[] = [];

beforeAll(() => {
  db = openDatabase(databaseFile);
  dispatch = createDispatch(createHandlers({ db, databaseFile }), (error) => internalErrors.push(error));
});
beforeEach(() => {
  internalErrors.length = 0;
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

describe('the channel table', () => {
  it('declares each channel in exactly one domain, and merges all of them', () => {
    const declared = Object.values(API_DOMAINS).flatMap((domain) => Object.keys(domain));
    expect(declared.filter((channel, i) => declared.indexOf(channel) !== i)).toEqual([]);
    expect([...declared].sort()).toEqual([...CHANNELS].sort());
  });

  it('has one handler for each channel and none for anything else', () => {
    expect(Object.keys(createHandlers({ db, databaseFile })).sort()).toEqual([...CHANNELS].sort());
  });
});

describe('domain errors', () => {
  it('reach the caller as invalid_argument naming the field they concern', async () => {
    // The store's ScenarioError: the base scenario is the store itself and cannot be deleted.
    const response = await dispatch('network.deleteScenario', { name: 'base' });
    expect(response).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringContaining("'base'"), fields: [{ field: 'name', message: expect.stringContaining("'base'") }] },
    });
    expect(internalErrors).toEqual([]);
  });

  it('reach the caller as not_found when what the argument names does not exist', async () => {
    // The store's UnknownCustomerError, raised inside the ticket's transaction.
    const call = { customerId: 424_242, productLine: 'x', fault: 'y', slaTier: 'urgent', estimatedMinutes: 30, requiredSkills: [] };
    expect(await dispatch('tickets.create', call)).toEqual({ ok: false, error: { code: 'not_found', message: 'No customer 424242' } });
    expect(internalErrors).toEqual([]);
  });
});
