// Tags as the list filters and bulk actions compare them: trimmed, lower case, no repeats, at most 20 of 50
// characters each. "VIP", " vip" and "vip" are one tag.
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;

export function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase().slice(0, MAX_TAG_LENGTH);
}

export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normaliseTag).filter((t) => t !== ''))].slice(0, MAX_TAGS);
}
