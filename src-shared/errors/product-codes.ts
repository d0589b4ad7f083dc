import type { ErrorEntry } from './entry';

/**
 * The product's own error codes (AppError.code), listed so the explainer can
 * show them like Vonage's. Add a row when a service starts returning a new code.
 */
const rows: [code: string, title: string, temporary: boolean, explanation: string, next: string][] = [
  ['PAYLOAD_INVALID', 'Payload invalid', false,
    'The message payload failed validation; each problem is listed with its field.', 'Fix the marked fields, or start from a catalog template.'],
  ['INPUT_INVALID', 'Input invalid', false,
    'A command or contract call got arguments it cannot use.', 'Check the arguments against the command help.'],
  ['METHOD_UNKNOWN', 'Unknown method', false,
    'The contract has no method of that name (the app and its host disagree).', 'Update both sides to the same version.'],
  ['INTERNAL', 'Internal error', false,
    'A bug in the workbench; the stack was logged.', 'Report it with the log; retrying rarely helps.'],
  ['KEYCHAIN_UNAVAILABLE', 'Keychain unavailable', true,
    'The OS keychain is locked or missing, so secrets cannot be read or stored.',
    'Unlock the keychain (on Linux, start a Secret Service such as gnome-keyring), or use environment variables.'],
  ['TUNNEL_UNREACHABLE', 'Tunnel unreachable', true,
    'The public tunnel to the local webhook server is down or cannot be created.',
    'Restart the tunnel, check the tunnel host, or send to the emulator, which needs no tunnel.'],
  ['CONVERSION_UNSUPPORTED', 'No counterpart in the other version', false,
    'The message has no equivalent in the target API version (e.g. RCS in v0.1, a Viber template in v1).',
    'Keep the message in its version, or pick a type both versions have.'],
];

export const productCodeEntries: ErrorEntry[] = rows.map(([key, title, temporary, explanation, next]) => ({
  kind: 'product-code',
  key,
  title,
  explanation,
  temporary,
  next,
}));
