// The search index (see domain/sidebar/searchIndex.ts) in a document property: written by a refresh
// when it changed, read by every search with the state (no call of its own).
import { readSearchIndex, storedIndex, type SearchIndex } from '../../domain/sidebar/searchIndex';
import { documentStore } from '../core/documentState';

const KEY = 'sheetsCrm.searchIndex';

export function storedSearchIndex(properties: Record<string, string>): SearchIndex | null {
  return readSearchIndex(properties[KEY]);
}

/** Stores the index unless the property already holds it (one call when it changed, none else). */
export function saveSearchIndex(properties: Record<string, string>, index: SearchIndex): void {
  const value = storedIndex(index);
  if (properties[KEY] !== value) documentStore().setProperty(KEY, value);
}
