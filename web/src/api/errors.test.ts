import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthError,
  NETWORK_MESSAGE,
  SERVER_MESSAGE,
  SIGNED_OUT_MESSAGE,
  describeError,
  fieldOf,
  hasFormErrors,
  toFormErrors,
} from './errors';

const FIELDS = ['title', 'description', 'category', 'priority'] as const;

describe('ApiError', () => {
  it('keeps the database message written for people', () => {
    const error = new ApiError(400, {
      code: 'P0001',
      message: 'Give the request a title.',
      details: 'title',
      hint: null,
    });
    expect(error.message).toBe('Give the request a title.');
    expect(error.status).toBe(400);
    expect(error.code).toBe('P0001');
    expect(error.details).toBe('title');
  });

  it('replaces server faults and empty bodies with a sentence', () => {
    expect(new ApiError(500, { code: 'XX000', message: 'internal error' }).message).toBe(
      SERVER_MESSAGE,
    );
    expect(new ApiError(502, null).message).toBe(SERVER_MESSAGE);
    expect(new ApiError(0, null).message).toBe(NETWORK_MESSAGE);
    expect(new ApiError(401, { code: 'PGRST301', message: 'JWT expired' }).message).toBe(
      SIGNED_OUT_MESSAGE,
    );
    expect(new ApiError(403, null).message).toMatch(/not allowed/);
  });

  it('hides technical messages behind a sentence with the code', () => {
    expect(
      new ApiError(404, { code: '42P01', message: 'relation "api.my_passkeys" does not exist' })
        .message,
    ).toMatch(/^Reqstly could not do this \(error 42P01\)/);
    expect(
      new ApiError(400, { code: 'PGRST100', message: 'failed to parse filter' }).message,
    ).toMatch(/error PGRST100/);
    expect(
      new ApiError(403, { code: '42501', message: 'permission denied for table requests' }).message,
    ).toBe('You are not allowed to do that.');
    expect(
      new ApiError(403, { code: '42501', message: 'Only administrators can disable people.' })
        .message,
    ).toBe('Only administrators can disable people.');
  });

  it('keeps a 403 or 409 message from the status machine', () => {
    const message = 'Only an agent of IT can start work. From open you may: cancelled.';
    expect(new ApiError(403, { code: '42501', message }).message).toBe(message);
    expect(new ApiError(409, { code: 'PT409', message: 'No such move.' }).message).toBe(
      'No such move.',
    );
  });
});

describe('fieldOf', () => {
  it('finds the field named in details', () => {
    expect(fieldOf(new ApiError(400, { message: 'Too long', details: 'title' }), FIELDS)).toBe(
      'title',
    );
    expect(fieldOf(new ApiError(400, { message: 'x', details: ' priority ' }), FIELDS)).toBe(
      'priority',
    );
    expect(fieldOf(new ApiError(400, { message: 'x', details: 'field: category' }), FIELDS)).toBe(
      'category',
    );
  });

  it('ignores details that are not a field of the form', () => {
    expect(
      fieldOf(new ApiError(409, { message: 'x', details: 'Key (id)=(3) is not present' }), FIELDS),
    ).toBeNull();
    expect(fieldOf(new ApiError(400, { message: 'x', details: 'assignee_id' }), FIELDS)).toBeNull();
    expect(fieldOf(new ApiError(400, { message: 'x', details: null }), FIELDS)).toBeNull();
    expect(fieldOf(new Error('boom'), FIELDS)).toBeNull();
  });
});

describe('toFormErrors', () => {
  it('puts a field error next to its field', () => {
    const errors = toFormErrors(
      new ApiError(400, {
        code: '23514',
        message: 'A title needs at least 5 characters.',
        details: 'title',
      }),
      FIELDS,
    );
    expect(errors).toEqual({
      fields: { title: 'A title needs at least 5 characters.' },
      form: null,
    });
    expect(hasFormErrors(errors)).toBe(true);
  });

  it('puts anything else above the form', () => {
    expect(toFormErrors(new TypeError('Failed to fetch'), FIELDS)).toEqual({
      fields: {},
      form: NETWORK_MESSAGE,
    });
    expect(
      toFormErrors(
        new ApiError(403, { message: 'Requests can only be edited while open.' }),
        FIELDS,
      ),
    ).toEqual({ fields: {}, form: 'Requests can only be edited while open.' });
  });

  it('describes unknown throws', () => {
    expect(describeError('weird')).toBe(SERVER_MESSAGE);
    expect(describeError(new Error('Plain'))).toBe('Plain');
  });
});

describe('AuthError', () => {
  it('reads authsvc {error, message}', () => {
    const error = new AuthError(403, {
      error: 'azure_required',
      message: 'Sign in with Microsoft once.',
    });
    expect(error.code).toBe('azure_required');
    expect(error.message).toBe('Sign in with Microsoft once.');
  });

  it('falls back to a sentence', () => {
    expect(new AuthError(500, 'oops').message).toBe(SERVER_MESSAGE);
    expect(new AuthError(0, null).message).toBe(NETWORK_MESSAGE);
    expect(new AuthError(400, {}).message).toMatch(/did not work/);
  });
});
