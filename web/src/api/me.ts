import { db, run } from './client';
import type { Me } from './types';

export async function loadMe(): Promise<Me> {
  const me = await run<Me | null>(db().from('me').select('*').maybeSingle());
  if (!me) throw new Error('Your account was not found. Sign out and sign in again.');
  return me;
}
