/** `--shard i/n`: a stable split of the page groups for CI matrices; every locale of a page lands in the same shard. */
import { createHash } from 'node:crypto';
import { UsageError } from './config.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Read `i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard ${text}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/4`);
  return { index, count };
}

/** Whether the page `pageId` belongs to `shard`: a hash of the id, so adding a page never moves another. */
export function inShard(pageId: string, shard: Shard): boolean {
  const bucket = createHash('sha1').update(pageId).digest().readUInt32BE(0) % shard.count;
  return bucket === shard.index - 1;
}
