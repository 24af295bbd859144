/**
 * A queue that runs tasks one at a time, in the order given. Each caller gets its own task's
 * result or failure; the next task waits only for the previous one to settle, either way.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = last.then(task);
    last = Promise.allSettled([result]);
    return result;
  };
}
