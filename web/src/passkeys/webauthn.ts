// WebAuthn ceremonies against authsvc (docs/API.md). Options come as
// py_webauthn JSON and go into PublicKeyCredential.parse*OptionsFromJSON once
// their shape is checked; credentials go back as credential.toJSON().
import { authCall } from '../api/authsvc';
import { isRecord } from '../api/errors';

export function passkeysSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.PublicKeyCredential === 'function' &&
    typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function' &&
    typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
  );
}

export async function conditionalMediationAvailable(): Promise<boolean> {
  if (!passkeysSupported()) return false;
  try {
    return await PublicKeyCredential.isConditionalMediationAvailable();
  } catch {
    return false;
  }
}

const BAD_OPTIONS = 'The sign-in service sent passkey options this browser cannot use. Try again.';

export function isRequestOptionsJson(
  value: unknown,
): value is PublicKeyCredentialRequestOptionsJSON {
  return isRecord(value) && typeof value.challenge === 'string';
}

export function isCreationOptionsJson(
  value: unknown,
): value is PublicKeyCredentialCreationOptionsJSON {
  return (
    isRecord(value) &&
    typeof value.challenge === 'string' &&
    isRecord(value.rp) &&
    isRecord(value.user) &&
    typeof value.user.id === 'string' &&
    Array.isArray(value.pubKeyCredParams)
  );
}

function credentialJson(credential: Credential | null): unknown {
  if (!(credential instanceof PublicKeyCredential)) throw new PasskeyCancelled();
  return credential.toJSON();
}

/** Passkey autofill could not be offered (authsvc did not give options). */
export class PasskeyUnavailable extends Error {
  constructor(cause: unknown) {
    super('Passkey sign-in is not available right now.', { cause });
    this.name = 'PasskeyUnavailable';
  }
}

/** The person dismissed the browser's passkey prompt, or it timed out. */
export class PasskeyCancelled extends Error {
  constructor() {
    super('No passkey was used. Try again, or sign in with Microsoft.');
    this.name = 'PasskeyCancelled';
  }
}

function translate(error: unknown): unknown {
  if (error instanceof DOMException) {
    if (error.name === 'AbortError') return error;
    if (error.name === 'NotAllowedError') return new PasskeyCancelled();
    if (error.name === 'InvalidStateError') {
      return new Error('This device already holds a passkey for your account.');
    }
    if (error.name === 'SecurityError') {
      return new Error('Passkeys do not work on this address. Open Reqstly by its usual name.');
    }
    return new Error(`The passkey did not work (${error.name}). Try again.`);
  }
  return error;
}

/** Usernameless sign-in; with `conditional` the browser offers passkeys in autofill. */
export async function signInWithPasskey(options: {
  conditional: boolean;
  signal?: AbortSignal;
}): Promise<void> {
  let requestOptions: unknown;
  try {
    requestOptions = await authCall('/auth/passkey/login/options', { method: 'POST', body: {} });
  } catch (error) {
    // Autofill is an offer, not a request: if it cannot start, say nothing.
    throw options.conditional ? new PasskeyUnavailable(error) : error;
  }
  if (!isRequestOptionsJson(requestOptions)) {
    throw options.conditional ? new PasskeyUnavailable(requestOptions) : new Error(BAD_OPTIONS);
  }
  let credential: Credential | null;
  try {
    credential = await navigator.credentials.get({
      publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(requestOptions),
      mediation: options.conditional ? 'conditional' : 'optional',
      signal: options.signal,
    });
  } catch (error) {
    throw translate(error);
  }
  await authCall('/auth/passkey/login/verify', {
    method: 'POST',
    body: { credential: credentialJson(credential) },
  });
}

/** Add a passkey to the signed-in person's account. */
export async function registerPasskey(name: string): Promise<void> {
  const creationOptions = await authCall('/auth/passkey/register/options', {
    method: 'POST',
    body: { name },
  });
  if (!isCreationOptionsJson(creationOptions)) throw new Error(BAD_OPTIONS);
  let credential: Credential | null;
  try {
    credential = await navigator.credentials.create({
      publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(creationOptions),
    });
  } catch (error) {
    throw translate(error);
  }
  await authCall('/auth/passkey/register/verify', {
    method: 'POST',
    body: { name, credential: credentialJson(credential) },
  });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
