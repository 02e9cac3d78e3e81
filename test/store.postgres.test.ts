import { after } from 'node:test';
import { PostgresStore } from '../src/store/postgres/index.js';
import { openStore } from '../src/store/index.js';
import { storeContract } from './store.contract.js';
import { createTestDatabase, serviceSkip } from './services.js';

// Each run gets its own database, dropped at the end, so runs never see each other's rows.
const skip = await serviceSkip('postgres');
const databases: { drop(): Promise<void> }[] = [];
after(async () => { for (const d of databases) await d.drop(); });

storeContract('postgres', async () => {
  const database = await createTestDatabase();
  databases.push(database);
  const store = new PostgresStore({ url: database.url });
  await store.migrate();
  return store;
}, { skip });

storeContract('postgres via openStore(postgres://…)', async () => {
  const database = await createTestDatabase();
  databases.push(database);
  return openStore(database.url);
}, { skip });
