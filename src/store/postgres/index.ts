// PLACEHOLDER until the PostgreSQL store lands (issue 8).
import { ParleyError } from '../../document/errors.js';
export class PostgresStore {
  constructor(_options: { url: string }) {
    throw new ParleyError('P031', 'The PostgreSQL store is not available in this build yet');
  }
}
