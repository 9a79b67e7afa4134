import { describe, expect, it, vi } from 'vitest';
import { createNavigator } from './history';
import { azureLoginUrl, homeTarget, hrefFor, matchRoute, safeNext, type Route } from './routes';

describe('matchRoute', () => {
  it.each<[string, Route]>([
    ['/', { name: 'home' }],
    ['/my-requests', { name: 'my-requests' }],
    ['/queue', { name: 'queue' }],
    ['/queue/', { name: 'queue' }],
    ['/requests/new', { name: 'new-request' }],
    ['/requests/IT-42', { name: 'request', key: 'IT-42' }],
    ['/requests/it-42', { name: 'request', key: 'IT-42' }],
    ['/requests/ADMIN-7', { name: 'request', key: 'ADMIN-7' }],
    ['/settings', { name: 'settings' }],
    ['/admin', { name: 'admin', section: 'requests' }],
    ['/admin/people', { name: 'admin', section: 'people' }],
    ['/admin/transitions', { name: 'admin', section: 'transitions' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it('sends agents and admins home to their queue, keeping old My requests links', () => {
    expect(homeTarget(false, '')).toBeNull();
    expect(homeTarget(false, '?status=open')).toBeNull();
    expect(homeTarget(true, '')).toBe('/queue');
    expect(homeTarget(true, '?status=open&page=2')).toBe('/my-requests?status=open&page=2');
  });

  it('reads the sign-in target and reason', () => {
    expect(matchRoute('/signin', '?next=%2Frequests%2FIT-4&reason=expired')).toEqual({
      name: 'signin',
      next: '/requests/IT-4',
      reason: 'expired',
    });
    expect(matchRoute('/signin', '')).toEqual({ name: 'signin', next: '/', reason: null });
  });

  it('does not match what it does not know', () => {
    for (const path of ['/requests/42', '/requests/IT-42/x', '/admin/nope', '/nope', '/queue/x']) {
      expect(matchRoute(path)).toEqual({ name: 'not-found', path });
    }
  });

  it('round-trips through hrefFor', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'my-requests' },
      { name: 'queue' },
      { name: 'new-request' },
      { name: 'request', key: 'HR-3' },
      { name: 'settings' },
      { name: 'admin', section: 'teams' },
    ];
    for (const route of routes) expect(matchRoute(hrefFor(route))).toEqual(route);
    const signin = hrefFor({ name: 'signin', next: '/queue?x=1', reason: null });
    const url = new URL(signin, 'http://localhost');
    expect(matchRoute(url.pathname, url.search)).toEqual({
      name: 'signin',
      next: '/queue?x=1',
      reason: null,
    });
  });
});

describe('safeNext', () => {
  it('keeps local paths', () => {
    expect(safeNext('/requests/IT-1?tab=history')).toBe('/requests/IT-1?tab=history');
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    '/signin',
    '/signin?next=/',
    '/auth/logout',
    '/a\nb',
  ])('refuses %s', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it('builds the Azure sign-in URL with an encoded local target', () => {
    expect(azureLoginUrl('/requests/IT-42')).toBe('/auth/login/azure?next=%2Frequests%2FIT-42');
    expect(azureLoginUrl('//evil')).toBe('/auth/login/azure?next=%2F');
  });
});

describe('createNavigator', () => {
  function fakeWindow(path: string) {
    const popListeners = new Set<() => void>();
    const win = {
      location: { pathname: path, search: '', origin: 'http://localhost' },
      history: {
        pushState: vi.fn((_: unknown, __: string, url: string) => {
          setUrl(url);
        }),
        replaceState: vi.fn((_: unknown, __: string, url: string) => {
          setUrl(url);
        }),
      },
      addEventListener: (_: 'popstate', listener: () => void) => popListeners.add(listener),
      removeEventListener: (_: 'popstate', listener: () => void) => popListeners.delete(listener),
      scrollTo: vi.fn(),
    };
    function setUrl(url: string) {
      const parsed = new URL(url, 'http://localhost');
      win.location.pathname = parsed.pathname;
      win.location.search = parsed.search;
    }
    return { win, popListeners, setUrl };
  }

  it('pushes, notifies and scrolls to the top', () => {
    const { win } = fakeWindow('/');
    const nav = createNavigator(win);
    const listener = vi.fn();
    nav.subscribe(listener);
    nav.navigate('/queue?category=IT');
    expect(win.history.pushState).toHaveBeenCalledWith(null, '', '/queue?category=IT');
    expect(nav.current()).toEqual({ pathname: '/queue', search: '?category=IT' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(win.scrollTo).toHaveBeenCalledWith(0, 0);
  });

  it('replaces without scrolling and keeps the snapshot stable', () => {
    const { win } = fakeWindow('/');
    const nav = createNavigator(win);
    const before = nav.current();
    expect(nav.current()).toBe(before);
    nav.navigate('/?status=open', { replace: true });
    expect(win.history.replaceState).toHaveBeenCalled();
    expect(win.scrollTo).not.toHaveBeenCalled();
    expect(nav.current()).toEqual({ pathname: '/', search: '?status=open' });
  });

  it('follows the back button and stops listening when nobody subscribes', () => {
    const { win, popListeners, setUrl } = fakeWindow('/queue');
    const nav = createNavigator(win);
    const listener = vi.fn();
    const unsubscribe = nav.subscribe(listener);
    setUrl('/settings');
    for (const pop of popListeners) pop();
    expect(nav.current().pathname).toBe('/settings');
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    expect(popListeners.size).toBe(0);
  });

  it('refuses to leave the site', () => {
    const { win } = fakeWindow('/');
    expect(() => {
      createNavigator(win).navigate('https://evil.example/');
    }).toThrow(/off-site/);
  });
});
