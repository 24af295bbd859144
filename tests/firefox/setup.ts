import { afterEach } from 'vitest';
import { cleanup } from './harness';

// Nothing outlives its test: browsers, proxies, replicas and profile directories.
afterEach(cleanup);
