/**
 * How to point the Vonage Node SDK at an emulator. Credentials come from the
 * VONAGE_* variables (the Emulator page's .env), so the same code runs against
 * the built-in emulator, `workbench emulator` started with the user's own
 * credentials, or Vonage once VONAGE_API_HOST is unset.
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
    '  },',
    `  { apiHost: process.env.VONAGE_API_HOST ?? '${baseUrl}' },`,
    ');',
    '',
    "await vonage.messages.send({ channel: 'sms', message_type: 'text', to: '447700900000', from: 'Workbench', text: 'Hi' });",
  ].join('\n');
}
