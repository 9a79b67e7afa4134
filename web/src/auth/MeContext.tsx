import { createContext, use } from 'react';
import type { Me } from '../api/types';

export const MeContext = createContext<Me | null>(null);

/** The signed-in person (from `GET /rest/me`); only inside the signed-in shell. */
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
