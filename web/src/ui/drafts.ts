// Drafts of what people type, kept in this browser's localStorage per person
// and per form, so a comment or a half-filled request survives a reload,
// Back, or a sign-out in another tab. Cleared when the form is sent.
import { useEffect, useState } from 'react';
import { isRecord } from '../api/errors';

const PREFIX = 'reqstly:draft:';

/** The storage drafts go to; `localStorage` in the browser, a Map in tests. */
export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A form's draft: field name → text. */
export type Draft = Record<string, string>;

export function draftKey(personId: string, form: string): string {
  return `${PREFIX}${personId}:${form}`;
}

/** Only text fields count; a draft with nothing typed is no draft. */
export function isEmptyDraft(draft: Draft, ignore: readonly string[] = []): boolean {
  return Object.entries(draft).every(
    ([field, value]) => ignore.includes(field) || value.trim() === '',
  );
}

export function readDraft(store: DraftStore, key: string): Draft | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(store.getItem(key) ?? 'null');
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  const draft: Draft = {};
  for (const [field, value] of Object.entries(parsed)) {
    if (typeof value === 'string') draft[field] = value;
  }
  return draft;
}

/** Keep the draft, or forget it when nothing is typed (`ignore`: fields with defaults). */
export function writeDraft(
  store: DraftStore,
  key: string,
  draft: Draft,
  ignore: readonly string[] = [],
): void {
  try {
    if (isEmptyDraft(draft, ignore)) store.removeItem(key);
    else store.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the form still works without drafts.
  }
}

function browserStore(): DraftStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * A form's fields, starting from the saved draft (else `initial`), saved on
 * every change. `clear()` after sending. `dirty`: something was typed.
 */
export function useDraft<D extends Draft>(
  key: string,
  initial: D,
  ignore: readonly string[] = [],
): { draft: D; setDraft: (next: D) => void; clear: () => void; dirty: boolean } {
  const [draft, setState] = useState<D>(() => {
    const store = browserStore();
    const saved = store ? readDraft(store, key) : null;
    return saved ? { ...initial, ...pick(saved, initial) } : initial;
  });
  // Another tab may have sent or changed the same draft.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== key) return;
      const store = browserStore();
      const saved = store ? readDraft(store, key) : null;
      setState(saved ? { ...initial, ...pick(saved, initial) } : initial);
    };
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener('storage', onStorage);
    };
  }, [key, initial]);
  const store = browserStore();
  return {
    draft,
    setDraft: (next) => {
      setState(next);
      if (store) writeDraft(store, key, next, ignore);
    },
    clear: () => {
      setState(initial);
      store?.removeItem(key);
    },
    dirty: !isEmptyDraft(draft, ignore),
  };
}

/** The saved fields the form knows, typed as the form's own. */
function pick<D extends Draft>(saved: Draft, known: D): Partial<D> {
  const picked: Partial<D> = {};
  for (const field of Object.keys(known)) {
    const value = saved[field];
    if (value !== undefined) Object.assign(picked, { [field]: value });
  }
  return picked;
}
