/**
 * The request as code to paste elsewhere: a cURL command and a Node SDK
 * call. Credentials are always VONAGE_* environment variables, never values:
 * a snippet is shared, a secret must not be.
 */
import type { ApiVersion } from '../../../src-shared/messages';
import { shellQuote } from '../../../src-shared/shell-quote';

export interface SnippetRequest {
  api: ApiVersion;
  payload: unknown;
  /** The API's base URL, e.g. https://api.nexmo.com. */
  baseUrl: string;
}

export function curlSnippet({ api, payload, baseUrl }: SnippetRequest): string {
  const url = `${baseUrl.replace(/\/+$/, '')}/${api}/messages`;
  return [
    '# Basic auth with your API key and secret; for a JWT use instead:',
    '#   -H "Authorization: Bearer $VONAGE_JWT"',
    `curl -X POST ${shellQuote(url)} \\`,
    '  -u "$VONAGE_API_KEY:$VONAGE_API_SECRET" \\',
    "  -H 'Content-Type: application/json' \\",
    "  -H 'Accept: application/json' \\",
    `  -d ${shellQuote(JSON.stringify(payload, null, 2))}`,
  ].join('\n');
}

function indent(text: string, spaces: number): string {
  return text.replace(/\n/g, '\n' + ' '.repeat(spaces));
}

/** A @vonage/server-sdk call; the SDK speaks v1 only, so a v0.1 request says so and shows the v1 call. */
export function nodeSdkSnippet({ api, payload }: SnippetRequest): string {
  const lines = [
    "import { Auth } from '@vonage/auth';",
    "import { Vonage } from '@vonage/server-sdk';",
    '',
    'const vonage = new Vonage(',
    '  new Auth({',
    '    applicationId: process.env.VONAGE_APPLICATION_ID,',
    '    privateKey: process.env.VONAGE_PRIVATE_KEY_PATH,',
    '  }),',
    ');',
    '',
  ];
  if (api === 'v0.1')
    lines.push('// The Node SDK sends with the v1 API: convert this v0.1 request to v1 first (Version toggle).');
  lines.push(
    `const { messageUUID } = await vonage.messages.send(${indent(JSON.stringify(payload, null, 2), 0)});`,
    'console.log(messageUUID);',
  );
  return lines.join('\n');
}
