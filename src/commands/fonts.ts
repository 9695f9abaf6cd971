/**
 * `bulletin fonts [<issue>]`: the four fonts of the series and its fallback fonts, what each covers (by the blocks a
 * Chinese bulletin uses), and — for an issue — the characters of its files that no font has,
 * each with where it first appears. `check` says which font lacks a character it needs; this
 * answers the editor's question before that: "can we print this name at all?"
 */
import { loadFonts } from '../build';
import { loadIssue } from '../document/load';
import { say } from '../messages';
import { resolveSettings } from '../settings';
import { FONT_ROLES, type FontSet, type LoadedFont } from '../text/fonts';

/** The ranges an editor recognises, in the order they matter to a Chinese bulletin. */
const BLOCKS: readonly { readonly name: string; readonly from: number; readonly to: number }[] = [
  { name: 'CJK ideographs', from: 0x4e00, to: 0x9fff },
  { name: 'CJK Extension A', from: 0x3400, to: 0x4dbf },
  { name: 'CJK Extension B', from: 0x20000, to: 0x2a6df },
  { name: 'CJK Extensions C–F', from: 0x2a700, to: 0x2ebef },
  { name: 'CJK punctuation', from: 0x3000, to: 0x303f },
  { name: 'full-width forms', from: 0xff00, to: 0xffef },
  { name: 'Latin (ASCII)', from: 0x20, to: 0x7e },
  { name: 'general punctuation', from: 0x2000, to: 0x206f },
];

export interface FontCoverage {
  readonly role: string;
  readonly file: string;
  readonly name: string;
  readonly glyphs: number;
  readonly blocks: readonly { readonly name: string; readonly covered: number; readonly size: number }[];
}

export interface MissingCharacter {
  readonly char: string;
  readonly code: string;
  /** file:line:column of its first appearance. */
  readonly where: string;
  readonly count: number;
}

/** Coverage of each font, and the issue's characters that none of them has. */
export async function fontReport(root: string, issueId: string): Promise<{ fonts: FontCoverage[]; missing: MissingCharacter[] }> {
  const loaded = await loadIssue(root, issueId);
  const fonts = await loadFonts(root, resolveSettings(loaded.series, loaded.locateInSeries).fonts, loaded.locateInSeries);
  return { fonts: coverage(fonts), missing: missingCharacters(fonts, loaded.sources) };
}

/** The four faces and the fallback fonts (fonts.fallback), each with its key. */
function allFonts(fonts: FontSet): [string, LoadedFont][] {
  return [...FONT_ROLES.map((role): [string, LoadedFont] => [role, fonts[role]]), ...fonts.fallbacks.map((font, k): [string, LoadedFont] => [`fallback${k}`, font])];
}

function coverage(fonts: FontSet): FontCoverage[] {
  return allFonts(fonts).map(([role, font]) => {
    const set = new Set(font.font.characterSet);
    const blocks = BLOCKS.map((b) => {
      let covered = 0;
      for (let cp = b.from; cp <= b.to; cp++) if (set.has(cp)) covered++;
      return { name: say('fonts.block-name', { name: b.name }), covered, size: b.to - b.from + 1 };
    });
    return { role, file: font.path, name: font.font.fullName ?? font.postscriptName, glyphs: font.font.numGlyphs, blocks };
  });
}

function missingCharacters(fonts: FontSet, sources: ReadonlyMap<string, string>): MissingCharacter[] {
  const missing = new Map<string, { where: string; count: number }>();
  const known = new Set<string>();
  for (const [file, text] of sources) {
    text.split('\n').forEach((line, i) => {
      let column = 0;
      for (const ch of line) {
        column++;
        const cp = ch.codePointAt(0) ?? 0;
        if (cp < 0x20 || cp === 0xfeff || known.has(ch)) continue;
        const entry = missing.get(ch);
        if (entry) entry.count++;
        else if (allFonts(fonts).some(([, font]) => font.font.hasGlyphForCodePoint(cp))) known.add(ch);
        else missing.set(ch, { where: `${file}:${i + 1}:${column}`, count: 1 });
      }
    });
  }
  return [...missing].map(([char, m]) => ({ char, code: `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`, ...m }));
}

/** What `bulletin fonts` prints. */
export function formatFontReport(issueId: string, report: { fonts: FontCoverage[]; missing: MissingCharacter[] }): string {
  const out: string[] = [];
  for (const f of report.fonts) {
    out.push(`${f.role.padEnd(10)} ${f.file}  (${f.name}, ${f.glyphs} ${say('fonts.list.glyphs')})`);
    for (const b of f.blocks) if (b.covered > 0) out.push(`    ${b.name}: ${b.covered}/${b.size}`);
  }
  if (report.missing.length === 0) {
    out.push(say('fonts.coverage.complete', { issueId }));
  } else {
    out.push(say('fonts.coverage.missing', { issueId, missingCount: report.missing.length }));
    for (const m of report.missing) out.push(`  ${m.where}: “${m.char}” ${m.code}${m.count > 1 ? say('fonts.coverage.count', { count: m.count }) : ''}`);
  }
  return `${out.join('\n')}\n`;
}
