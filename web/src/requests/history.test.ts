import { describe, expect, it } from 'vitest';
import type { Person } from '../api/types';
import { actionLabel, describeChanges, noteLabel, transitionLabel } from './history';

const people = new Map<string, Person>([['7', { id: 7, display_name: 'Ivan Agent' }]]);
const categories = [
  { code: 'IT', name: 'IT', key_prefix: 'IT' },
  { code: 'HR', name: 'Human resources', key_prefix: 'HR' },
];

describe('describeChanges', () => {
  it('names columns and values in words', () => {
    expect(
      describeChanges(
        {
          status: { old: 'open', new: 'in_progress' },
          assignee_id: { old: null, new: 7 },
          category: { old: 'IT', new: 'HR' },
          updated_at: { old: 'a', new: 'b' },
          internal: { old: null, new: true },
        },
        { people, categories },
      ),
    ).toEqual([
      { column: 'status', label: 'Status', from: 'Open', to: 'In progress' },
      { column: 'assignee_id', label: 'Assignee', from: '—', to: 'Ivan Agent' },
      { column: 'category', label: 'Category', from: 'IT', to: 'Human resources' },
      { column: 'internal', label: 'Internal note', from: '—', to: 'Yes' },
    ]);
  });

  it('copes with no changes and unknown columns', () => {
    expect(describeChanges(null, { people, categories })).toEqual([]);
    expect(
      describeChanges({ due_date: { old: 'x', new: 'y' } }, { people, categories })[0]?.label,
    ).toBe('Due date');
  });
});

describe('labels', () => {
  it('labels actions and moves', () => {
    expect(actionLabel('INSERT')).toBe('Created');
    expect(actionLabel('status_change')).toBe('Status change');
    expect(transitionLabel('open', 'in_progress')).toBe('Start work');
    expect(transitionLabel('resolved', 'open')).toBe('Reopen');
    expect(transitionLabel('resolved', 'cancelled')).toBe('Move to Cancelled');
    expect(noteLabel('in_progress', 'resolved')).toBe('Resolution');
    expect(noteLabel('resolved', 'open')).toBe('Why reopen?');
  });
});
