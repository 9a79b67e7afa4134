import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { MeContext, isAgent, meQuery, useMe } from '../api/me';
import { SignInPage } from '../auth/SignInPage';
import { boot, useAuth } from '../auth/store';
import { MyRequestsPage } from '../requests/MyRequestsPage';
import { NewRequestPage } from '../requests/NewRequestPage';
import { QueuePage } from '../requests/QueuePage';
import { RequestPage } from '../requests/RequestPage';
import { RequestsPage } from '../requests/RequestsPage';
import { currentPath, navigate, usePlace } from '../router/history';
import { homeTarget, hrefFor, matchRoute, safeNext, type Route } from '../router/routes';
import { SettingsPage } from '../settings/SettingsPage';
import { ErrorState, Loading } from '../ui/States';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

// Admin screens are for few people: keep them out of the first download.
const AdminPage = lazy(() => import('../admin/AdminPage'));

export function App() {
  const auth = useAuth();
  const place = usePlace();
  const route = matchRoute(place.pathname, place.search);

  switch (auth.kind) {
    case 'starting':
      return <FullPage>{<Loading label="Starting Reqstly…" />}</FullPage>;
    case 'unreachable':
      return (
        <FullPage>
          <h1>Reqstly is not answering</h1>
          <ErrorState
            error={new Error(auth.message)}
            onRetry={() => {
              void boot();
            }}
          />
        </FullPage>
      );
    case 'signed-out': {
      const next = route.name === 'signin' ? route.next : safeNext(currentPath());
      const reason = route.name === 'signin' ? (route.reason ?? auth.reason) : auth.reason;
      return (
        <>
          {route.name !== 'signin' && <ToSignIn next={next} />}
          <SignInPage next={next} reason={reason} localMode={auth.localMode} />
        </>
      );
    }
    case 'signed-in':
      if (route.name === 'signin') return <Redirect to={route.next} />;
      return <SignedIn route={route} />;
  }
}

function SignedIn({ route }: { route: Route }) {
  const me = useQuery(meQuery);
  if (me.isPending) return <FullPage>{<Loading label="Loading your profile…" />}</FullPage>;
  if (me.isError) {
    return (
      <FullPage>
        <h1>Your profile could not be loaded</h1>
        <ErrorState
          error={me.error}
          onRetry={() => {
            window.location.reload();
          }}
        />
      </FullPage>
    );
  }
  return (
    <MeContext value={me.data}>
      <Shell route={route}>
        <Page route={route} />
      </Shell>
    </MeContext>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'my-requests':
      return <MyRequestsPage basePath="/my-requests" />;
    case 'requests':
      return <RequestsPage />;
    case 'queue':
      return <QueuePage />;
    case 'new-request':
      return <NewRequestPage />;
    case 'request':
      return <RequestPage requestKey={route.key} />;
    case 'settings':
      return <SettingsPage />;
    case 'admin':
      return (
        <Suspense fallback={<Loading label="Loading the admin screens…" />}>
          <AdminPage section={route.section} />
        </Suspense>
      );
    case 'signin':
    case 'not-found':
      return <NotFoundPage />;
  }
}

/** `/`: a requester's own requests; an agent's or admin's queue (routes.ts, homeTarget). */
function Home() {
  const me = useMe();
  const place = usePlace();
  const target = homeTarget(isAgent(me) || me.is_admin, place.search);
  if (target !== null) return <Redirect to={target} />;
  return <MyRequestsPage basePath="/" />;
}

function FullPage({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="full-page" tabIndex={-1}>
      {children}
    </main>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}

/** Show the sign-in address in the bar, remembering where the person was going. */
function ToSignIn({ next }: { next: string }) {
  useEffect(() => {
    navigate(hrefFor({ name: 'signin', next, reason: null }), { replace: true });
  }, [next]);
  return null;
}
