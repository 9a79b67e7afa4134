// Reference data every screen names things with: categories and the people
// the caller may see.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { db, run } from './client';
import type { Category, Person, PersonId } from './database';
import { categoriesKey, peopleKey } from './keys';

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
