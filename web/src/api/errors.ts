// Turning error bodies from PostgREST (`{code, message, details, hint}`) and
// authsvc (`{error, message}`) into words for people, per field when the
// database names the field at fault in `details`.

export interface PostgrestErrorBody {
  code?: string | null;
  message?: string | null;
  details?: string | null;
  hint?: string | null;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: string | null;
  readonly hint: string | null;

  constructor(status: number, body: PostgrestErrorBody | null | undefined) {
    super(messageFor(status, body));
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? '';
    this.details = body?.details ?? null;
    this.hint = body?.hint ?? null;
  }
}

export const NETWORK_MESSAGE =
  'Reqstly cannot reach the server right now. Check your connection and try again in a moment.';
export const SERVER_MESSAGE =
  'Something went wrong on the server. Try again in a moment; if it keeps happening, tell your IT team.';
export const SIGNED_OUT_MESSAGE = 'Your session has ended. Sign in again to continue.';
export const FORBIDDEN_MESSAGE = 'You are not allowed to do that.';
export const REJECTED_MESSAGE = 'That did not work. Reload the page and try again.';

function messageFor(status: number, body: PostgrestErrorBody | null | undefined): string {
  if (status === 0) return NETWORK_MESSAGE;
  if (status === 401) return SIGNED_OUT_MESSAGE;
  // Unexpected 5xx speak to developers; the database's raise and constraint
  // messages (4xx) are written for people and shown as they are.
  if (status >= 500) return SERVER_MESSAGE;
  const code = body?.code ?? '';
  const text = body?.message?.trim();
  // PostgREST's own errors and PostgreSQL's schema errors are about the
  // client or the deployment, not about what the person did.
  if (code.startsWith('PGRST') || TECHNICAL_CODES.has(code)) {
    return `Reqstly could not do this (error ${code}). Reload the page; if it keeps happening, tell your IT team.`;
  }
  if (code === '42501' && (!text || /^(permission denied|new row violates)/i.test(text))) {
    return FORBIDDEN_MESSAGE;
  }
  if (text) return text;
  return status === 403 ? FORBIDDEN_MESSAGE : REJECTED_MESSAGE;
}

/** undefined table, function, column; a value of the wrong type. */
const TECHNICAL_CODES = new Set(['42P01', '42883', '42703', '22P02']);

/** Any thrown value as a sentence a person can act on. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return NETWORK_MESSAGE;
  if (error instanceof Error && error.message) return error.message;
  return SERVER_MESSAGE;
}

/**
 * The field the error is about: `details` holds exactly a field's name when
 * one field is at fault. Only names the form knows count.
 */
export function fieldOf<F extends string>(error: unknown, fields: readonly F[]): F | null {
  if (!(error instanceof ApiError) || !error.details) return null;
  const details = error.details.trim();
  const named = /^(?:field|column)\s*[:=]\s*(\w+)$/i.exec(details);
  const candidate = named?.[1] ?? details;
  return fields.find((field) => field === candidate) ?? null;
}

export interface FormErrors<F extends string> {
  /** Messages shown next to a field. */
  fields: Partial<Record<F, string>>;
  /** A message about the whole form, shown above the buttons. */
  form: string | null;
}

export function noFormErrors<F extends string>(): FormErrors<F> {
  return { fields: {}, form: null };
}

/** Split an error into a per-field message or a form-level one. */
export function toFormErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): FormErrors<F> {
  const field = fieldOf(error, fields);
  const message = describeError(error);
  if (!field) return { fields: {}, form: message };
  const messages: Partial<Record<F, string>> = {};
  messages[field] = message;
  return { fields: messages, form: null };
}

export function hasFormErrors<F extends string>(errors: FormErrors<F>): boolean {
  return errors.form !== null || Object.keys(errors.fields).length > 0;
}

/** authsvc answers errors as `{error, message}`. */
export class AuthError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: unknown;

  constructor(status: number, body: unknown) {
    const record = isRecord(body) ? body : {};
    const message = typeof record.message === 'string' && record.message ? record.message : null;
    super(
      status === 0
        ? NETWORK_MESSAGE
        : (message ?? (status >= 500 ? SERVER_MESSAGE : 'Signing in did not work. Try again.')),
    );
    this.name = 'AuthError';
    this.status = status;
    this.body = body;
    this.code = typeof record.error === 'string' ? record.error : '';
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
