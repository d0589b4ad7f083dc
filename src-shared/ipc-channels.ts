import type { MethodName } from './contract';

/** Electron IPC channel of a contract method; prefixed so it never meets Electron's own channels. */
export const methodChannel = (method: MethodName): string => `contract:${method}`;

/** Channel on which the main process pushes event batches to the window. */
export const eventsChannel = 'contract:events';
