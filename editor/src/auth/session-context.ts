import type { Permission, Role, SessionUser } from '@memberflow/shared/api/auth';
import { createContext, useContext } from 'react';
import type { AuthState } from './auth-state.ts';

/** The sign-in machinery, for the gate and the sign-in form. */
export interface Auth {
  state: AuthState;
  /** Rejects with the API's error (401 wrong credentials, 429 locked) for the form to explain. */
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  retry: () => void;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside <SessionProvider>');
  return auth;
}

/** Who is signed in and what they may do; every page below the sign-in gate has one. */
export interface Session {
  user: SessionUser;
  role: Role;
  can: (permission: Permission) => boolean;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in app');
  return session;
}

export function useCan(permission: Permission): boolean {
  return useSession().can(permission);
}
