// Re-seals provider credentials stored by releases before v2 (not bound to their row) as v2, at server start.
// One short transaction; idempotent (only v1 rows are touched, each only if it still holds what was read); safe
// when several servers start at once: the rows are locked FOR UPDATE, and a server that waited on another's lock
// finds them v2 when PostgreSQL re-checks its condition, and skips them.
import type { EntityManager } from '@mikro-orm/postgresql';
import { SecretBox } from '../secrets/secret-box.ts';

export interface ResealOutcome {
  /** Rows now sealed as v2 by this call. */
  resealed: string[];
  /** v1 rows this key cannot open (sealed under another SECRET_KEY, or damaged): left as they are. */
  unreadable: string[];
}

export async function resealProviderSecrets(deps: { em: EntityManager; secrets: SecretBox }): Promise<ResealOutcome> {
  return deps.em.fork().transactional(async (tx) => {
    const connection = tx.getConnection();
    const context = tx.getTransactionContext();
    const rows = await connection.execute<{ id: string; sealed: string }[]>(
      `select id, auth_token_encrypted as sealed from whatsapp_providers where auth_token_encrypted like 'v1:%' for update`,
      [],
      'all',
      context,
    );
    const outcome: ResealOutcome = { resealed: [], unreadable: [] };
    for (const row of rows) {
      if (!SecretBox.needsResealing(row.sealed)) continue;
      let plain: string;
      try {
        plain = deps.secrets.open(row.sealed, row.id);
      } catch {
        outcome.unreadable.push(row.id);
        continue;
      }
      // updated_at stays: the credentials did not change, only their wrapping.
      await connection.execute(
        'update whatsapp_providers set auth_token_encrypted = ? where id = ? and auth_token_encrypted = ?',
        [deps.secrets.seal(plain, row.id), row.id, row.sealed],
        'run',
        context,
      );
      outcome.resealed.push(row.id);
    }
    return outcome;
  });
}
