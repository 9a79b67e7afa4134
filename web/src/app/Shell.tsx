import { useEffect, useRef, useState, type ReactNode } from 'react';
import { describeError } from '../api/errors';
import { isAgent, useMe } from '../api/me';
import { signOut } from '../auth/store';
import { Link } from '../router/Link';
import { useRequestChanges } from '../requests/useRequestChanges';
import { hrefFor, type Route } from '../router/routes';

interface NavItem {
  label: string;
  href: string;
  active: (route: Route) => boolean;
}

export function Shell({ route, children }: { route: Route; children: ReactNode }) {
  const me = useMe();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const main = useRef<HTMLElement>(null);
  const path = hrefFor(route);
  const firstPath = useRef(path);
  useRequestChanges();

  // After in-app navigation, move focus to the new page for screen readers.
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = path;
    main.current?.focus({ preventScroll: true });
  }, [path]);

  // An agent's home is the queue; My requests has its own address for them.
  const worksAQueue = isAgent(me) || me.is_admin;
  const items: NavItem[] = [
    ...(worksAQueue
      ? [{ label: 'Queue', href: '/queue', active: (r: Route) => r.name === 'queue' }]
      : []),
    {
      label: 'My requests',
      href: worksAQueue ? '/my-requests' : '/',
      active: (r) => r.name === 'my-requests' || (r.name === 'home' && !worksAQueue),
    },
    { label: 'New request', href: '/requests/new', active: (r) => r.name === 'new-request' },
    { label: 'Settings', href: '/settings', active: (r) => r.name === 'settings' },
    ...(me.is_admin
      ? [{ label: 'Admin', href: '/admin/requests', active: (r: Route) => r.name === 'admin' }]
      : []),
  ];

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link href="/" className="brand">
            Reqstly
          </Link>
          <nav aria-label="Main" className="mainnav">
            <ul>
              {items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} aria-current={item.active(route) ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="topbar-user">
            <span className="topbar-name" title={me.email ?? undefined}>
              {me.display_name}
            </span>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setSignOutError(null);
                signOut().catch((error: unknown) => {
                  setSignOutError(describeError(error));
                });
              }}
            >
              Sign out
            </button>
          </div>
        </div>
        {signOutError && (
          <p className="topbar-error" role="alert">
            Signing out did not work: {signOutError}
          </p>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1} className="page">
        {children}
      </main>
    </>
  );
}
