/** Which host runs the core. Apart from the contract, so the socket's frames can name it without loading every method. */
import { z } from 'zod';

export const hostKindSchema = z.enum(['electron', 'browser', 'headless']);
export type HostKind = z.infer<typeof hostKindSchema>;
