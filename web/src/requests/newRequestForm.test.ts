import { describe, expect, it } from 'vitest';
import { ApiError, toFormErrors } from '../api/errors';
import { NEW_REQUEST_FIELDS, readNewRequest } from './newRequestForm';

function form(values: Record<string, string>) {
  return { get: (name: string) => values[name] ?? null };
}

describe('readNewRequest', () => {
  it('trims and defaults the priority', () => {
    expect(
      readNewRequest(form({ category: 'IT', title: '  Printer jams ', description: ' x ' })),
    ).toEqual({
      ok: true,
      value: { category: 'IT', priority: 'normal', title: 'Printer jams', description: 'x' },
    });
  });

  it('keeps a chosen priority and ignores unknown ones', () => {
    const urgent = readNewRequest(form({ category: 'HR', priority: 'urgent', title: 't' }));
    expect(urgent.ok && urgent.value.priority).toBe('urgent');
    const odd = readNewRequest(form({ category: 'HR', priority: 'asap', title: 't' }));
    expect(odd.ok && odd.value.priority).toBe('normal');
  });

  it('asks for a category', () => {
    expect(readNewRequest(form({ title: 'x' }))).toEqual({
      ok: false,
      errors: { fields: { category: 'Choose a category.' }, form: null },
    });
  });

  it('leaves the title rule to the database and shows its message by the field', () => {
    const read = readNewRequest(form({ category: 'IT', title: '   ' }));
    expect(read.ok && read.value.title).toBe('');
    const dbSays = new ApiError(400, {
      code: '23514',
      message: 'Give the request a title of at least 3 characters.',
      details: 'title',
    });
    expect(toFormErrors(dbSays, NEW_REQUEST_FIELDS)).toEqual({
      fields: { title: 'Give the request a title of at least 3 characters.' },
      form: null,
    });
  });
});
