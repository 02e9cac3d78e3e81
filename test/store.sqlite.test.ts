import { SqliteStore } from '../src/store/index.js';
import { storeContract } from './store.contract.js';

storeContract('sqlite', async () => {
  const store = new SqliteStore({ path: ':memory:' });
  await store.migrate();
  return store;
});
