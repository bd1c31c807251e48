import type { RunEnvironment } from './environment.js';
import { describeApiError } from './github.js';

/**
 * Build-provenance attestations (SLSA provenance signed through Sigstore and stored with GitHub)
 * through the real @actions/attest client, loaded only when used. Without the permissions for it
 * the step goes on: the result says why nothing was signed.
 */
export interface AttestationSubject {
  name: string;
  sha256: string;
}

export type Attestation = { status: 'created'; id?: string; url?: string; transparencyLogId?: string } | { status: 'skipped'; reason: string };

export async function attestProvenance(subject: AttestationSubject, run: RunEnvironment, token: string | undefined): Promise<Attestation> {
  if (!run.idTokenAvailable) {
    return { status: 'skipped', reason: 'the job cannot request an OIDC token: add `id-token: write` and `attestations: write` to its permissions' };
  }
  if (!token) return { status: 'skipped', reason: 'no token to store the attestation with (github-token)' };
  try {
    const { attestProvenance: attest } = await import('@actions/attest');
    const result = await attest({
      subjects: [{ name: subject.name, digest: { sha256: subject.sha256 } }],
      token,
      // Public repositories sign with the public-good Sigstore (its log is public); others with GitHub's.
      sigstore: run.repositoryPrivate === false ? 'public-good' : 'github',
    });
    const url =
      result.attestationID && run.repository ? `${run.serverUrl}/${run.repository.owner}/${run.repository.repo}/attestations/${result.attestationID}` : undefined;
    return { status: 'created', id: result.attestationID, url, transparencyLogId: result.tlogID };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 403 || status === 401) return { status: 'skipped', reason: `the token may not write attestations (add \`attestations: write\`): ${describeApiError(error)}` };
    return { status: 'skipped', reason: `signing failed: ${describeApiError(error)}` };
  }
}
