import type { AppError } from '../../src-shared/result';

const tlsCodes = new Set([
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const timeoutCodes = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

function errorCode(error: unknown): string {
  const seen = error as { code?: unknown; cause?: unknown };
  if (typeof seen?.code === 'string') return seen.code;
  return seen?.cause ? errorCode(seen.cause) : '';
}

/**
 * Names why a request got no answer. The message carries the error code and
 * the host, never headers, so no credential can end up in it.
 */
export function describeNetworkFailure(error: unknown, url: URL, timeoutMs: number): AppError {
  const code = errorCode(error);
  const where = url.host;
  if (code === 'ECONNREFUSED') {
    return {
      code: 'NETWORK_REFUSED',
      message: `${where} refused the connection (ECONNREFUSED).`,
      hint: 'Nothing listens there: start the emulator or server, or check the port in the profile target.',
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') {
    return {
      code: 'NETWORK_DNS',
      message: `The host name ${url.hostname} could not be resolved (${code}).`,
      hint: 'Check the spelling of the host in the base URL, and your network or VPN.',
    };
  }
  if (tlsCodes.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return {
      code: 'NETWORK_TLS',
      message: `The TLS handshake with ${where} failed (${code}).`,
      hint: 'If the server speaks plain HTTP use an http:// base URL; otherwise check its certificate.',
    };
  }
  if (timeoutCodes.has(code)) {
    return {
      code: 'NETWORK_TIMEOUT',
      message: `${where} did not answer within ${timeoutMs} ms (${code}).`,
      hint: 'The server may be overloaded or unreachable through a firewall; try again or raise the timeout.',
    };
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return {
      code: 'NETWORK_RESET',
      message: `${where} closed the connection before answering (${code}).`,
      hint: 'The server dropped the request; check its logs, or whether the port expects TLS.',
    };
  }
  return {
    code: 'NETWORK_FAILED',
    message: `The request to ${where} failed (${code || 'unknown error'}).`,
    hint: 'Check the base URL and your network, then try again.',
  };
}
