// TanStack Query keys shared across features. A feature's own keys live in
// its `queries.ts`; everything about requests starts with `requestsKey`, so
// one `invalidateQueries({queryKey: requestsKey})` refreshes lists, counts,
// queues and open requests after any write.
export const meKey = ['me'] as const;
export const categoriesKey = ['categories'] as const;
export const statusesKey = ['statuses'] as const;
export const peopleKey = ['people'] as const;
export const requestsKey = ['requests'] as const;
/** The caller's sessions: removing a passkey ends the others, so passkeys/ refreshes them too. */
export const sessionsKey = ['sessions'] as const;
