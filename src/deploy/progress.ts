import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../platform/files.js';

/**
 * What a rollout has done so far, written before and after every traffic change, so that a re-run
 * after the job was killed knows what it finds: `<dir>/<stage>.json` (the current rollout) and
 * `<dir>/history.jsonl` (one line per outcome: which image served which stage from when).
 */
export const progressRecordSchema = z.object({
  version: z.literal(1),
  stage: z.string(),
  image: z.string(),
  status: z.enum(['running', 'paused', 'promoted', 'rolled-back']),
  /** The step being analysed (running) or waiting for a re-run (paused). */
  stepIndex: z.number().int().min(0),
  weight: z.number().min(0).max(100),
  startedAt: z.string(),
  updatedAt: z.string(),
  deploymentId: z.number().int().optional(),
  stableImage: z.string().optional(),
});
export type ProgressRecord = z.infer<typeof progressRecordSchema>;

export const historyEventSchema = z.object({
  at: z.string(),
  stage: z.string(),
  image: z.string(),
  outcome: z.enum(['started', 'promoted', 'rolled-back', 'paused']),
  /** The image that served before (promoted) or kept serving (rolled back). */
  previous: z.string().optional(),
  model: z.object({ name: z.string(), version: z.string(), digest: z.string().optional() }).optional(),
  deploymentId: z.number().int().optional(),
  reason: z.string().optional(),
});
export type HistoryEvent = z.infer<typeof historyEventSchema>;

export class ProgressStore {
  constructor(readonly dir: string) {}

  private file(stage: string): string {
    return path.join(this.dir, `${stage}.json`);
  }

  async read(stage: string): Promise<ProgressRecord | undefined> {
    const text = await readFile(this.file(stage), 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    const parsed = progressRecordSchema.safeParse(JSON.parse(text) as unknown);
    // A record from an unknown version is not ours to trust; the provider's live state decides.
    return parsed.success ? parsed.data : undefined;
  }

  async write(record: ProgressRecord): Promise<void> {
    await writeFileAtomic(this.file(record.stage), `${JSON.stringify(record, null, 2)}\n`);
  }

  async append(event: HistoryEvent): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await appendFile(path.join(this.dir, 'history.jsonl'), `${JSON.stringify(event)}\n`);
  }

  async history(): Promise<HistoryEvent[]> {
    const text = await readFile(path.join(this.dir, 'history.jsonl'), 'utf8').catch(() => '');
    return readHistoryLines(text);
  }
}

export function readHistoryLines(text: string): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = historyEventSchema.safeParse(JSON.parse(line) as unknown);
      if (parsed.success) events.push(parsed.data);
    } catch {
      // A line cut short by a killed process: the others still count.
    }
  }
  return events;
}

/**
 * Which image served `stage` at time `at`: the last promotion at or before it. Rolled-back and
 * paused rollouts never took over, so they do not count.
 */
export function servingAt(events: readonly HistoryEvent[], stage: string, at: Date): HistoryEvent | undefined {
  let found: HistoryEvent | undefined;
  for (const e of events) {
    if (e.stage !== stage || e.outcome !== 'promoted') continue;
    const t = Date.parse(e.at);
    if (t <= at.getTime() && (!found || t >= Date.parse(found.at))) found = e;
  }
  return found;
}
