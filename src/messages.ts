/** The language of messages to the editor: Chinese when LANG starts with zh, English otherwise. */
// POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG.
const locale = process.env['LC_ALL'] || process.env['LC_MESSAGES'] || process.env['LANG'] || '';
export const lang: 'zh' | 'en' = locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';

/** Picks the English or the Chinese wording of a message according to `lang`. */
export function t(en: string, zh: string): string {
  return lang === 'zh' ? zh : en;
}
