/**
 * The cover (刊头): masthead title, publisher and issue line over a double rule, and the
 * editorial board with names in equal cells so they never split and line up (R29).
 */
import type { Masthead } from '../document/types';
import type { FontSet } from '../text/fonts';
import type { Typography } from '../settings';
import { lineBoxes } from './blocks';
import type { PageStyle } from './page-style';
import { moveLine, type SetLine, setSingleLine } from './paragraph';
import type { SourceLocation } from '../errors';
import type { LayoutProblems } from './problems';
import type { Box, StructureTag } from './types';

/** Boxes of the cover page, in page coordinates (left = the text area's left edge on a recto). */
export function layoutCover(masthead: Masthead, style: PageStyle, fonts: FontSet, typography: Typography, problems?: LayoutProblems): Box[] {
  // Where each field is written, so a character no font has is reported at its own place.
  const at = (source: SourceLocation | undefined) => (source && problems ? { source, problems } : undefined);
  const from = masthead.sources;
  const left = style.innerMargin;
  const width = style.textWidth;
  const boxes: Box[] = [];
  // Each line of the masthead, and each row of the board (label and names), is a paragraph of the
  // cover's Sect in the e-mail copy's structure; the rules are artifacts.
  const part = (id: string): StructureTag => ({ role: 'P', id: `cover/${id}`, group: 'cover' });
  const centred = (text: string, source: SourceLocation | undefined, font: 'sansBold' | 'serif' | 'serifBold' | 'kai', size: number, baseline: number, ink: 'text' | 'accent' = 'text', spread = 0) => {
    const line = spreadLine(setSingleLine(text, font, size, fonts, typography, at(source)), spread * size);
    boxes.push(...lineBoxes(moveLine(line, left + (width - line.right) / 2), baseline, size, ink, part(`line${boxes.length}`)).map((box) => (source ? { ...box, source } : box)));
  };
  const s = style.sizes;
  let y = style.textTop + s.mastheadTitle * 1.2;
  // The masthead title is spread a little, as mastheads are (R29 "short headings may be spread").
  centred(masthead.title, from?.title, 'sansBold', s.mastheadTitle * 1.5, y + s.mastheadTitle, 'accent', 0.12);
  y += s.mastheadTitle * 2.4;
  centred(masthead.publisher, from?.publisher, 'serif', s.mastheadSub, y);
  y += s.mastheadSub * 1.7;
  centred(masthead.issueLine, from?.issueLine, 'serif', 14, y);
  y += 14;
  boxes.push({ kind: 'rule', x1: left, y1: y, x2: left + width, y2: y, thickness: 1.5, ink: 'accent' });
  boxes.push({ kind: 'rule', x1: left, y1: y + 3, x2: left + width, y2: y + 3, thickness: 0.5, ink: 'accent' });

  // The board block sits at the foot of the text area.
  const size = s.board;
  const pitch = size * 1.75;
  const cell = 4 * size; // a 3-em name plus a 1-em gap
  const labelWidth = 5 * size;
  const perLine = Math.floor((width - labelWidth) / cell);
  const rows = masthead.boardRows.map((row) => ({ ...row, lines: Math.max(1, Math.ceil(row.names.length / perLine)) }));
  const totalLines = 2 + rows.reduce((n, r) => n + r.lines, 0) + 2;
  const bottom = style.textTop + (style.linesPerPage - 1) * style.pitch + style.em;
  let baseline = bottom - (totalLines - 1) * pitch;
  boxes.push({ kind: 'rule', x1: left, y1: baseline - pitch * 1.2, x2: left + width, y2: baseline - pitch * 1.2, thickness: 0.5, ink: 'rule' });
  centred(masthead.boardHeading, from?.boardHeading, 'sansBold', size * 1.15, baseline);
  baseline += pitch * 1.5;
  const label = (text: string, y0: number, tag: StructureTag) => boxes.push(...lineBoxes(moveLine(setSingleLine(text, 'sansBold', size, fonts, typography), left), y0, size, 'text', tag));
  rows.forEach((row, r) => {
    const tag = part(`row${r}`);
    label(`${row.label}：`, baseline, tag);
    if (row.note) {
      const note = setSingleLine(`（${row.note}）`, 'serif', size, fonts, typography, at(from?.membersNote));
      boxes.push(...lineBoxes(moveLine(note, left + labelWidth - size * 0.5 - 0), baseline, size, 'text', tag));
      baseline += pitch;
    }
    row.names.forEach((name, k) => {
      const column = k % perLine;
      if (k > 0 && column === 0) baseline += pitch;
      boxes.push(...nameInCell(name, left + labelWidth + column * cell, baseline, tag, row.nameSources?.[k]));
    });
    baseline += pitch;
  });
  const editor = part('editor');
  label(`${masthead.editorLabel}：`, baseline, editor);
  boxes.push(...nameInCell(masthead.editor, left + labelWidth, baseline, editor, from?.editor));
  baseline += pitch;
  const contact = part('contact');
  label(`${masthead.contactLabel}：`, baseline, contact);
  boxes.push(...lineBoxes(moveLine(setSingleLine(masthead.email, 'serif', size, fonts, typography, at(from?.email)), left + labelWidth), baseline, size, 'text', contact));
  return boxes;

  /** Adds `extra` points after every glyph but the last: spacing by position, not by inserted spaces. */
  function spreadLine(line: SetLine, extra: number): SetLine {
    if (extra === 0) return line;
    let k = 0;
    const runs = line.runs.map((run) => ({ ...run, xs: run.xs.map((x) => x + extra * k++) }));
    const added = extra * Math.max(0, k - 1);
    return { ...line, runs: runs.map((run) => ({ ...run, end: run.end + added })), right: line.right + added };
  }

  /** A name spread over a 3-em cell: 2-character names become 陈　洁 (R29). */
  function nameInCell(name: string, x: number, y0: number, tag: StructureTag, source?: SourceLocation): Box[] {
    const chars = Array.from(name);
    const line = setSingleLine(name, 'serif', size, fonts, typography, at(source));
    if (chars.length !== 2) return lineBoxes(moveLine(line, x), y0, size, 'text', tag);
    // Spread: first character at 0, second at 2 em; the gap stays inside the first glyph's advance.
    // Counted across runs: a rare character from a fallback font is a run of its own.
    let i = 0;
    const runs = line.runs.map((run, r) => {
      const xs = run.xs.map(() => x + i++ * 2 * size);
      return { ...run, xs, end: r === line.runs.length - 1 ? x + 3 * size : x + i * 2 * size };
    });
    return [{ kind: 'text', x: 0, y: y0, runs, ink: 'text', tag }];
  }
}
