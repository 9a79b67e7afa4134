import { queryOptions } from '@tanstack/react-query';
import { db, run } from '../api/client';
import type { PersonId } from '../api/database';

export async function disablePerson(personId: PersonId): Promise<void> {
  await run(db().rpc('disable_person', { person_id: personId }));
}

export async function setAdmin(personId: PersonId, isAdmin: boolean): Promise<void> {
  await run(db().rpc('set_admin', { person_id: personId, is_admin: isAdmin }));
}

export const teamMembersQuery = queryOptions({
  queryKey: ['admin', 'team_members'],
  queryFn: () => run(db().from('team_members').select('*').order('category')),
});

export async function addTeamMember(userId: PersonId, category: string): Promise<void> {
  await run(db().from('team_members').insert({ user_id: userId, category }));
}

export async function removeTeamMember(userId: PersonId, category: string): Promise<void> {
  await run(db().from('team_members').delete().eq('user_id', userId).eq('category', category));
}

export const statusTransitionsQuery = queryOptions({
  queryKey: ['admin', 'status_transitions'],
  queryFn: () =>
    run(db().from('status_transitions').select('*').order('from_status').order('to_status')),
});
