// Reference data every screen names things with: categories and the people
// the caller may see.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { db, run } from './client';
import type { Category, Person, PersonId, StatusRow } from './database';
import { categoriesKey, peopleKey, statusesKey } from './keys';

export const categoriesQuery = queryOptions({
  queryKey: categoriesKey,
  queryFn: () => run(db().from('categories').select('*').order('name')),
  staleTime: 5 * 60_000,
});

/** Everyone the caller may see (admins: everyone, with rights and state). */
export const peopleQuery = queryOptions({
  queryKey: peopleKey,
  queryFn: () => run(db().from('people').select('*').order('display_name')),
});

export type PeopleIndex = ReadonlyMap<PersonId, Person>;

/** The people the caller may see, by id (for names next to ids). */
export function usePeople(): { index: PeopleIndex; list: Person[] } {
  const { data = [] } = useQuery(peopleQuery);
  return { index: new Map(data.map((person) => [person.id, person])), list: data };
}

export function personName(index: PeopleIndex, id: PersonId | null | undefined): string {
  if (id === null || id === undefined) return 'Nobody';
  return index.get(id)?.display_name ?? 'Someone you cannot see';
}

export function useCategories(): Category[] {
  const { data = [] } = useQuery(categoriesQuery);
  return data;
}

export function categoryName(categories: readonly Category[], code: string): string {
  return categories.find((category) => category.code === code)?.name ?? code;
}

/** The statuses a request may have, in their order, with their labels (`api.statuses`). */
export const statusesQuery = queryOptions({
  queryKey: statusesKey,
  queryFn: () => run(db().from('statuses').select('*').order('position')),
  staleTime: 60 * 60_000,
});

export function useStatuses(): StatusRow[] {
  const { data = [] } = useQuery(statusesQuery);
  return data;
}

/** A status's label; its code made readable while the labels load. */
export function statusLabel(statuses: readonly StatusRow[], code: string): string {
  return statuses.find((status) => status.code === code)?.label ?? humanize(code);
}

/** `in_progress` → "In progress". */
export function humanize(text: string): string {
  const spaced = text.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
