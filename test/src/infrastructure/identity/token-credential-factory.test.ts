import { strict as assert } from 'node:assert';
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import { createTokenCredential } from '../../../../src/infrastructure/identity/token-credential-factory';

describe('createTokenCredential', () => {
  it('asks for no token against the simulated tenant', () => {
    assert.equal(createTokenCredential({ kind: 'none' }), undefined);
  });

  it('builds the @azure/identity credential of the configured kind (nothing is requested yet)', () => {
    assert.ok(createTokenCredential({ kind: 'client-secret', tenantId: 't', clientId: 'c', clientSecret: 's' }) instanceof ClientSecretCredential);
    assert.ok(
      createTokenCredential({ kind: 'client-certificate', tenantId: 't', clientId: 'c', certificatePath: '/nonexistent.pem' }) instanceof
        ClientCertificateCredential,
    );
    assert.ok(createTokenCredential({ kind: 'managed-identity' }) instanceof ManagedIdentityCredential);
    assert.ok(createTokenCredential({ kind: 'managed-identity', clientId: 'mi' }) instanceof ManagedIdentityCredential);
  });
});
