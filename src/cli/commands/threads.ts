import { openStore } from '../../store/index.js';
import { choice, parseCommandArgs, positiveInt } from '../args.js';
import type { Io } from '../io.js';

export const threadsHelp = `parley threads [--db PATH] [--format json|text] [--rebuild [--batch N]]
  Lists the diplomatic initiatives (threads) of the store with their status history.
  --rebuild   first folds every stored article into the threads again, in order of publication
              (N articles a fold, default 1000; 1 folds them one at a time): after a backfill read
              in any other order, or by several workers, the threads one reader taking the
              articles as they were published would make. Thread ids may change.`;

export async function threadsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('threads', argv, {
    db: { type: 'string' }, format: { type: 'string' }, rebuild: { type: 'boolean' }, batch: { type: 'string' },
  });
  const format = choice('format', values.format, ['json', 'text'] as const, 'text');
  // Unless given, the store's own default (REBUILD_BATCH).
  const batch = values.batch === undefined ? undefined : Math.max(1, positiveInt('--batch', values.batch, 1));
  const store = await openStore(values.db);
  try {
    if (values.rebuild) {
      const rebuilt = await store.rebuildThreads({ batch });
      io.err(`rebuilt ${rebuilt.threads} thread(s) from ${rebuilt.articles} article(s), in order of publication\n`);
    }
    const threads = await store.threads();
    if (format === 'json') { io.out(JSON.stringify(threads, null, 2) + '\n'); return 0; }
    const c = io.colors;
    for (const t of threads) {
      io.out(`${c.bold(t.title)} ${c.dim(`[${t.kind}; ${t.participants.join(', ')}]`)} ${c.green(t.status)}${t.overdue ? c.red(' OVERDUE') : ''}\n`);
      for (const h of t.history) io.out(`   ${c.dim(h.date ?? '????-??-??')} ${h.status}${h.corroboration ? c.dim(` (${h.corroboration} outlet${h.corroboration > 1 ? 's' : ''})`) : ''} ${c.dim(h.articles.join(', '))}\n`);
    }
    io.err(`${threads.length} thread(s)\n`);
  } finally {
    await store.close();
  }
  return 0;
}
