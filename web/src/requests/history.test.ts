import { describe, expect, it } from 'vitest';
import type { Person } from '../api/database';
import { actionLabel, describeChanges, noteLabel, transitionLabel } from './history';

const IVAN = '0b7e4c1a-5f2d-4e8a-9c3b-000000000007';
const people = new Map<string, Person>([
  [
    IVAN,
    {
      id: IVAN,
      display_name: 'Ivan Agent',
      email: null,
      agent_categories: ['IT'],
      is_admin: false,
      disabled_at: null,
      rights_from_entra: null,
    },
  ],
]);
const categories = [
  { code: 'IT', name: 'IT', key_prefix: 'IT' },
  { code: 'HR', name: 'Human resources', key_prefix: 'HR' },
];
const statuses = [
  { code: 'open', label: 'Open', position: 1, is_closed: false },
  { code: 'in_progress', label: 'In progress', position: 2, is_closed: false },
];
const context = { people, categories, statuses };

describe('describeChanges', () => {
  it('names columns and values of an edit in words', () => {
    expect(
      describeChanges(
        {
          status: { old: 'open', new: 'in_progress' },
          assignee_id: { old: IVAN, new: null },
          category: { old: 'IT', new: 'HR' },
          updated_at: { old: 'a', new: 'b' },
        },
        context,
      ),
    ).toEqual([
      { column: 'status', label: 'Status', from: 'Open', to: 'In progress' },
      { column: 'assignee_id', label: 'Assignee', from: 'Ivan Agent', to: '—' },
      { column: 'category', label: 'Category', from: 'IT', to: 'Human resources' },
    ]);
  });

  it('states what a creation set and skips what it left empty', () => {
    expect(
      describeChanges(
        {
          key: { old: null, new: 'IT-12' },
          title: { old: null, new: 'Printer jams' },
          status: { old: null, new: 'open' },
          assignee_id: { old: null, new: null },
          requester_id: { old: null, new: IVAN },
        },
        context,
      ),
    ).toEqual([
      { column: 'title', label: 'Title', from: null, to: 'Printer jams' },
      { column: 'status', label: 'Status', from: null, to: 'Open' },
      { column: 'requester_id', label: 'Requester', from: null, to: 'Ivan Agent' },
    ]);
  });

  it('shows a comment entry as its text', () => {
    expect(
      describeChanges({ body: 'Roller replaced.', internal: true, comment_id: 50 }, context),
    ).toEqual([{ column: 'body', label: 'Comment', from: null, to: 'Roller replaced.' }]);
  });

  it('copes with no changes and unknown columns', () => {
    expect(describeChanges(null, context)).toEqual([]);
    expect(describeChanges({ due_date: { old: 'x', new: 'y' } }, context)[0]?.label).toBe(
      'Due date',
    );
  });
});

describe('labels', () => {
  it('labels actions and moves', () => {
    expect(actionLabel('created')).toBe('Created the request');
    expect(actionLabel('internal_note')).toBe('Added an internal note');
    expect(actionLabel('status_change')).toBe('Status change');
    expect(transitionLabel('open', 'in_progress')).toBe('Start work');
    expect(transitionLabel('resolved', 'open')).toBe('Reopen');
    expect(transitionLabel('resolved', 'cancelled')).toBe('Move to Cancelled');
    expect(noteLabel('in_progress', 'resolved')).toBe('Resolution');
    expect(noteLabel('resolved', 'open')).toBe('Why reopen?');
  });
});
