export const SIGN_IN_PATH = '/sign-in';

const ORIGIN = 'https://memberflow.invalid';

/** Where the sign-in page sends the user afterwards: the page they asked for, never the sign-in page itself. */
export function signInPath(returnTo: string): string {
  const safe = safeReturnPath(returnTo);
  return safe === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(safe)}`;
}

/**
 * `next` comes from the address bar, so anyone can craft it: only a path on this site is
 * followed. Parsing it as the browser would (tabs and newlines dropped, backslashes as slashes)
 * catches "//evil.example" and its disguises; anything else goes home.
 */
export function safeReturnPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(raw, ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== ORIGIN) return '/';
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith(`${SIGN_IN_PATH}/`)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The return path carried in the sign-in page's query string. */
export function returnPathFrom(search: string): string {
  return safeReturnPath(new URLSearchParams(search).get('next'));
}
