import { ParleyError } from '../document/errors.js';
import { SqliteStore } from './sqlite/index.js';
import type { Store } from './types.js';

export type * from './types.js';
export { SqliteStore } from './sqlite/index.js';
export { eventRows, eventDate, documentHash } from './rows.js';

export const defaults = Object.freeze({ sqlitePath: './parley.db' });

/**
 * Opens and migrates a store: a `postgres://` URL (or PARLEY_DATABASE_URL) selects PostgreSQL,
 * anything else is a SQLite file path (default ./parley.db).
 */
export async function openStore(target?: string): Promise<Store> {
  const spec = target ?? process.env.PARLEY_DATABASE_URL ?? defaults.sqlitePath;
  let store: Store;
  if (/^postgres(ql)?:\/\//i.test(spec)) {
    const mod = await import('./postgres/index.js').catch((err: Error) => {
      throw new ParleyError('P031', `The PostgreSQL store could not be loaded: ${err.message}`);
    });
    store = new mod.PostgresStore({ url: spec }) as unknown as Store;
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new ParleyError('P031', `Unsupported database URL "${spec}": use a SQLite file path or postgres://…`);
  } else {
    store = new SqliteStore({ path: spec });
  }
  await store.migrate();
  return store;
}
