import type { ErrorEntry, ProductCodeRow } from './entry';
import { collectionCodes } from './product-codes-collections';
import { credentialAndSendCodes } from './product-codes-credentials';
import { webhookTunnelAndEmulatorCodes } from './product-codes-webhooks';

/**
 * The product's own error codes (AppError.code), listed so the explainer can
 * show them like Vonage's. Add a row, in the file of its area, when a service
 * starts returning a new code. Here: the contract, its hosts and the data files.
 */
const contractAndHostCodes: ProductCodeRow[] = [
  [
    'PAYLOAD_INVALID',
    'Payload invalid',
    false,
    'The message payload failed validation; each problem is listed with its field.',
    'Fix the marked fields, or start from a catalog template.',
  ],
  [
    'INPUT_INVALID',
    'Input invalid',
    false,
    'A command or contract call got arguments it cannot use.',
    'Check the arguments against the command help.',
  ],
  [
    'METHOD_UNKNOWN',
    'Unknown method',
    false,
    'The contract has no method of that name (the app and its host disagree).',
    'Update both sides to the same version.',
  ],
  [
    'INTERNAL',
    'Internal error',
    false,
    'A bug in the workbench; the stack was logged.',
    'Report it with the log; retrying rarely helps.',
  ],
  [
    'CONVERSION_UNSUPPORTED',
    'No counterpart in the other version',
    false,
    'The message has no equivalent in the target API version (e.g. RCS in v0.1, a Viber template in v1).',
    'Keep the message in its version, or pick a type both versions have.',
  ],
  [
    'CONNECTION_LOST',
    'Connection lost',
    true,
    'The page lost its connection to the workbench while a call was under way.',
    'It reconnects by itself; try again in a moment.',
  ],
  [
    'CALL_TIMEOUT',
    'No answer in time',
    true,
    'The workbench did not answer a call in time.',
    'Check that the workbench is still running, then retry.',
  ],
  [
    'FRAME_NOT_JSON',
    'Socket frame not JSON',
    false,
    'A frame on the contract socket was not JSON, so no call could be read from it.',
    'Send each call as one JSON text frame.',
  ],
  [
    'FRAME_NOT_A_CALL',
    'Socket frame not a call',
    false,
    'A JSON frame on the contract socket lacked the type "call", a whole-number id or a method name.',
    'Send {"type":"call","id":N,"method":"…","input":{…}}.',
  ],
  [
    'FRAME_NOT_TEXT',
    'Binary socket frame',
    false,
    'The contract socket carries text frames only; a binary frame was refused.',
    'Send each call as a UTF-8 text frame.',
  ],
  [
    'FRAME_NOT_UTF8',
    'Socket frame not UTF-8',
    false,
    'A text frame on the contract socket held bytes that are not UTF-8; the socket was closed (code 1007).',
    'Encode frames as UTF-8 and reconnect.',
  ],
  [
    'TOKEN_UNSAFE',
    'Token has unsafe characters',
    false,
    'The access token given in WORKBENCH_TOKEN holds characters other than A-Z, a-z, 0-9, - and _, or is too long.',
    'Leave WORKBENCH_TOKEN unset for a random token, or use 32 random bytes in base64url.',
  ],
  [
    'TOKEN_WEAK',
    'Token too weak',
    false,
    'The access token given in WORKBENCH_TOKEN carries fewer than 128 random bits, so a web page could guess it.',
    'Leave WORKBENCH_TOKEN unset for a random token, or use 32 random bytes in base64url.',
  ],
  [
    'SETTINGS_FILE_CORRUPT',
    'Settings file unreadable',
    false,
    'settings.json in the data folder is not valid; the defaults are used and the file is left as it is.',
    'Fix or move the file named in the message; saving settings replaces it.',
  ],
  [
    'DRAFTS_FILE_CORRUPT',
    'Drafts file unreadable',
    false,
    'drafts.json in the data folder is not valid; it was left untouched.',
    'Fix or move the file named in the message; the builder starts from a template meanwhile.',
  ],
  [
    'HOST_CANNOT_REVEAL',
    'Not in the desktop app',
    false,
    'Showing a file in the OS file manager needs the desktop app; the browser host cannot.',
    'Open the path given in the message yourself.',
  ],
  [
    'HOST_CANNOT_SAVE',
    'Not in the desktop app',
    false,
    'Asking where to save a file needs the desktop app\u2019s native dialog; the browser host cannot.',
    'Export as a download in the browser, or run `workbench events > file.ndjson` in a terminal.',
  ],
  [
    'HOST_CANNOT_CHOOSE_FOLDER',
    'Not in the desktop app',
    false,
    'The native folder dialog exists only in the desktop app; in a browser the page lists folders itself.',
    'Browse the folders in the page, or type the path.',
  ],
  [
    'HOST_CANNOT_DOWNLOAD',
    'Not in the browser host',
    false,
    'Only the browser host serves downloads; the desktop app and the CLI write files instead.',
    'Export to a file in the desktop app, or run `workbench events > file.ndjson` in a terminal.',
  ],
  [
    'EXPORT_NOT_WRITTEN',
    'Export not written',
    false,
    'The chosen file could not be created or completed (permissions, a full disk); nothing was left half-written in its place.',
    'Choose a folder you can write to, with room to spare, and export again.',
  ],
  [
    'EXPORT_INTERRUPTED',
    'Export interrupted',
    true,
    'The export stopped part-way: the file could not take more, or the download was cancelled or cut off.',
    'Export again; check the disk has room and let the download finish.',
  ],
  [
    'DOWNLOAD_UNKNOWN',
    'No such download',
    false,
    'No download waits under this link: the ticket in it was never issued by this run of the app.',
    'Start the export from the app; each link works once, within a minute.',
  ],
  [
    'DOWNLOAD_USED',
    'Download link used',
    false,
    'Each download link works once, so a link seen in a history or log is worth nothing; this one has been used.',
    'Export again for a new link.',
  ],
  [
    'DOWNLOAD_EXPIRED',
    'Download link expired',
    true,
    'A download link lapses a minute after it is made if the browser has not started it.',
    'Export again; if it keeps lapsing, check the browser allows downloads from this page.',
  ],
];

export const productCodeEntries: ErrorEntry[] = [
  ...contractAndHostCodes,
  ...credentialAndSendCodes,
  ...webhookTunnelAndEmulatorCodes,
  ...collectionCodes,
].map(([key, title, temporary, explanation, next]) => ({
  kind: 'product-code',
  key,
  title,
  explanation,
  temporary,
  next,
}));
