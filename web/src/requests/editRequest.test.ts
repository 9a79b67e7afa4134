import { describe, expect, it } from 'vitest';
import type { RequestRow } from '../api/types';
import { changedFields } from './editRequest';

const request: RequestRow = {
  id: 1,
  key: 'IT-1',
  title: 'Printer',
  description: null,
  category: 'IT',
  priority: 'normal',
  status: 'open',
  requester_id: 'a',
  assignee_id: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  resolved_at: null,
  version: 1,
};

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
        [],
      ),
    ).toEqual({});
  });

  it('sends only what changed, with the assignee id as the API has it', () => {
    expect(
      changedFields(
        request,
        form({ title: 'Printer on fire', priority: 'urgent', assignee_id: '7' }),
        [{ id: 7 }],
      ),
    ).toEqual({ title: 'Printer on fire', priority: 'urgent', assignee_id: 7 });
  });

  it('can unassign', () => {
    expect(changedFields({ ...request, assignee_id: 7 }, form({ assignee_id: '' }), [])).toEqual({
      assignee_id: null,
    });
  });
});
