/**
 * How to point the Vonage Node SDK at an emulator. The built-in emulator's
 * secret and private key never leave the core, so the snippet names them as
 * VONAGE_* variables: the same code runs against `workbench emulator` started
 * with the user's own credentials, or against Vonage once `apiHost` is dropped.
 */
export function nodeSdkSnippet(baseUrl: string, apiKey: string, applicationId: string): string {
  return [
    "import { Vonage } from '@vonage/server-sdk';",
    '',
    'const vonage = new Vonage(',
    '  {',
    `    apiKey: process.env.VONAGE_API_KEY ?? '${apiKey}',`,
    '    apiSecret: process.env.VONAGE_API_SECRET,',
    `    applicationId: process.env.VONAGE_APPLICATION_ID ?? '${applicationId}',`,
    '    privateKey: process.env.VONAGE_PRIVATE_KEY_PATH,',
    '  },',
    `  { apiHost: '${baseUrl}' },`,
    ');',
    '',
    "await vonage.messages.send({ channel: 'sms', message_type: 'text', to: '447700900000', from: 'Workbench', text: 'Hi' });",
  ].join('\n');
}
