/**
 * A deploy provider: the one small interface every traffic target implements. The rollout engine
 * (rollout.ts) drives it; it never decides anything itself.
 *
 * Every method is idempotent where it can be: a re-run after the job was killed calls `status`,
 * then `rollback` or `setWeight` again, and must converge. A user's mistake or an unreachable
 * target throws a ConfigurationError from `preflight`, before any traffic moves.
 */
export type ProviderKind = 'docker' | 'haproxy' | 'kubernetes' | 'command';

/** One stage of the plan as a provider sees it. */
export interface ProviderStage {
  /** The stage name (`staging`, `production`): also the GitHub environment. */
  name: string;
  /** The candidate image reference (or any version string for providers that run no image). */
  image: string;
}

/** Where the versions can be reached. */
export interface Endpoints {
  /** The candidate's own address, bypassing the traffic split: probes and its /metrics go here. */
  candidateUrl: string;
  /** The stable version's own address, for its /metrics; absent when there is no stable yet. */
  stableUrl?: string;
  /** Where users reach the service through the split: the environment URL. */
  publicUrl?: string;
}

export interface TrafficState {
  /** Percent of traffic on the candidate, 0–100 (0 when there is no candidate). */
  candidateWeight: number;
  /** A candidate is deployed (running, even at weight 0). */
  candidatePresent: boolean;
  /** A stable version serves; false on the very first rollout (there is nothing to compare with). */
  stablePresent?: boolean;
  /** What runs as stable, when the provider can tell (an image reference). */
  stableImage?: string;
  /** What runs as candidate, when the provider can tell. */
  candidateImage?: string;
}

export interface DeployProvider {
  readonly kind: ProviderKind;
  /**
   * Checks, before anything changes, that the target answers and the image exists: a
   * ConfigurationError saying what and how to fix it otherwise.
   */
  preflight(stage: ProviderStage): Promise<void>;
  /** Starts the candidate beside stable at weight 0; resolves once it is started. */
  deploy(stage: ProviderStage): Promise<Endpoints>;
  /** `percent` of the traffic to the candidate, the rest to stable. */
  setWeight(stage: ProviderStage, percent: number): Promise<void>;
  /** The live state of the target: the truth a re-run starts from. */
  status(stage: ProviderStage): Promise<TrafficState>;
  /** The candidate becomes stable at 100 %; the old stable is retired. */
  promote(stage: ProviderStage): Promise<void>;
  /** 100 % to stable; the candidate is removed. Safe to call when there is no candidate. */
  rollback(stage: ProviderStage): Promise<void>;
}
