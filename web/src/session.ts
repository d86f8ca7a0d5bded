import { createContext, useContext, type Accessor } from 'solid-js';
import type { Me, Permission } from './identityApi';

/** The signed-in user's session, provided by AppShell once /me has loaded. */
export interface Session {
  /** The latest `GET /me`. */
  me: Accessor<Me>;
  /** Whether the active role in the active company has this permission. */
  can: (permission: Permission) => boolean;
  /** Fetch `/me` again (after a change that affects it). Resolves false if it failed. */
  reload: () => Promise<boolean>;
  /** Replace the session with a fresh `/me` answer the caller already has. */
  update: (me: Me) => void;
}

export const SessionContext = createContext<Session>();

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside AppShell');
  return session;
}
