// PLACEHOLDER until the BullMQ queue lands (issue 8).
import { ParleyError } from '../../document/errors.js';
import type { Io } from '../io.js';
export async function enqueueCommand(_paths: string[], _options: { queue: string; published?: string | null }, _io: Io): Promise<number> {
  throw new ParleyError('P060', 'Queued ingest is not available in this build yet');
}
