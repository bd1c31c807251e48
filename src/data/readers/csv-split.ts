import { open } from 'node:fs/promises';

/**
 * One CSV file read by two threads at once. The head reader reads from the start and publishes how
 * far it has got; a helper that has nothing else to do picks a record boundary a little over
 * halfway through what is left, asks the head to stop there, and reads from there to the end.
 *
 * The helper's boundary is naive: the byte after a newline, which is a record boundary unless the
 * newline is inside a quoted field. So the head checks it: the head stops only if a record of its
 * own starts exactly there. When a quoted field spans the boundary (or the head has already passed
 * it), the head reads on to the end of the file and the helper's part is not used: the result is
 * the same as a single reader's either way.
 *
 * Lines in the helper's part are counted from 1 at the boundary; the head knows the line it stopped
 * at, and adds it to every line the helper reports.
 */
export class SplitControl {
  private readonly words: BigInt64Array;

  /** `shared`: the same memory on both threads (new when not given). */
  constructor(readonly shared: SharedArrayBuffer = new SharedArrayBuffer(2 * 8)) {
    this.words = new BigInt64Array(shared);
  }

  /** The head: the file offset of the next record it will read. */
  publishPosition(offset: number): void {
    Atomics.store(this.words, 0, BigInt(offset));
  }

  position(): number {
    return Number(Atomics.load(this.words, 0));
  }

  /** Where the head is to stop (a file offset), or -1. */
  stopAt(): number {
    // Stored plus one, so that the zeroed memory means none.
    return Number(Atomics.load(this.words, 1)) - 1;
  }

  setStopAt(offset: number): void {
    Atomics.store(this.words, 1, BigInt(offset + 1));
  }
}

/** A file smaller than this is read by one reader: a second one would not pay for its start. */
export const SPLIT_MIN_BYTES = 16 << 20;
/**
 * The share of what is left that the helper takes. A bit under half: measured on the benchmark, the
 * helper reads its part about a fifth slower than the head reads the same bytes (its compiled code
 * comes from reading the reference), and the head then adds the helper's results to its own.
 */
export const TAIL_SHARE = 0.45;
/** A part smaller than this is not worth a second reader. */
export const SPLIT_MIN_TAIL_BYTES = 4 << 20;

/**
 * The helper's side: a naive record boundary (the byte after a newline) that leaves the helper a
 * little under half (TAIL_SHARE) of what lies between the head's position and the end of the
 * file, published for the head to stop at; or -1 when what is left is too small to share.
 * `minTail` is for tests.
 */
export async function claimTail(path: string, size: number, control: SplitControl, minTail = SPLIT_MIN_TAIL_BYTES): Promise<number> {
  const from = control.position();
  const split = size - Math.floor((size - from) * TAIL_SHARE);
  if (size - split < minTail) return -1;
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(64 << 10);
    for (let at = split - 1; at < size; at += chunk.length) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
      if (bytesRead === 0) break;
      const lf = chunk.subarray(0, bytesRead).indexOf(10);
      if (lf >= 0) {
        const boundary = at + lf + 1;
        if (size - boundary < minTail / 2) return -1;
        control.setStopAt(boundary);
        return boundary;
      }
    }
    return -1;
  } finally {
    await handle.close();
  }
}
