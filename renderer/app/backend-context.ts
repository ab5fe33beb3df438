import { createContext, useContext } from 'react';
import type { BackendClient } from '../api/backend-client.js';

export const BackendContext = createContext<BackendClient | null>(null);

/** The host connection; every screen talks to the backend through it. */
export function useBackend(): BackendClient {
  const client = useContext(BackendContext);
  if (client === null) throw new Error('useBackend outside <BackendContext.Provider>');
  return client;
}
