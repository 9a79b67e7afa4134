// Calls to authsvc at /auth/* with plain fetch (same-origin cookies). Shared
// by sign-in (auth/) and passkey ceremonies (passkeys/); the contract is
// docs/API.md.
import { AuthError } from './errors';

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** POST/GET to authsvc; throws AuthError (status 0 when the network failed). */
export async function authCall(
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers:
        init.body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new AuthError(0, null);
  }
  const body = await readJson(response);
  if (!response.ok) throw new AuthError(response.status, body);
  return body;
}
