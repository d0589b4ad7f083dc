import { create } from 'zustand';
import { hostKind, onConnectionState } from '../api';
import type { ConnectionState } from '../socket-transport';

interface ConnectionStore {
  hostKind: typeof hostKind;
  state: ConnectionState;
}

export const useConnectionStore = create<ConnectionStore>()(() => ({ hostKind, state: 'connecting' }));

onConnectionState((state) => useConnectionStore.setState({ state }));
