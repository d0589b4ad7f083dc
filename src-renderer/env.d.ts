import type { ContractTransport } from '../src-shared/contract-client';

declare global {
  interface Window {
    /** Present only inside the desktop app, exposed by the preload bridge. */
    workbench?: ContractTransport;
  }
}
