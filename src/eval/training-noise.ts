import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigurationError } from '../platform/errors.js';

/**
 * Reads train-check's variance file (`seeds:` runs): each metric's standard deviation across
 * training seeds, the noise of training itself.
 */
const varianceFileSchema = z.object({
  kind: z.literal('mlops-actions/training-variance'),
  version: z.literal(1),
  seeds: z.array(z.number()),
  metrics: z.record(z.string(), z.object({ std: z.number().nonnegative(), n: z.number().int().positive() }).loose()),
});

export async function readTrainingNoise(file: string, displayName: string): Promise<{ source: string; std: Record<string, number> }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigurationError(code === 'ENOENT' ? 'training-noise file not found' : 'the training-noise file is not JSON', {
      file: displayName,
      hint: 'Give the variance file train-check writes with `seeds:` (its output variance-path), e.g. from an artifact.',
    });
  }
  const result = varianceFileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigurationError(`the training-noise file is not a train-check variance file: ${issue.path.join('.') || '(top level)'}: ${issue.message}`, {
      file: displayName,
      hint: 'It is the JSON that train-check writes to variance-path when given several seeds.',
    });
  }
  const std: Record<string, number> = {};
  for (const [name, spread] of Object.entries(result.data.metrics)) std[name] = spread.std;
  return { source: displayName, std };
}
