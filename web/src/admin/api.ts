import { db, run } from '../api/client';
import type { Person, PersonId, StatusTransition, TeamMember } from '../api/types';

export function loadAllPeople(): Promise<Person[]> {
  return run(db().from('people').select('*').order('display_name'));
}

export function disablePerson(personId: PersonId): Promise<unknown> {
  return run(db().rpc('disable_person', { person_id: personId }));
}

export function setAdmin(personId: PersonId, isAdmin: boolean): Promise<unknown> {
  return run(db().rpc('set_admin', { person_id: personId, is_admin: isAdmin }));
}

export function loadTeamMembers(): Promise<TeamMember[]> {
  return run(db().from('team_members').select('user_id,category').order('category'));
}

export function addTeamMember(userId: PersonId, category: string): Promise<unknown> {
  return run(db().from('team_members').insert({ user_id: userId, category }));
}

export function removeTeamMember(userId: PersonId, category: string): Promise<unknown> {
  return run(db().from('team_members').delete().eq('user_id', userId).eq('category', category));
}

export function loadStatusTransitions(): Promise<StatusTransition[]> {
  return run(
    db()
      .from('status_transitions')
      .select('from_status,to_status,allow_requester,allow_agent,allow_admin,note_required')
      .order('from_status')
      .order('to_status'),
  );
}
