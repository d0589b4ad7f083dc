import { SignJWT, importPKCS8 } from 'jose';
import { expect, test } from '@playwright/test';
import { generateApplicationKeys } from '../support/keyring-fixtures';
import { startKeyringSession, type KeyringSession } from '../support/keyring-session';
import { startServe, type ServeProcess } from '../support/serve-process';
import { jwtPage } from './pages/jwt';
import { settingsPage } from './pages/settings';

const applicationId = 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab';
const keys = generateApplicationKeys();

let session: KeyringSession;
let serve: ServeProcess;

async function signToken(claims: Record<string, unknown>, expiresIn = '10m'): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(await importPKCS8(keys.privateKeyPem, 'RS256'));
}

/** The same token with one claim changed and the signature kept: what tampering looks like. */
function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  const forged = Buffer.from(
    JSON.stringify({ ...claims, application_id: 'ffffffff-bbbb-4ccc-8ddd-0123456789ab' }),
  ).toString('base64url');
  return [header, forged, signature].join('.');
}

test.beforeAll(async () => {
  session = await startKeyringSession();
});

test.afterAll(async () => {
  await session.stop();
});

test.beforeEach(async ({ page }) => {
  serve = await startServe({ env: { ...session.env } });
  await page.goto(`${serve.url}#/settings`);
  await settingsPage(page).createProfile({
    name: 'Signer',
    applicationId,
    privateKeyFile: { name: 'private.key', text: keys.privateKeyPem },
  });
  await jwtPage(page).nav.click();
});

test.afterEach(async () => {
  expect(await serve.stop()).toBe(0);
});

test("verifies a token signed with the profile's key, with its claims and a live countdown", async ({ page }) => {
  const ui = jwtPage(page);
  await ui.token.fill(await signToken({ application_id: applicationId, jti: 'e2e-1' }));
  await ui.profile.selectOption({ label: 'Signer' });
  await ui.inspect.click();
  await expect(ui.signatureState).toHaveAttribute('data-state', 'verified');
  await expect(ui.expiryState).toHaveAttribute('data-state', 'valid');
  await expect(ui.vonageClaimsOk).toBeVisible();
  await expect(ui.header).toContainText('"alg": "RS256"');
  await expect(ui.claims).toContainText(`"application_id": "${applicationId}"`);
  const firstCountdown = await ui.countdown.textContent();
  expect(firstCountdown).toMatch(/left$/);
  await expect(ui.countdown).not.toHaveText(firstCountdown!);
});

test('flags a tampered token, a token without Vonage claims, and an expired one', async ({ page }) => {
  const ui = jwtPage(page);
  await ui.profile.selectOption({ label: 'Signer' });
  await ui.token.fill(tamper(await signToken({ application_id: applicationId, jti: 'e2e-2' })));
  await ui.inspect.click();
  await expect(ui.signatureState).toHaveAttribute('data-state', 'invalid');

  await ui.token.fill(await signToken({ sub: 'someone' }));
  // Ctrl+Enter inspects from inside the text area.
  await ui.token.press('Control+Enter');
  await expect(ui.signatureState).toHaveAttribute('data-state', 'verified');
  await expect(ui.missingClaims).toContainText('application_id');
  await expect(ui.missingClaims).toContainText('jti');

  await ui.token.fill(await signToken({ application_id: applicationId, jti: 'e2e-3' }, '-1m'));
  await ui.inspect.click();
  await expect(ui.expiryState).toHaveAttribute('data-state', 'expired');
  await expect(ui.countdown).toHaveText(/ago$/);
});

test('decodes without checking when no profile is chosen, and names a malformed token', async ({ page }) => {
  const ui = jwtPage(page);
  await ui.token.fill(await signToken({ application_id: applicationId, jti: 'e2e-4' }));
  await ui.inspect.click();
  await expect(ui.signatureState).toHaveAttribute('data-state', 'not-checked');

  await ui.token.fill('not.a-token');
  await ui.inspect.click();
  await expect(ui.error).toHaveAttribute('data-code', 'JWT_MALFORMED');
  await expect(ui.result).toBeHidden();

  await ui.clear.click();
  await expect(ui.token).toHaveValue('');
  await expect(ui.error).toBeHidden();
});
