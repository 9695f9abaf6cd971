/** The language of messages to the editor: Chinese when LANG starts with zh, English otherwise. */
export const lang: 'zh' | 'en' = (process.env['LANG'] ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';

/** Picks the English or the Chinese wording of a message according to `lang`. */
export function t(en: string, zh: string): string {
  return lang === 'zh' ? zh : en;
}
