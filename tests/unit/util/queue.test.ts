import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../../src/util/queue';
import { sleep } from '../../../src/util/sleep';

describe('serialQueue', () => {
  it('runs tasks one at a time, in the order given', async () => {
    const enqueue = serialQueue();
    const seen: string[] = [];
    const task = (name: string, ms: number) => () => {
      seen.push(`${name} start`);
      return sleep(ms).then(() => {
        seen.push(`${name} end`);
        return name;
      });
    };
    const results = await Promise.all([enqueue(task('a', 20)), enqueue(task('b', 0)), enqueue(task('c', 5))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(seen).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('hands a failure to its own caller and goes on with the next task', async () => {
    const enqueue = serialQueue();
    const failed = enqueue(() => Promise.reject(new Error('quota')));
    const next = enqueue(() => Promise.resolve('next'));
    await expect(failed).rejects.toThrow('quota');
    await expect(next).resolves.toBe('next');
  });
});
