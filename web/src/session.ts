import { createContext, useContext, type Accessor } from 'solid-js';
import type { MeResponse } from './api';

/** The signed-in user's session, provided by AppShell once /me has loaded. */
export const SessionContext = createContext<Accessor<MeResponse>>();

export function useSession(): Accessor<MeResponse> {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside AppShell');
  return session;
}
