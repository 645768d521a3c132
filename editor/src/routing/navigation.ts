import { useSyncExternalStore } from 'react';

// History routing without a router package: the server answers every non-API path with index.html.
const NAVIGATE_EVENT = 'memberflow:navigate';

/** `replace` swaps the current history entry, for redirects the back button should skip. */
export function navigate(path: string, opts?: { replace?: boolean }): void {
  if (path === window.location.pathname) return;
  if (opts?.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
