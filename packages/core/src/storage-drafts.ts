import type { DraftStore } from './adapters';
import type { Draft } from './types';
import { parseDraft } from './validate';

/** The part of the Web Storage API drafts need; `localStorage` fits, so drafts survive a reload (R8). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function createStorageDraftStore(storage: KeyValueStorage): DraftStore {
  return {
    async load(key) {
      const raw = storage.getItem(key);
      return raw === null ? null : parseDraft(JSON.parse(raw), 'storage draft');
    },
    async save(key, draft: Draft) {
      storage.setItem(key, JSON.stringify(draft));
    },
    async remove(key) {
      storage.removeItem(key);
    },
  };
}
