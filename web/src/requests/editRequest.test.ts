import { describe, expect, it } from 'vitest';
import type { RequestRow } from '../api/database';
import { changedFields, choicesWithCurrent } from './editRequest';

const request: RequestRow = {
  id: 1,
  key: 'IT-1',
  title: 'Printer',
  description: null,
  category: 'IT',
  priority: 'normal',
  priority_rank: 2,
  status: 'open',
  requester_id: '5d0c2a7e-1b3f-4c5d-8e9f-00000000000a',
  assignee_id: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  resolved_at: null,
  version: 1,
};

const IVAN = '0b7e4c1a-5f2d-4e8a-9c3b-000000000007';

const form = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe('changedFields', () => {
  it('sends nothing when nothing changed', () => {
    expect(
      changedFields(
        request,
        form({
          title: ' Printer ',
          description: '',
          priority: 'normal',
          category: 'IT',
          assignee_id: '',
        }),
      ),
    ).toEqual({});
  });

  it('sends only what changed', () => {
    expect(
      changedFields(
        request,
        form({ title: 'Printer on fire', priority: 'urgent', assignee_id: IVAN }),
      ),
    ).toEqual({ title: 'Printer on fire', priority: 'urgent', assignee_id: IVAN });
  });

  it('can unassign', () => {
    expect(changedFields({ ...request, assignee_id: IVAN }, form({ assignee_id: '' }))).toEqual({
      assignee_id: null,
    });
  });
});

describe('choicesWithCurrent', () => {
  const loaded = [
    { value: 'ADMIN', label: 'Admin' },
    { value: 'IT', label: 'IT' },
  ];

  it('keeps the list as it is when the current value is in it', () => {
    expect(choicesWithCurrent(loaded, 'IT', 'IT')).toEqual(loaded);
  });

  it('puts the current value first while the list has not loaded', () => {
    expect(choicesWithCurrent([], 'IT', 'IT')).toEqual([{ value: 'IT', label: 'IT' }]);
  });

  it('so a form read before the list loads changes nothing', () => {
    const [first] = choicesWithCurrent([], 'IT', 'IT');
    expect(changedFields(request, form({ category: first?.value ?? '' }))).toEqual({});
  });

  it('keeps an assignee who no longer serves the category', () => {
    const agents = [{ value: '', label: 'Unassigned' }];
    expect(choicesWithCurrent(agents, 'p-1', 'Current assignee')[0]).toEqual({
      value: 'p-1',
      label: 'Current assignee',
    });
  });
});
