/**
 * The page's link to the core, for the status bar and for stores that reload
 * what a restart of `workbench serve` may have changed. While the link is down,
 * the host is asked now and then whether it refuses the page's token, so a
 * restart with a new token asks the user for the new address instead of
 * reconnecting forever.
 */
import { create } from 'zustand';
import { hostKind, onConnectionState, pageTokenRefused } from '../api';
import type { ConnectionState } from '../socket-transport';

interface ConnectionStore {
  hostKind: typeof hostKind;
  state: ConnectionState;
  /** True once the host answered while refusing this page's token. */
  tokenRefused: boolean;
}

export const useConnectionStore = create<ConnectionStore>()(() => ({
  hostKind,
  state: 'connecting',
  tokenRefused: false,
}));

const tokenCheckEveryMs = 2_000;
let tokenCheck: ReturnType<typeof setInterval> | undefined;

function checkToken() {
  void pageTokenRefused().then((refused) => {
    if (useConnectionStore.getState().state !== 'connected') useConnectionStore.setState({ tokenRefused: refused });
  });
}

onConnectionState((state) => {
  useConnectionStore.setState(state === 'connected' ? { state, tokenRefused: false } : { state });
  clearInterval(tokenCheck);
  tokenCheck = undefined;
  if (state === 'reconnecting') {
    checkToken();
    tokenCheck = setInterval(checkToken, tokenCheckEveryMs);
  }
});
