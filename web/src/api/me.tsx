// The signed-in person (`GET /rest/me`): loaded once by the app shell and
// handed down through MeContext.
import { queryOptions } from '@tanstack/react-query';
import { createContext, use } from 'react';
import { db, run } from './client';
import type { Me } from './database';
import { meKey } from './keys';

export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: async (): Promise<Me> => {
    const me = await run(db().from('me').select('*').maybeSingle());
    if (!me) throw new Error('Your account was not found. Sign out and sign in again.');
    return me;
  },
});

export const MeContext = createContext<Me | null>(null);

/** The signed-in person; only inside the signed-in shell. */
export function useMe(): Me {
  const me = use(MeContext);
  if (!me) throw new Error('useMe outside the signed-in shell');
  return me;
}

export function isAgentOf(me: Me, category: string): boolean {
  return (me.agent_categories ?? []).includes(category);
}

export function isAgent(me: Me): boolean {
  return (me.agent_categories ?? []).length > 0;
}
