/**
 * The renderer's Content Security Policy, one definition for every host: the
 * browser host sends it as a header, Electron adds it to every response, and the
 * build writes it into index.html as a meta tag (the file:// case).
 * Inline styles are allowed because UI primitives position popovers with style
 * attributes and CodeMirror injects its theme as a style element; scripts are not.
 */
export function contentSecurityPolicy({ development = false }: { development?: boolean } = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    // Vite's dev server injects an inline React Refresh preamble and connects its HMR socket.
    'script-src': development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    // In development Vite's hot-reload socket runs on a port of its own.
    'connect-src': development ? ["'self'", 'ws://127.0.0.1:*'] : ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Headers sent with every browser-host response, on top of the CSP. */
export function securityHeaders(options: { development?: boolean } = {}): Record<string, string> {
  return {
    'Content-Security-Policy': `${contentSecurityPolicy(options)}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), payment=()',
  };
}

/**
 * Headers for the servers that answer programs, not pages (the emulator's API,
 * the webhook receiver): nothing they send may run, be framed or sniffed.
 */
export function apiSecurityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  };
}
