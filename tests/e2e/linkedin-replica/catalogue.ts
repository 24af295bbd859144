// The replica renders exactly the pages the extension's catalogue names, so a new catalogue record
// shows up here without edits. Only the fields the replica reads are typed here, so a test can hand
// it settings of its own.
import { SETTINGS } from '../../../src/catalogue/settings.ts';

export interface LabelSet {
  heading?: readonly string[];
  switch?: readonly string[];
}

export interface CatalogueSetting {
  id: string;
  url: string;
  hooks: readonly { kind: 'aria-labelledby' | 'id'; value: string }[];
  labels: Readonly<Record<string, LabelSet | undefined>>;
}

export const loadCatalogue = (): Promise<readonly CatalogueSetting[]> => Promise.resolve(SETTINGS);
