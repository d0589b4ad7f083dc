import type { Page } from '@playwright/test';

/** Locators of the JWT inspector page, in one place. */
export function jwtPage(page: Page) {
  return {
    nav: page.getByTestId('nav-jwt'),
    token: page.getByTestId('jwt-token'),
    profile: page.getByTestId('jwt-profile'),
    inspect: page.getByTestId('jwt-inspect'),
    clear: page.getByTestId('jwt-clear'),
    error: page.getByTestId('jwt-error'),
    result: page.getByTestId('jwt-result'),
    signatureState: page.getByTestId('jwt-signature-state'),
    signatureDetail: page.getByTestId('jwt-signature-detail'),
    expiryState: page.getByTestId('jwt-expiry-state'),
    countdown: page.getByTestId('jwt-expiry-countdown'),
    missingClaims: page.getByTestId('jwt-missing-claims'),
    vonageClaimsOk: page.getByTestId('jwt-vonage-claims-ok'),
    header: page.getByTestId('jwt-header'),
    claims: page.getByTestId('jwt-claims'),
  };
}
