// A location store over the History API, for useSyncExternalStore.
import { useSyncExternalStore } from 'react';

export interface Place {
  pathname: string;
  search: string;
}

type Listener = () => void;

export interface Navigator {
  subscribe: (listener: Listener) => () => void;
  current: () => Place;
  navigate: (to: string, options?: { replace?: boolean }) => void;
}

interface HistoryLike {
  pushState(data: unknown, unused: string, url: string): void;
  replaceState(data: unknown, unused: string, url: string): void;
}

interface WindowLike {
  location: { pathname: string; search: string; origin: string };
  history: HistoryLike;
  addEventListener(type: 'popstate', listener: Listener): void;
  removeEventListener(type: 'popstate', listener: Listener): void;
  scrollTo?(x: number, y: number): void;
}

export function createNavigator(win: WindowLike): Navigator {
  const listeners = new Set<Listener>();
  let place: Place = { pathname: win.location.pathname, search: win.location.search };

  const refresh = () => {
    const { pathname, search } = win.location;
    if (pathname === place.pathname && search === place.search) return;
    place = { pathname, search };
    for (const listener of listeners) listener();
  };

  return {
    subscribe(listener) {
      if (listeners.size === 0) win.addEventListener('popstate', refresh);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) win.removeEventListener('popstate', refresh);
      };
    },
    current: () => place,
    navigate(to, options) {
      const url = new URL(to, win.location.origin);
      if (url.origin !== win.location.origin)
        throw new Error(`Refusing to navigate off-site: ${to}`);
      const target = url.pathname + url.search + url.hash;
      if (options?.replace) win.history.replaceState(null, '', target);
      else win.history.pushState(null, '', target);
      const moved = url.pathname !== place.pathname;
      refresh();
      if (moved && !options?.replace) win.scrollTo?.(0, 0);
    },
  };
}

let browserNavigator: Navigator | null = null;

export function getNavigator(): Navigator {
  browserNavigator ??= createNavigator(window);
  return browserNavigator;
}

export function navigate(to: string, options?: { replace?: boolean }): void {
  getNavigator().navigate(to, options);
}

export function usePlace(): Place {
  const nav = getNavigator();
  return useSyncExternalStore(nav.subscribe, nav.current, nav.current);
}

export function currentPath(): string {
  const { pathname, search } = getNavigator().current();
  return pathname + search;
}
