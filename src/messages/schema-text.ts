/** The schemas' titles and descriptions are written "中文 / English": the side of one language. */
export function schemaSide(text: string, side: 'zh' | 'en'): string {
  const parts = String(text).split(' / ');
  if (parts.length !== 2) return String(text);
  return (side === 'zh' ? parts[0] : parts[1])?.trim() ?? String(text);
}
