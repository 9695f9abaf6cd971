/**
 * The character tests the lint rules share, from the one script table (text/script.ts).
 * "Chinese context" (TYPOGRAPHY R4) is a Han character or a CJK / full-width punctuation mark
 * next to the character in question; the em dash is not ("2023—2027" is a digit range).
 */
export { isChineseContext as isCjk, isHan, isLatinWord } from '../text/script';

export { charAt, charBefore } from '../text/code-points';
