import type { Logger } from './logger.js';

/**
 * Paths kept in the Actions cache between runs (datasets, pip or model caches), through the real
 * @actions/cache client, loaded only when used. A cache that cannot be reached is a warning, never
 * a failed step: the run goes on without it.
 */
export interface CacheStore {
  /** Restores the newest entry for key, else for the first restore key that prefixes one; the matched key. */
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>;
  /** Saves the paths under key; false when it was not saved (already there, or being saved by another job). */
  save(paths: string[], key: string): Promise<boolean>;
}

export function actionsCacheStore(logger: Logger): CacheStore {
  return {
    async restore(paths, key, restoreKeys) {
      try {
        const cache = await import('@actions/cache');
        return (await cache.restoreCache(paths, key, restoreKeys)) ?? undefined;
      } catch (error) {
        logger.warning(`Could not restore the cache ${key}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    },
    async save(paths, key) {
      try {
        const cache = await import('@actions/cache');
        return (await cache.saveCache(paths, key)) !== -1;
      } catch (error) {
        logger.warning(`Could not save the cache ${key}: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      }
    },
  };
}
