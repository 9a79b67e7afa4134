import { describe, expect, it } from 'vitest';
import { ApiError, toFormErrors } from '../api/errors';
import { TITLE_MAX } from './limits';
import { EMPTY_NEW_REQUEST, NEW_REQUEST_FIELDS, readNewRequest } from './newRequestForm';

const filled = { ...EMPTY_NEW_REQUEST, category: 'IT', title: 'Printer jams' };

describe('readNewRequest', () => {
  it('trims and defaults the priority', () => {
    expect(
      readNewRequest({ ...filled, title: '  Printer jams ', description: ' x ', priority: '' }),
    ).toEqual({
      ok: true,
      value: { category: 'IT', priority: 'normal', title: 'Printer jams', description: 'x' },
    });
  });

  it('keeps a chosen priority and ignores unknown ones', () => {
    const urgent = readNewRequest({ ...filled, priority: 'urgent' });
    expect(urgent.ok && urgent.value.priority).toBe('urgent');
    const odd = readNewRequest({ ...filled, priority: 'asap' });
    expect(odd.ok && odd.value.priority).toBe('normal');
  });

  it('names every problem at once', () => {
    expect(
      readNewRequest({ ...EMPTY_NEW_REQUEST, title: '   ', description: 'x'.repeat(20_001) }),
    ).toEqual({
      ok: false,
      errors: {
        fields: {
          category: 'Choose a category.',
          title: 'Give the request a title.',
          description: 'The description is 20001 characters long; the limit is 20000.',
        },
        form: null,
      },
    });
  });

  it('says how long a title may be', () => {
    const read = readNewRequest({ ...filled, title: 't'.repeat(TITLE_MAX + 1) });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors.fields.title).toMatch(/201 characters long; keep it to 200/);
  });

  it('still shows what the database says by its field', () => {
    const dbSays = new ApiError(400, {
      code: '23514',
      message: 'The title is 230 characters long; keep it to 200.',
      details: 'title',
    });
    expect(toFormErrors(dbSays, NEW_REQUEST_FIELDS)).toEqual({
      fields: { title: 'The title is 230 characters long; keep it to 200.' },
      form: null,
    });
  });
});
