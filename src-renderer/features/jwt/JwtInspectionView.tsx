import type { JwtInspection } from '../../../src-shared/jwt-inspection';
import { JwtExpiry } from './JwtExpiry';

const signatureLabels = {
  verified: 'Signature verified',
  invalid: 'Signature does not match',
  'not-checked': 'Signature not checked',
  'key-unusable': 'Key cannot check this token',
} as const;

/** What the core read from the token: signature, expiry, missing Vonage claims, header and claims. */
export function JwtInspectionView({ inspection }: { inspection: JwtInspection }) {
  const { signature, missingVonageClaims } = inspection;
  return (
    <div className="jwt-result" data-testid="jwt-result">
      <section aria-labelledby="jwt-signature-title">
        <h3 id="jwt-signature-title">Signature</h3>
        <p
          className={`jwt-state jwt-signature-${signature.state}`}
          data-testid="jwt-signature-state"
          data-state={signature.state}
        >
          {signatureLabels[signature.state]}
        </p>
        <p className="muted" data-testid="jwt-signature-detail">
          {signature.state === 'not-checked'
            ? 'Choose a profile to check the signature against its key.'
            : signature.detail}
        </p>
      </section>
      <JwtExpiry expiry={inspection.expiry} />
      <section aria-labelledby="jwt-vonage-title">
        <h3 id="jwt-vonage-title">Vonage claims</h3>
        {missingVonageClaims.length === 0 ? (
          <p data-testid="jwt-vonage-claims-ok">Has every claim the Vonage API needs.</p>
        ) : (
          <div className="jwt-warning" data-testid="jwt-missing-claims">
            <p>Missing for the Vonage API:</p>
            <ul>
              {missingVonageClaims.map((claim) => (
                <li key={claim}>
                  <code>{claim}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <section aria-labelledby="jwt-header-title">
        <h3 id="jwt-header-title">Header</h3>
        <pre className="jwt-json" data-testid="jwt-header">
          {JSON.stringify(inspection.header, null, 2)}
        </pre>
      </section>
      <section aria-labelledby="jwt-claims-title">
        <h3 id="jwt-claims-title">Claims</h3>
        <pre className="jwt-json" data-testid="jwt-claims">
          {JSON.stringify(inspection.claims, null, 2)}
        </pre>
      </section>
    </div>
  );
}
