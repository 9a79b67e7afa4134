import { queryOptions } from '@tanstack/react-query';
import { db, run } from '../api/client';
import type { Passkey } from '../api/database';

export const passkeysQuery = queryOptions({
  queryKey: ['passkeys'],
  queryFn: () =>
    run(
      db()
        .from('my_passkeys')
        .select('id,name,created_at,last_used_at,backed_up')
        .order('created_at', { ascending: true }),
    ),
});

export async function renamePasskey(id: Passkey['id'], name: string): Promise<void> {
  const rows = await run(db().from('my_passkeys').update({ name }).eq('id', id).select('id'));
  if (rows.length === 0) throw new Error('That passkey is gone. Reload the page.');
}

export async function removePasskey(id: Passkey['id']): Promise<void> {
  await run(db().from('my_passkeys').delete().eq('id', id));
}
