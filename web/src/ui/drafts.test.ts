import { describe, expect, it } from 'vitest';
import { draftKey, isEmptyDraft, readDraft, writeDraft, type DraftStore } from './drafts';

function memoryStore(): DraftStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => items.set(key, value),
    removeItem: (key) => items.delete(key),
  };
}

describe('drafts', () => {
  it('are kept per person and per form', () => {
    expect(draftKey('p1', 'comment:42')).toBe('reqstly:draft:p1:comment:42');
    expect(draftKey('p2', 'comment:42')).not.toBe(draftKey('p1', 'comment:42'));
  });

  it('round-trip through storage', () => {
    const store = memoryStore();
    const key = draftKey('p1', 'new-request');
    writeDraft(store, key, { title: 'Printer', description: '', priority: 'high' }, ['priority']);
    expect(readDraft(store, key)).toEqual({ title: 'Printer', description: '', priority: 'high' });
  });

  it('forget a draft with nothing typed', () => {
    const store = memoryStore();
    const key = draftKey('p1', 'new-request');
    writeDraft(store, key, { title: 'x' });
    writeDraft(store, key, { title: '  ', priority: 'normal' }, ['priority']);
    expect(store.items.size).toBe(0);
    expect(isEmptyDraft({ body: '', mode: 'note' }, ['mode'])).toBe(true);
  });

  it('ignore what is not a draft', () => {
    const store = memoryStore();
    store.setItem('a', 'not json');
    store.setItem('b', '[1, 2]');
    store.setItem('c', '{"title": "ok", "count": 3}');
    expect(readDraft(store, 'a')).toBeNull();
    expect(readDraft(store, 'b')).toBeNull();
    expect(readDraft(store, 'c')).toEqual({ title: 'ok' });
  });

  it('survive a storage that refuses writes', () => {
    const store: DraftStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => {
      writeDraft(store, 'k', { body: 'text' });
    }).not.toThrow();
  });
});
