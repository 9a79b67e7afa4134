import { keys } from '../api/keys';
import { useResource } from '../api/resource';
import type { Category, Person, PersonId } from '../api/types';
import { loadCategories, loadPeople } from './api';

export type PeopleIndex = ReadonlyMap<string, Person>;
const NO_PEOPLE: PeopleIndex = new Map();

/** The people the caller may see, by id (for names next to ids). */
export function usePeople(): { index: PeopleIndex; list: Person[] } {
  const people = useResource(keys.people, loadPeople);
  if (people.status !== 'ok') return { index: NO_PEOPLE, list: [] };
  return {
    index: new Map(people.data.map((person) => [String(person.id), person])),
    list: people.data,
  };
}

export function personName(index: PeopleIndex, id: PersonId | null | undefined): string {
  if (id === null || id === undefined) return 'Nobody';
  return index.get(String(id))?.display_name ?? 'Someone you cannot see';
}

export function useCategories(): Category[] {
  const categories = useResource(keys.categories, loadCategories);
  return categories.status === 'ok' ? categories.data : [];
}

export function categoryName(categories: readonly Category[], code: string): string {
  return categories.find((category) => category.code === code)?.name ?? code;
}
