// A tiny cache of loaded data keyed by string, read through
// useSyncExternalStore. Mutations call `invalidate(prefix)` and every screen
// showing data under that prefix reloads, keeping the old data meanwhile.
import { useSyncExternalStore } from 'react';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T; reloading: boolean }
  | { status: 'error'; error: unknown };

interface Entry {
  state: Resource<unknown>;
  subscribers: number;
  loadedAt: number;
  generation: number;
}

const LOADING: Resource<never> = { status: 'loading' };
/** Data younger than this is shown without asking the server again. */
const FRESH_MS = 5_000;

const entries = new Map<string, Entry>();
/** The latest loader per key, so a key's subscription never depends on a closure's identity. */
const loaders = new Map<string, () => Promise<unknown>>();
const subscriptions = new Map<string, (onChange: () => void) => () => void>();
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function start(key: string, entry: Entry): void {
  const load = loaders.get(key);
  if (!load) return;
  const generation = ++entry.generation;
  if (entry.state.status === 'ok') entry.state = { ...entry.state, reloading: true };
  load().then(
    (data) => {
      if (entry.generation !== generation) return;
      entry.state = { status: 'ok', data, reloading: false };
      entry.loadedAt = Date.now();
      emit();
    },
    (error: unknown) => {
      if (entry.generation !== generation) return;
      entry.state = { status: 'error', error };
      entry.loadedAt = Date.now();
      emit();
    },
  );
}

function subscriptionFor(key: string): (onChange: () => void) => () => void {
  let subscribe = subscriptions.get(key);
  if (!subscribe) {
    subscribe = (onChange) => {
      let entry = entries.get(key);
      if (!entry) {
        entry = { state: LOADING, subscribers: 0, loadedAt: 0, generation: 0 };
        entries.set(key, entry);
        start(key, entry);
      } else if (entry.state.status !== 'loading' && Date.now() - entry.loadedAt > FRESH_MS) {
        start(key, entry);
      }
      const subscribed = entry;
      subscribed.subscribers += 1;
      listeners.add(onChange);
      return () => {
        listeners.delete(onChange);
        subscribed.subscribers -= 1;
      };
    };
    subscriptions.set(key, subscribe);
  }
  return subscribe;
}

/**
 * The data under `key`, loaded by `load` on first use. The key must name
 * everything the loader depends on (filters, ids): same key, same data.
 */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  loaders.set(key, load);
  const snapshot = () => (entries.get(key)?.state ?? LOADING) as Resource<T>;
  return useSyncExternalStore(subscriptionFor(key), snapshot, snapshot);
}

/** Reload what is on screen under these key prefixes; forget the rest. */
export function invalidate(...prefixes: string[]): void {
  for (const [key, entry] of entries) {
    if (!prefixes.some((prefix) => key.startsWith(prefix))) continue;
    if (entry.subscribers > 0) start(key, entry);
    else entries.delete(key);
  }
  emit();
}

/** Forget everything (sign-out). */
export function clearResources(): void {
  entries.clear();
  emit();
}

/** Reload one key (the "Try again" button of an error state). */
export function reload(key: string): void {
  const entry = entries.get(key);
  if (!entry) return;
  entry.state = LOADING;
  start(key, entry);
  emit();
}
