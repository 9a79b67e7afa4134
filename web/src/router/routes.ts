// The SPA's routes as data: parse a location into a Route, build hrefs back.

export const ADMIN_SECTIONS = ['requests', 'people', 'teams', 'transitions'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export type Route =
  | { name: 'home' }
  | { name: 'my-requests' }
  | { name: 'requests' }
  | { name: 'queue' }
  | { name: 'new-request' }
  | { name: 'request'; key: string }
  | { name: 'settings' }
  | { name: 'admin'; section: AdminSection }
  | { name: 'signin'; next: string; reason: string | null }
  | { name: 'not-found'; path: string };

const REQUEST_KEY = /^[A-Za-z][A-Za-z0-9]*-\d+$/;

function isAdminSection(value: string): value is AdminSection {
  return ADMIN_SECTIONS.some((section) => section === value);
}

/** A `next` target must be a path on this site: never `//host` or a URL. */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/\p{Cc}/u.test(next)) return '/';
  if (next === '/signin' || next.startsWith('/signin?') || next.startsWith('/auth/')) return '/';
  return next;
}

export function matchRoute(pathname: string, search = ''): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const segments = path.split('/').filter(Boolean).map(decodeSegment);
  const [first, second, ...rest] = segments;
  if (first === undefined) return { name: 'home' };
  if (rest.length === 0) {
    if (first === 'my-requests' && second === undefined) return { name: 'my-requests' };
    if (first === 'queue' && second === undefined) return { name: 'queue' };
    if (first === 'settings' && second === undefined) return { name: 'settings' };
    if (first === 'signin' && second === undefined) {
      const params = new URLSearchParams(search);
      return { name: 'signin', next: safeNext(params.get('next')), reason: params.get('reason') };
    }
    if (first === 'requests' && second === undefined) return { name: 'requests' };
    if (first === 'requests' && second === 'new') return { name: 'new-request' };
    if (first === 'requests' && second !== undefined && REQUEST_KEY.test(second)) {
      return { name: 'request', key: second.toUpperCase() };
    }
    if (first === 'admin') {
      if (second === undefined) return { name: 'admin', section: 'requests' };
      if (isAdminSection(second)) return { name: 'admin', section: second };
    }
  }
  return { name: 'not-found', path: pathname };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'my-requests':
      return '/my-requests';
    case 'requests':
      return '/requests';
    case 'queue':
      return '/queue';
    case 'new-request':
      return '/requests/new';
    case 'request':
      return `/requests/${encodeURIComponent(route.key)}`;
    case 'settings':
      return '/settings';
    case 'admin':
      return `/admin/${route.section}`;
    case 'signin': {
      const params = new URLSearchParams();
      if (route.next !== '/') params.set('next', route.next);
      if (route.reason) params.set('reason', route.reason);
      const query = params.toString();
      return query ? `/signin?${query}` : '/signin';
    }
    case 'not-found':
      return route.path;
  }
}

/**
 * Where `/` leads. Requesters: their requests, right there (`null`). Agents
 * and admins: their queue; a `/` link with a list query was a link to My
 * requests before agents had a home, and still opens My requests.
 */
export function homeTarget(worksAQueue: boolean, search: string): string | null {
  if (!worksAQueue) return null;
  return search && search !== '?' ? `/my-requests${search}` : '/queue';
}

/** Where "Sign in with Microsoft" goes: authsvc, then back to `next`. */
export function azureLoginUrl(next: string): string {
  return `/auth/login/azure?next=${encodeURIComponent(safeNext(next))}`;
}
