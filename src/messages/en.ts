/** English wording of every message, by code; the params each code takes are declared here. */
import type { ForbiddenReason } from '../characters';
import type { Phrase } from './phrases';
import { schemaSide } from './schema-text';

// JSON schema type names, as the editor knows them.
const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  null: 'empty',
};

// Why a character cannot be printed (characters.ts).
function forbidden(p: ForbiddenReason): string {
  const words = {
    control: `a control character${p.name === '' ? '' : ` (${p.name})`}`,
    surrogate: 'half of a surrogate pair (not a character)',
    'non-character': 'a non-character',
    'beyond-unicode': 'beyond the last Unicode character (U+10FFFF)',
    nul: 'the NUL character',
  };
  return words[p.reason] ?? String(p.reason);
}

// Words inside other messages (phrases.ts); anything else (template syntax) is shown as it is.
const phrase = (name: Phrase | string): string => PHRASES[name as Phrase] ?? String(name);
// The phrases themselves.
const PHRASES: Readonly<Record<Phrase, string>> = {
  'frames.text-block': 'text block',
  'frames.header-band': 'header band',
  'frames.footer-band': 'footer band',
  'frames.trimmed-page': 'trimmed page',
  'frames.line': 'the line',
  'frames.picture': 'the picture',
  'frames.rule': 'a rule',
  'frames.mark': 'a mark',
  'document.sub-expression': 'a sub-expression (…)',
  'document.literal-value': 'a literal value',
  'document.partial': 'a partial {{> …}}',
  'lint.numeral': 'the numeral "一"',
  'lint.full-width-hyphen': 'the full-width hyphen "－"',
};

// Invisible characters pasted text carries (paste.ts), by code point.
const INVISIBLE_NAMES: Readonly<Record<string, string>> = {
  'U+00AD': 'soft hyphen',
  'U+200B': 'zero-width space',
  'U+200C': 'zero-width non-joiner',
  'U+200D': 'zero-width joiner',
  'U+2060': 'word joiner',
  'U+FEFF': 'byte order mark',
};
const invisible = (codePoint: string): string => `${INVISIBLE_NAMES[codePoint] ?? 'invisible control'} ${codePoint}`;

export const en = {
  'diagnostic.warning-prefix': () => 'warning: ',
  'diagnostic.hint-prefix': () => 'hint: ',
  'manifest.too-many-keys.hint': () =>
    'a manifest has a few dozen keys; was a data file pasted in?',
  'manifest.nested-too-deeply': (p: { readonly limit: number }) =>
    `nested too deeply (limit ${p.limit} levels of mappings and lists)`,
  'manifest.nested-too-deeply.hint': () =>
    'a manifest needs only a few levels; check the indentation and the brackets',
  'manifest.value-too-long.hint': () =>
    'long text belongs in an article, not in a YAML value',
  'manifest.aliases-expand-too-far.hint': () =>
    'refer to a long list once, or write the values out',
  'manifest.key-not-plain': () =>
    'keys must be plain words',
  'manifest.too-many-aliases': () =>
    'too many aliases (*name); write the values out instead',
  'manifest.alias-without-anchor': () =>
    'alias (*name) without a matching anchor (&name) before it',
  'manifest.yaml-unreadable': (p: { readonly text: string }) =>
    `cannot read the YAML: ${p.text}`,
  'manifest.duplicate-key': (p: { readonly shown: string }) =>
    `duplicate key${p.shown}: each key may appear only once in a mapping`,
  'workspace.file-not-found': (p: { readonly display: string }) =>
    `file not found: ${p.display}`,
  'workspace.permission-denied': (p: { readonly display: string }) =>
    `${p.display} cannot be read: permission denied`,
  'workspace.permission-denied.hint': () =>
    'give yourself read permission on the file (e.g. chmod a+r), or copy it again',
  'workspace.symlink-loop': (p: { readonly display: string }) =>
    `${p.display} is a symbolic link that points to itself`,
  'workspace.symlink-loop.hint': () =>
    'replace the link by the file itself',
  'workspace.path-too-long': (p: { readonly display: string }) =>
    `the path ${p.display} is too long`,
  'workspace.path-too-long.hint': () =>
    'use a shorter file name',
  'workspace.cannot-read': (p: { readonly display: string; readonly code: string }) =>
    `${p.display} cannot be read (${p.code})`,
  'workspace.cannot-read.hint': () =>
    'check the disk and the file, then build again',
  'workspace.not-regular-file.hint': () =>
    'name an ordinary file saved in the project folder',
  'workspace.save-as-utf8': () =>
    'save the file as UTF-8',
  'workspace.saved-as-utf16': (p: { readonly display: string }) =>
    `${p.display} is saved as UTF-16, not UTF-8`,
  'workspace.invalid-utf8': (p: { readonly display: string; readonly bad: number }) =>
    `${p.display} is not valid UTF-8 text (byte ${p.bad})`,
  'workspace.file-too-large': (p: { readonly display: string; readonly mb: string }) =>
    `${p.display} is larger than ${p.mb} MB (the limit for this kind of file)`,
  'workspace.write-relative-path': () =>
    'write a path relative to this file that stays inside the folder, e.g. ../images/photo.jpg from an article',
  'workspace.invalid-path': () =>
    'empty or invalid path',
  'workspace.absolute-path': (p: { readonly relPath: string }) =>
    `"${p.relPath}" is an absolute path or URL`,
  'workspace.path-outside-folder': (p: { readonly relPath: string; readonly root: string }) =>
    `"${p.relPath}" points outside ${p.root}/`,
  'workspace.symlink-outside-folder': (p: { readonly relPath: string; readonly root: string }) =>
    `"${p.relPath}" is a symbolic link to a file outside ${p.root}/`,
  'workspace.symlink-outside-folder.hint': () =>
    'copy the file into the folder instead of linking it',
  'manifest.not-a-calendar-date': (p: { readonly key: string; readonly text: string }) =>
    `${p.key}: ${p.text} is not a date in the calendar`,
  'manifest.missing-required-property': (p: { readonly name: string }) =>
    `missing required property "${p.name}"`,
  'manifest.did-you-mean': (p: { readonly guess: string }) =>
    `did you mean "${p.guess}"?`,
  'manifest.unknown-property': (p: { readonly name: string }) =>
    `unknown property "${p.name}"`,
  'manifest.blank': () =>
    'must not be blank',
  'manifest.pattern-mismatch': (p: { readonly pattern: string }) =>
    `must match pattern ${p.pattern}`,
  'manifest.not-the-constant': (p: { readonly value: string }) =>
    `must be ${p.value}`,
  'manifest.empty': () =>
    'must not be empty',
  'manifest.too-short': (p: { readonly limit: number }) =>
    `must be at least ${p.limit} characters long`,
  'manifest.too-long': (p: { readonly limit: number }) =>
    `must be at most ${p.limit} characters long`,
  'manifest.empty-list': () =>
    'must list at least one item',
  'manifest.too-few-items': (p: { readonly limit: number }) =>
    `must list at least ${p.limit} items`,
  'manifest.too-many-items': (p: { readonly limit: number }) =>
    `must list at most ${p.limit} items`,
  'manifest.duplicate-item': (p: { readonly first: number; readonly second: number }) =>
    `must not list the same item twice (items ${p.first} and ${p.second})`,
  'manifest.out-of-range': (p: { readonly cmp: string; readonly limit: number }) =>
    `must be ${p.cmp} ${p.limit}`,
  'manifest.invalid-value': () =>
    'is not valid',
  'manifest.invalid-value-detail': (p: { readonly description: string }) =>
    `is not valid: ${schemaSide(p.description, 'en')}`,
  'manifest.for-example': (p: { readonly shown: string }) =>
    `for example: ${p.shown}`,
  'characters.forbidden-character': (p: { readonly codePoint: string } & ForbiddenReason) =>
    `invisible character ${p.codePoint} (${forbidden(p)}) is not allowed here`,
  'characters.forbidden-character.hint': () =>
    'delete it: it usually comes from text copied out of another program',
  'characters.more-forbidden-characters': (p: { readonly more: number }) =>
    `… and ${p.more} more invisible characters in this file`,
  'characters.entity-not-printable.hint': () =>
    'delete it, or type the character you mean itself',
  'settings.chars-per-line-too-many': (p: { readonly textWidth: number; readonly em: number; readonly outerMargin: string; readonly pageWidth: string }) =>
    `page.charsPerLine: ${p.textWidth} characters of ${p.em}pt leave an outer margin of ${p.outerMargin} mm on a page ${p.pageWidth} mm wide (at least 5 mm is needed)`,
  'settings.chars-per-line-too-many.hint': (p: { readonly fits: number }) =>
    `at most ${p.fits} characters fit with this body size and inner margin; or choose a smaller bodySize or marginInner`,
  'settings.lines-per-page-too-many': (p: { readonly linesPerPage: number; readonly pitch: number; readonly textTop: string; readonly pageHeight: string }) =>
    `page.linesPerPage: ${p.linesPerPage} lines at ${p.pitch}pt from ${p.textTop} mm leave no room for the folio on a page ${p.pageHeight} mm high`,
  'settings.lines-per-page-too-many.hint': (p: { readonly fits: number }) =>
    `at most ${p.fits} lines fit; or reduce linePitch or marginTop`,
  'layout.unbreakable-text': (p: { readonly text: string; readonly textCount: number }) =>
    `“${p.text}” (${p.textCount} characters, no break point) is wider than the line and was broken between characters`,
  'layout.unbreakable-text.hint': () =>
    'if it is a number, group its digits (1 234 567) or shorten it; if it is an address, check it is typed whole',
  'layout.block-taller-than-page': () =>
    'this block is taller than a page and would run off it',
  'layout.block-taller-than-page.hint': () =>
    'shorten it, or split it into several paragraphs',
  'layout.keep-with-next-taller-than-page': () =>
    'a heading or title and the lines that must stay with it are taller than a page; they were split across pages',
  'layout.keep-with-next-taller-than-page.hint': () =>
    'shorten the heading or title',
  'layout.title-too-many-lines': (p: { readonly lines: number; readonly max: number }) =>
    `the title is set on ${p.lines} lines (more than ${p.max})`,
  'layout.title-too-many-lines.hint': () =>
    'shorten the title; put the rest in a subtitle (front matter `subtitle:`)',
  'layout.title-too-long-for-running-head': (p: { readonly title: string; readonly shortened: string }) =>
    `the title “${p.title}” is too long for the running head; it prints as “${p.shortened}”`,
  'layout.title-too-long-for-running-head.hint': () =>
    'set `runningHead:` in the front matter to choose the short title yourself',
  'layout.running-head-too-long': (p: { readonly title: string }) =>
    `the running head “${p.title}” does not fit beside the publication's running head`,
  'layout.set-shorter-running-head': () =>
    'set a shorter `runningHead:` in the front matter',
  'frames.outside-frame': (p: { readonly what: Phrase; readonly excerpt: string; readonly page: string; readonly by: string; readonly frame: Phrase }) =>
    `${phrase(p.what)}${p.excerpt === '' ? '' : ` “${p.excerpt}”`} on page ${p.page} lies ${p.by} pt outside the ${phrase(p.frame)}`,
  'frames.outside-frame.hint': () =>
    'shorten the text, or break it where a reader would expect',
  'layout.running-head-parts-too-close': (p: { readonly page: string; readonly gap: string }) =>
    `the running head on page ${p.page} has its two parts ${p.gap} pt apart (at least 1 em needed)`,
  'document.template-escaped-braces': (p: { readonly where: string }) =>
    `${p.where}: a backslash before {{ would print the braces themselves`,
  'document.template-escaped-braces.hint': () =>
    'remove the backslash; fields are written {{field}}',
  'document.template-invalid': (p: { readonly where: string; readonly err: string }) =>
    `${p.where}: the template is not valid: ${p.err}`,
  'document.template-unknown-field': (p: { readonly where: string; readonly missing: string }) =>
    `${p.where}: unknown field {{${p.missing}}}`,
  'document.template-unknown-field.hint': (p: { readonly fields: string }) =>
    `fields available here: ${p.fields}`,
  'document.template-fill-failed': (p: { readonly where: string; readonly err: string }) =>
    `${p.where}: the template cannot be filled in: ${p.err}`,
  'document.template-output-too-long.hint': () =>
    'a running head, folio or file name is one short line',
  'document.template-construct-not-allowed': (p: { readonly where: string; readonly what: Phrase | string }) =>
    `${p.where}: ${phrase(p.what)} is not allowed in a template`,
  'document.template-allowed-constructs': () =>
    'use {{field}}, and {{#if field}}…{{else}}…{{/if}} or {{#unless field}}…{{/unless}}',
  'document.template-field-syntax': () =>
    'write fields as {{name}}, e.g. "{{year}}年第{{number}}期"',
  'document.date-format': (p: { readonly text: string }) =>
    `date: ${p.text} is not YYYY-MM-DD`,
  'document.output-name-unusable': (p: { readonly name: string }) =>
    `templates.outputName: "${p.name}" is not a usable file name`,
  'document.output-name-unusable.hint': () =>
    'avoid / \\ : * ? " < > | and a leading dot',
  'document.output-name-too-long': (p: { readonly name: string; readonly bytes: number; readonly MAX_OUTPUT_NAME_BYTES: number }) =>
    `templates.outputName: the file name "${p.name}-print.pdf" is ${p.bytes} bytes long (limit ${p.MAX_OUTPUT_NAME_BYTES})`,
  'document.output-name-too-long.hint': () =>
    'shorten the template: one Chinese character takes 3 bytes',
  'document.footnote-definition-not-supported': (p: { readonly definition: string }) =>
    `footnote [^${p.definition}] is not supported`,
  'document.link-reference-not-supported': (p: { readonly definition: string }) =>
    `link reference definition [${p.definition}]: … is not supported (it would vanish from the text)`,
  'document.footnote-definition-not-supported.hint': () =>
    'put the note in parentheses after the sentence, or as a paragraph at the end of the article',
  'document.link-reference-not-supported.hint': () =>
    'write the link where it is used: [text](https://…)',
  'document.footnote-reference-not-supported': (p: { readonly ref: string }) =>
    `footnote reference ${p.ref} is not supported`,
  'document.footnote-reference-not-supported.hint': () =>
    'put the note in parentheses after the sentence',
  'document.date-outside-issue-month': (p: { readonly date: string; readonly id: string }) =>
    `date ${p.date} is not in ${p.id}, the month this issue's folder is named after`,
  'document.date-outside-issue-month.hint': (p: { readonly id: string }) =>
    `a copied issue keeps the old date: write a date in ${p.id}, or rename the folder`,
  'document.number-out-of-sequence': (p: { readonly number: number; readonly id: string; readonly number2: number; readonly date: string; readonly expected: number }) =>
    `number ${p.number} does not follow issue ${p.id} (number ${p.number2}, ${p.date}): expected ${p.expected}`,
  'document.number-out-of-sequence.hint': () =>
    'a copied issue keeps the old number; `bulletin new` sets number and date for you',
  'article.front-matter-example': () =>
    'start the file with:\n  ---\n  title: 文章标题\n  source: 来源\n  date: 2024-02-02\n  ---',
  'article.no-front-matter': () =>
    'the article does not start with front matter (---)',
  'article.front-matter-not-closed': () =>
    'the front matter that starts here is not closed by a --- line',
  'document.paragraph-too-long': (p: { readonly length: number; readonly MAX_PARAGRAPH_CHARS: number }) =>
    `this paragraph has ${p.length} characters; the limit is ${p.MAX_PARAGRAPH_CHARS}`,
  'document.paragraph-too-long.hint': () =>
    'split it into paragraphs with blank lines',
  'document.empty-heading': () =>
    'empty heading',
  'document.empty-heading.hint': () =>
    'write the heading text after the #',
  'document.image-path-relative': () =>
    'the path is relative to the article file, e.g. ../images/photo.jpg',
  'document.image-not-found': (p: { readonly src: string }) =>
    `image not found: ${p.src}`,
  'document.heading-levels': () =>
    'the article title comes from `title:` in the front matter; use ## for 一、, ### for （一）, #### for 1., ##### for （1）',
  'document.list-too-deep': () =>
    'lists nest at most one level deep',
  'document.list-too-deep.hint': () =>
    'indent sub-items once (under the item text); write deeper levels as （1） … inside the item text',
  'document.heading-in-list': () =>
    'a heading cannot be inside a list item',
  'document.heading-in-list.hint': () =>
    'put a blank line and the heading after the list',
  'document.link-address-invalid': (p: { readonly detail: string }) =>
    `link address "${p.detail}" is not a web or e-mail address`,
  'document.link-address-invalid.hint': () =>
    'write the full address, e.g. [委员会网站](https://www.example.cn) or <someone@example.cn>',
  'document.level-one-heading': () =>
    'a # heading is not allowed in the article body',
  'document.heading-too-deep': () =>
    '###### headings are too deep; four levels are available',
  'document.underlined-heading': () =>
    'a line of === or --- under text makes an underlined heading, which is not supported',
  'document.underlined-heading.hint': () =>
    'write ## before the heading text, or remove the === / --- line',
  'document.block-quote-not-supported': () =>
    'block quotes (> …) are not supported',
  'document.block-quote-not-supported.hint': () =>
    'remove the > and write a normal paragraph',
  'document.table-not-supported': () =>
    'tables are not supported',
  'document.table-not-supported.hint': () =>
    'write the table as paragraphs, or include it as an image: ![caption](../images/table.png)',
  'document.indented-code-not-supported': () =>
    'indented code blocks are not supported',
  'document.indented-code-not-supported.hint': () =>
    'lines indented by 4 or more spaces become code; remove the indentation',
  'document.code-block-not-supported': () =>
    'code blocks (```) are not supported',
  'document.code-block-not-supported.hint': () =>
    'remove the ``` lines',
  'document.horizontal-rule-not-supported': () =>
    'horizontal rules (---, ***) are not supported',
  'document.horizontal-rule-not-supported.hint': () =>
    'remove the line',
  'document.html-not-supported': () =>
    'HTML is not supported',
  'document.html-not-supported.hint': () =>
    'write plain text; use **bold** and *emphasis* for styles',
  'document.image-not-alone': () =>
    'an image must stand alone in its own paragraph',
  'document.image-not-alone.hint': () =>
    'put a blank line before and after ![caption](path)',
  'document.image-in-heading': () =>
    'an image cannot appear inside a heading or caption',
  'document.image-in-heading.hint': () =>
    'put the image in its own paragraph',
  'document.strikethrough-not-supported': () =>
    '~~strikethrough~~ is not supported',
  'document.strikethrough-not-supported.hint': () =>
    'remove the ~~',
  'document.unsupported-markdown': (p: { readonly what: string }) =>
    `unsupported Markdown (${p.what})`,
  'document.unsupported-markdown.hint': () =>
    'write plain paragraphs, ## headings, **bold**, *emphasis* and ![caption](image)',
  'document.article-listed-twice': (p: { readonly file: string; readonly earlier: string }) =>
    `${p.file} is listed twice (also at ${p.earlier})`,
  'document.article-not-listed': (p: { readonly display: string; readonly issueFile: string }) =>
    `${p.display} is not listed in ${p.issueFile}`,
  'document.image-not-used': (p: { readonly display: string }) =>
    `${p.display} is not used by any article`,
  'document.image-not-used.hint': (p: { readonly name: string }) =>
    `show it with ![caption](../images/${p.name}) in an article, or delete the file`,
  'document.article-empty': (p: { readonly file: string }) =>
    `${p.file} has a title but no text`,
  'document.article-empty.hint': () =>
    'write the article text after the closing --- line, or remove the article from issue.yaml',
  'document.invisible-character': (p: { readonly codePoint: string }) =>
    `invisible ${invisible(p.codePoint)} in the text; it is not printed (R4)`,
  'document.invisible-character.hint': () =>
    'it came with pasted text; delete it (retype the characters around it)',
  'document.no-such-issue': (p: { readonly issueId: string }) =>
    `there is no issue "${p.issueId}" (no issues/${p.issueId}/issue.yaml)`,
  'document.no-such-issue.hint': (p: { readonly existing: readonly string[] }) =>
    `issues that exist: ${p.existing.length === 0 ? '(none)' : p.existing.join(', ')}`,
  'lint.fix-remove': (p: { readonly from: string }) =>
    `remove ${p.from}`,
  'lint.fix-replace': (p: { readonly from: string; readonly to: string }) =>
    `replace ${p.from} with ${p.to}`,
  'lint.ascii-punctuation': (p: { readonly ch: string }) =>
    `ASCII "${p.ch}" in Chinese text (R4)`,
  'lint.radical': (p: { readonly ch: string; readonly code: string }) =>
    `"${p.ch}" (${p.code}) is a radical, not a Chinese character (R4)`,
  'lint.radical.hint': () =>
    'retype the character',
  'lint.replacement-character': () =>
    'the text contains U+FFFD "�": characters were lost when it was converted (R4)',
  'lint.replacement-character.hint': () =>
    'copy this passage again from the original document',
  'lint.number-separator': () =>
    'separator after an article or chapter number',
  'lint.space-between-chinese': () =>
    'space between two Chinese characters: it prints as a one-em gap (R4)',
  'lint.space-between-chinese.hint': () =>
    'if it is copy-paste noise, delete it; if it separates two items, type a full-width space "　" to keep it without this warning',
  'lint.invisible-character': (p: { readonly codePoint: string }) =>
    `invisible ${invisible(p.codePoint)} in the text; it is not printed (R4)`,
  'lint.invisible-character.hint': () =>
    'it came with pasted text; `bulletin check --fix` deletes it (nothing visible changes)',
  'lint.ascii-full-stop': () =>
    'ASCII "." after a Chinese character (R4)',
  'lint.unpaired-emphasis-marker': (p: { readonly marker: string }) =>
    `"${p.marker}" with no partner: it prints as "${p.marker}", not as emphasis`,
  'lint.unpaired-emphasis-marker.hint': (p: { readonly marker: string }) =>
    `for emphasis write a pair (*着重*); to print it, write \\${p.marker}; for a product use × (3×4)`,
  'lint.item-joined-to-paragraph': (p: { readonly number: string }) =>
    `"${p.number}" starts a new item, but this line is joined to the one before into one paragraph`,
  'lint.item-joined-to-paragraph.hint': () =>
    'put a blank line before it (what --fix does), or end the line before with a backslash \\ to keep only the line break',
  'lint.short-lines-joined': (p: { readonly linesCount: number; readonly lines: string }) =>
    `${p.linesCount} short lines are joined into one paragraph: "${p.lines}"`,
  'lint.short-lines-joined.hint': () =>
    'to keep one per line, end each line but the last with a backslash \\ (or two spaces); for separate paragraphs, put blank lines between them',
  'lint.ellipsis': (p: { readonly m: string }) =>
    `"${p.m}" for an ellipsis (R4)`,
  'lint.dash': (p: { readonly m: string }) =>
    `"${p.m}" for a dash (R4)`,
  'lint.unbalanced-bracket': (p: { readonly mark: string; readonly missing: string }) =>
    `"${p.mark}" has no matching "${p.missing}" in this paragraph (R23)`,
  'lint.unbalanced-bracket.hint': (p: { readonly missing: string; readonly mark: string }) =>
    `add the missing "${p.missing}" or remove this "${p.mark}"`,
  'lint.document-number-year-brackets': (p: { readonly m: string; readonly value: string }) =>
    `the year of a document number in "${p.m}${p.value}" (R23)`,
  'lint.straight-quote': (p: { readonly straight: string }) =>
    `straight quote ${p.straight} in Chinese text (R23)`,
  'lint.straight-quote.hint': (p: { readonly straight: string; readonly open: string; readonly close: string }) =>
    `replace ${p.straight} with ${p.open} or ${p.close}, and check its partner`,
  'lint.range-dash': (p: { readonly name: Phrase }) =>
    `${phrase(p.name)} used as a range dash (R24)`,
  'lint.single-dash': () =>
    'a single "—" between Chinese characters; a dash (破折号) is "——" (R24)',
  'lint.single-dash.hint': () =>
    'write "——" if a dash is meant',
  'lint.ascii-tilde-range': () =>
    'ASCII "~" in a number range in Chinese text (R24)',
  'lint.full-width-digits': (p: { readonly m: string }) =>
    `full-width digits "${p.m}" (R16)`,
  'lint.fix-invalid-utf8': (p: { readonly display: string }) =>
    `${p.display} is not valid UTF-8 text`,
  'lint.fix-cannot-write': (p: { readonly file: string; readonly message: string }) =>
    `cannot write ${p.file}: ${p.message}`,
  'images.unsupported-format': (p: { readonly displayName: string }) =>
    `${p.displayName} is not a JPEG or PNG image`,
  'images.unsupported-format.hint': () =>
    'save the picture as .jpg or .png',
  'images.unreadable': (p: { readonly displayName: string; readonly reason: string }) =>
    `cannot read image ${p.displayName}: ${p.reason}`,
  'images.unreadable.hint': () =>
    'open it in an image editor and save it again as JPEG or PNG',
  'images.too-many-pixels': (p: { readonly name: string; readonly size: string; readonly MAX_IMAGE_PIXELS: number }) =>
    `image ${p.name}${p.size} is larger than ${p.MAX_IMAGE_PIXELS} megapixels`,
  'images.too-many-pixels.hint': () =>
    'scale it down to at most 6000 pixels on the long side',
  'images.low-resolution': (p: { readonly displayName: string; readonly shown: number; readonly minPpi: number }) =>
    `image ${p.displayName} is ${p.shown} ppi at its printed size (the press needs ${p.minPpi} ppi); it will print soft`,
  'images.low-resolution.hint': (p: { readonly factor: number }) =>
    `use a larger original: at least ${p.factor}× the current pixel size`,
  'layout.character-not-in-font.hint': () =>
    'add a font that has it to `fonts.fallback` in the series file, or replace it with a common character or a description',
  'cli.interrupted-while-starting': (p: { readonly signal: string }) =>
    `\ninterrupted (${p.signal}) while starting: nothing was read or written\n`,
  'output.interrupted-after-write': (p: { readonly signal: string }) =>
    `\ninterrupted (${p.signal}) after the PDFs were written: they are complete\n`,
  'output.interrupted-nothing-written': (p: { readonly signal: string }) =>
    `\ninterrupted (${p.signal}): no output written; earlier PDFs are unchanged\n`,
  'output.folder-is-symlink': (p: { readonly shown: string }) =>
    `${p.shown} is a symbolic link: the PDFs are written only into a real folder inside the project`,
  'output.folder-is-symlink.hint': (p: { readonly shown: string }) =>
    `remove the link (rm ${p.shown}) and build again; copy the PDFs elsewhere afterwards`,
  'output.folder-is-file': (p: { readonly shown: string }) =>
    `${p.shown} is a file, but the PDFs go into a folder of that name`,
  'output.folder-is-file.hint': () =>
    'move or delete that file and build again',
  'build.saddle-stitch-padded': (p: { readonly pages: number; readonly padded: number }) =>
    `saddle-stitch: padded ${p.pages} → ${p.padded} pages in the press file (blank pages at the end)`,
  'build.profiles-folder': () =>
    'check the path; profiles live in profiles/ at the project root',
  'build.profile-not-cmyk-output': (p: { readonly relative: string }) =>
    `${p.relative} is not a CMYK output (printer) ICC profile`,
  'build.profile-not-cmyk-output.hint': () =>
    "ask the print shop for their press profile (a .icc file for CMYK printing)",
  'build.too-many-pages-for-saddle-stitch': (p: { readonly pages: number; readonly bindingLimit: number }) =>
    `the press file has ${p.pages} pages, more than saddle stitching takes (print.bindingLimit ${p.bindingLimit})`,
  'build.too-many-pages-for-saddle-stitch.hint': () =>
    'set `binding: perfect` under print: in series.yaml (a glued spine), or raise print.bindingLimit if the shop agrees',
  'build.fonts-folder': () =>
    'check the path; fonts live in fonts/ at the project root',
  'build.font-unreadable': (p: { readonly relative: string; readonly setting: string }) =>
    `font file ${p.relative} (${p.setting}) cannot be read`,
  'build.font-unusable': (p: { readonly relative: string; readonly setting: string; readonly message: string }) =>
    `${p.relative} (${p.setting}) is not a usable font: ${p.message}`,
  'build.font-unusable.hint': () =>
    'use a single-face TrueType (.ttf) file',
  'report.more-like-this': (p: { readonly more: number }) =>
    `  … and ${p.more} more warning(s) like this`,
  'report.warnings-hidden': (p: { readonly hidden: number; readonly listAllCommand: string }) =>
    `${p.hidden} warning(s) not shown; all of them: ${p.listAllCommand}`,
  'report.progress.stage-done': (p: { readonly stage: string; readonly seconds: string }) =>
    `building… ${p.stage} done (${p.seconds} s)`,
  'open.viewer-failed': (p: { readonly command: string; readonly target: string }) =>
    `could not open a viewer (${p.command}); open ${p.target} yourself`,
  'help.option-help': () =>
    'display help for command',
  'fonts.list.glyphs': () =>
    'glyphs',
  'fonts.coverage.complete': (p: { readonly issueId: string }) =>
    `every character of issue ${p.issueId} is in at least one font`,
  'fonts.coverage.missing': (p: { readonly issueId: string; readonly missingCount: number }) =>
    `characters of issue ${p.issueId} that no font has (${p.missingCount}):`,
  'fonts.coverage.count': (p: { readonly count: number }) =>
    ` (${p.count} times)`,
  'new.no-issue-to-copy': () =>
    'there is no issue to start from (no issues/<id>/issue.yaml with a number and a date)',
  'new.no-issue-to-copy.hint': () =>
    'copy an existing issue folder by hand once; after that `bulletin new` continues the sequence',
  'new.bad-folder-name': (p: { readonly requestedId: string }) =>
    `"${p.requestedId}" is not a usable folder name`,
  'new.bad-folder-name.hint': () =>
    'use the year and month, e.g. 2024-03',
  'new.issue-exists': (p: { readonly id: string }) =>
    `issues/${p.id} already exists; nothing was changed`,
  'new.issue-exists.hint': () =>
    'give another name: bulletin new <issue>, e.g. bulletin new 2024-04',
  'new.summary.created': (p: { readonly id: string; readonly from: string }) =>
    `created issues/${p.id}/ from issues/${p.from}/`,
  'new.summary.fields': (p: { readonly number: number; readonly date: string; readonly editor: string }) =>
    `  number ${p.number}, date ${p.date}, editor ${p.editor}`,
  'new.summary.next': (p: { readonly id: string }) =>
    `next: bulletin import <file>… --issue ${p.id}`,
  'import.skipped.table': (p: { readonly rows: number; readonly node: string }) =>
    `a table (${p.rows} row(s), starting “${p.node}”) was not brought in`,
  'import.skipped.table.hint': () =>
    'retype it as paragraphs, or save it as a picture and add ![caption](../images/….png)',
  'import.note.picture-unprintable': (p: { readonly counter: number; readonly contentType: string }) =>
    `picture ${p.counter} is ${p.contentType}, which cannot be printed; save it as JPEG or PNG and add it by hand`,
  'import.skipped.text-box': (p: { readonly start: string }) =>
    `a text box (“${p.start}”): its text follows here as ordinary paragraphs`,
  'import.note.text-box-not-found': (p: { readonly start: string }) =>
    `a text box (“${p.start}”) was not found in the converted text`,
  'import.skipped.text-box.hint': () =>
    'move the text to where it belongs in the article, or delete it',
  'import.draft.todo-title': () =>
    'TODO: title',
  'import.draft.todo-source': () =>
    '# source: TODO — who published it (not found in the text)',
  'import.draft.todo-date': () =>
    '# date: TODO — YYYY-MM-DD (not found in the text)',
  'import.draft.todo-caption': () =>
    'TODO: caption',
  'import.note.picture-not-jpeg-png': (p: { readonly counter: number; readonly local: string }) =>
    `picture ${p.counter} (${p.local}) is neither JPEG nor PNG; convert it and add it by hand`,
  'import.no-such-issue': (p: { readonly issueId: string }) =>
    `there is no issue "${p.issueId}"`,
  'import.no-such-issue.hint': () =>
    'start one with: bulletin new',
  'import.no-such-section': (p: { readonly section: string; readonly issueDisplay: string }) =>
    `there is no section "${p.section}" in ${p.issueDisplay}`,
  'import.unsupported-file-type': (p: { readonly file: string }) =>
    `cannot import ${p.file}: only .docx, .html (a saved WeChat article) and .txt`,
  'import.unsupported-file-type.hint': () =>
    'in Word, "Save as" .docx; for a .doc or .pdf, copy the text into a .txt file',
  'import.summary.article': (p: { readonly from: string; readonly file: string; readonly title: string; readonly section: string }) =>
    `${p.from} → ${p.file}  (“${p.title}”, section ${p.section})`,
  'import.summary.fixes': (p: { readonly fixes: number }) =>
    `  ${p.fixes} character fix(es) applied (R4: ASCII punctuation, ……, radicals)`,
  'import.summary.todo-field': (p: { readonly file: string; readonly field: string }) =>
    `  ${p.file}: TODO ${p.field}: not found in the source, fill it in`,
  'import.summary.todo-caption': (p: { readonly file: string; readonly line: number }) =>
    `  ${p.file}:${p.line}: TODO picture without a caption`,
  'import.summary.skipped': (p: { readonly file: string; readonly line: number; readonly what: string; readonly hint: string }) =>
    `  ${p.file}:${p.line}: ${p.what}\n    hint: ${p.hint}`,
  'import.summary.listed': (p: { readonly issue: string; readonly section: string }) =>
    `listed in issues/${p.issue}/issue.yaml under ${p.section}`,
  'import.summary.check-heading': (p: { readonly issue: string }) =>
    `check issues/${p.issue}:`,
  'import.summary.check-passed': () =>
    'check passed',
  'import.summary.check-problems': (p: { readonly valueCount: number }) =>
    `check found ${p.valueCount} problem(s) to fix before the build`,
  'watch.status.built': (p: { readonly build: number; readonly pageCount: number; readonly ms: string }) =>
    `build ${p.build}: ${p.pageCount} pages, ${p.ms} ms`,
  'watch.status.warnings': (p: { readonly warningsCount: number }) =>
    `, ${p.warningsCount} warning(s)`,
  'watch.status.problems-last-good': (p: { readonly errors: number }) =>
    `${p.errors} problem(s); showing the last good PDF`,
  'watch.status.problems-no-pdf': (p: { readonly errors: number }) =>
    `${p.errors} problem(s); no PDF yet`,
  'watch.status.serving': (p: { readonly url: string; readonly issueId: string }) =>
    `preview: ${p.url}  (watching issues/${p.issueId}, the series file, fonts; Ctrl-C to stop)\n`,
  'cli.help.new-argument-issue': () =>
    'folder name of the new issue (default: the month after the latest issue)',
  'cli.help.new': () =>
    'start the next issue from the latest one (number, date, editor, sections)',
  'cli.help.import-argument-files': () =>
    '.docx, WeChat .html (saved with its _files folder) or .txt files',
  'cli.help.import-option-issue': () =>
    'the issue to add the articles to, e.g. 2024-03',
  'cli.help.import-option-section': () =>
    'section title in issue.yaml (default: the first section)',
  'cli.help.import': () =>
    'bring articles in as Markdown and list them in issue.yaml',
  'cli.help.watch-argument-issue': () =>
    'issue folder under issues/, e.g. 2024-02 (default: the folder you are in)',
  'cli.help.watch-option-open': () =>
    'open the preview in the browser',
  'cli.help.watch-option-port': () =>
    'port on 127.0.0.1 (default: a free one)',
  'cli.help.watch': () =>
    'rebuild on every change and show the e-mail copy in a browser preview',
  'cli.help.fonts-argument-issue': () =>
    'issue whose characters to check (default: the latest)',
  'cli.help.fonts': () =>
    "list the fonts, what each covers, and the issue's characters that no font has",
  'cli.help.program': () =>
    'Typesets a Chinese committee bulletin into print-ready PDF',
  'cli.help.option-version': () =>
    'output the version number',
  'cli.help.build': () =>
    'validate, typeset and write the PDFs to out/<issue>/',
  'cli.help.check': () =>
    'validate and typeset everything, write nothing',
  'cli.help.argument-issue': () =>
    'issue folder under issues/, e.g. 2024-02',
  'cli.help.option-json': () =>
    'print diagnostics as JSON',
  'cli.help.option-fix': () =>
    'first apply the automatic typography fixes to the Markdown files and list them',
  'cli.help.option-verbose': () =>
    'also print stage timings, typesetting statistics and every warning',
  'cli.help.option-open': () =>
    'open the e-mail copy in the default PDF viewer afterwards',
  'cli.help.preflight-argument-pdf': () =>
    'PDF file to check (ours or any other)',
  'cli.help.preflight-option-print': () =>
    'check as a PDF/X-4 press file',
  'cli.help.preflight-option-email': () =>
    'check as an e-mail copy (PDF/A-2a, PDF/UA-1)',
  'cli.help.preflight': () =>
    'check a PDF and print a pass/fail report (exit 0 pass, 1 fail)',
  'cli.preflight-profile-required': () =>
    'choose one of --print and --email\n',
  'cli.summary.typesetting': (p: { readonly lines: number; readonly pushIns: number; readonly pushOuts: number; readonly maxExtraPerGap: string; readonly linesOverThreshold: number; readonly linesOverMeasure: number }) =>
    `  typesetting: ${p.lines} lines, ${p.pushIns} push-ins, ${p.pushOuts} push-outs, largest extra space ${p.maxExtraPerGap} em per gap, ${p.linesOverThreshold} lines over 0.5 em, ${p.linesOverMeasure} lines wider than the measure\n`,
  'cli.summary.per-gap': () =>
    'per gap',
  'cli.summary.check-passed': (p: { readonly pageCount: number; readonly totalMs: string }) =>
    `check passed: ${p.pageCount} pages, nothing written (${p.totalMs} ms)\n`,
  'cli.summary.file-written': (p: { readonly relative: string; readonly pages: number; readonly bytes: string }) =>
    `${p.relative}  ${p.pages} pages  ${p.bytes} KB\n`,
  'cli.summary.done': (p: { readonly totalMs: string }) =>
    `done in ${p.totalMs} ms\n`,
  'cli.summary.nothing-written': () =>
    '; nothing was written',
  'cli.summary.fixable': (p: { readonly fixable: number }) =>
    `; \`bulletin check --fix\` corrects ${p.fixable} of them`,
  'cli.summary.counts': (p: { readonly errors: number; readonly warnings: number; readonly outcome: string; readonly fix: string }) =>
    `${p.errors} error(s), ${p.warnings} warning(s)${p.outcome}${p.fix}`,
  'cli.internal-error.no-log': () =>
    '(no log: the temporary folder is not writable)',
  'cli.internal-error': (p: { readonly log: string }) =>
    `internal error in bulletin (not your input's fault); please report it with ${p.log}\n`,
  'manifest.too-many-keys': (p: { readonly keys: number; readonly limit: number }) =>
    `too many keys: ${p.keys.toLocaleString('en')} or more (limit ${p.limit.toLocaleString('en')} per file)`,
  'manifest.value-too-long': (p: { readonly length: number; readonly limit: number }) =>
    `value of ${p.length.toLocaleString('en')} characters is too long (limit ${p.limit.toLocaleString('en')})`,
  'manifest.aliases-expand-too-far': (p: { readonly limit: number }) =>
    `the aliases (*name) in this file expand to more than ${p.limit.toLocaleString('en')} values`,
  'manifest.yaml-syntax': (p: { readonly code: string; readonly detail: string }) =>
    `YAML: ${p.detail}`,
  'manifest.allowed-here': (p: { readonly known: readonly string[] }) =>
    `allowed here: ${p.known.join(', ')}`,
  'manifest.more-unknown-properties': (p: { readonly more: number }) =>
    `… and ${p.more.toLocaleString('en')} more unknown properties in this mapping (not listed)`,
  'manifest.not-one-of': (p: { readonly allowed: readonly string[] }) =>
    `must be one of: ${p.allowed.join(', ')}`,
  'manifest.wrong-type': (p: { readonly types: readonly string[] }) =>
    `must be ${p.types.map((name) => TYPE_NAMES[name] ?? name).join(' or ')}`,
  'manifest.schema-other': (p: { readonly en: string; readonly zh: string }) =>
    p.en,
  'workspace.not-regular-file': (p: { readonly display: string; readonly kind: 'folder' | 'fifo' | 'socket' | 'device' }) =>
    `${p.display} is not a regular file: it is ${{ folder: 'a folder', fifo: 'a named pipe (FIFO)', socket: 'a socket', device: 'a device' }[p.kind] ?? p.kind}`,
  'characters.entity-not-printable': (p: { readonly entity: string; readonly codePoint: string } & ForbiddenReason) =>
    `${p.entity} stands for ${p.codePoint === '' ? 'no character' : p.codePoint} (${forbidden(p)}), which cannot be printed`,
  'document.template-output-too-long': (p: { readonly where: string; readonly length: number; readonly limit: number }) =>
    `${p.where}: the filled-in text is ${p.length.toLocaleString('en')} characters long (limit ${p.limit})`,
  'document.template-block-needs-one-field': (p: { readonly where: string; readonly block: string }) =>
    `${p.where}: ${p.block} without exactly one field is not allowed in a template`,
  'output.disk-full': () =>
    'the disk is full: the PDFs could not be written; the earlier PDFs are unchanged',
  'output.disk-full.hint': () =>
    'free some space on the disk, then build again',
  'output.read-only-disk': (p: { readonly dir: string }) =>
    `${p.dir} is on a read-only disk; the earlier PDFs are unchanged`,
  'output.read-only-disk.hint': () =>
    'build from a copy of the project on a writable disk',
  'output.no-write-permission': (p: { readonly file: string }) =>
    `no permission to write ${p.file}; the earlier PDFs are unchanged`,
  'output.no-write-permission.hint': (p: { readonly dir: string }) =>
    `make ${p.dir} writable for you (e.g. chmod u+w ${p.dir}), then build again`,
  'output.name-too-long': (p: { readonly bytes: number }) =>
    `the output file name is too long (${p.bytes} bytes; file systems allow 255); the earlier PDFs are unchanged`,
  'output.name-too-long.hint': () =>
    'shorten templates.outputName in the series file',
  'output.file-locked': (p: { readonly file: string }) =>
    `${p.file} is open in another program (locked); the earlier PDFs are unchanged`,
  'output.file-locked.hint': () =>
    'close it (e.g. in the PDF viewer), then build again',
  'output.in-the-way': (p: { readonly file: string }) =>
    `${p.file} is in the way (a folder or a file where the PDF should go); the earlier PDFs are unchanged`,
  'output.in-the-way.hint': () =>
    'move or delete it, then build again',
  'output.io-error': () =>
    'the disk reported an input/output error; the earlier PDFs are unchanged',
  'output.io-error.hint': () =>
    'check the disk (or the network drive), then build again',
  'report.stage': (p: { readonly stage: string }) =>
    p.stage,
  'fonts.block-name': (p: { readonly name: string }) =>
    p.name,
  'import.no-such-section.hint': (p: { readonly titles: readonly string[] }) =>
    `sections: ${p.titles.join(', ')}`,
  'import.already-imported': (p: { readonly earlier: string }) =>
    `already imported (same content) as ${p.earlier}`,
  'import.already-imported.hint': (p: { readonly earlier: string }) =>
    `leave it out, or delete ${p.earlier} (and its line in issue.yaml) to import it again`,
  'import.file-given-twice': (p: { readonly twice: string }) =>
    `the same file (same content) as ${p.twice}, listed twice`,
  'import.file-given-twice.hint': () =>
    'name each file once',
  'import.files-not-found': (p: { readonly missing: readonly string[] }) =>
    `file not found: ${p.missing.join(', ')}`,
  'import.note.picture-not-saved': (p: { readonly counter: number; readonly src: string }) =>
    `picture ${p.counter} (${p.src}) is not in the saved _files folder; save the page again with "Web page, complete"`,
  'new.summary.sections': (p: { readonly sections: readonly string[] }) =>
    `  sections (no articles yet): ${p.sections.join(', ')}`,
  'layout.character-not-in-font': (p: { readonly ch: string; readonly code: string; readonly font: string; readonly fallbacks: string }) =>
    `character “${p.ch}” (${p.code}) is not in the font ${p.font}${p.fallbacks === '' ? '' : ` nor in the fallback fonts (${p.fallbacks})`}`,
  'preflight.ua.id': (p: { readonly part: string }) =>
    `claims PDF/UA-${p.part}`,
  'preflight.ua.id.missing': () =>
    'no pdfuaid:part in the XMP',
  'preflight.ua.title': (p: { readonly title: string }) =>
    `dc:title "${p.title}", DisplayDocTitle true`,
  'preflight.ua.title.missing': (p: { readonly hasTitle: boolean; readonly displayTitle: boolean }) =>
    `${p.hasTitle ? '' : 'no dc:title; '}${p.displayTitle ? '' : 'DisplayDocTitle not true'}`,
  'preflight.ua.lang': (p: { readonly lang: string }) =>
    `document language ${p.lang}`,
  'preflight.ua.lang.missing': () =>
    'no /Lang in the catalog',
  'preflight.ua.tagged': (p: { readonly elementsCount: number }) =>
    `MarkInfo /Marked true, StructTreeRoot with ${p.elementsCount} elements`,
  'preflight.ua.tagged.not-tagged': (p: { readonly marked: string; readonly hasTree: boolean; readonly suspects: string }) =>
    `not a tagged PDF (MarkInfo /Marked ${p.marked}, StructTreeRoot ${p.hasTree ? 'present' : 'missing'}, Suspects ${p.suspects})`,
  'preflight.ua.content': (p: { readonly scans: number }) =>
    `all page content is marked: ${p.scans} marked-content sequences in the tree, the rest artifacts`,
  'preflight.ua.content.unmarked': (p: { readonly unmarked: number; readonly untreedCount: number; readonly untreed: string }) =>
    `${p.unmarked} painting operator(s) neither artifact nor tagged; ${p.untreedCount} MCID(s) not in the ParentTree${p.untreed === '' ? '' : ` (${p.untreed})`}`,
  'preflight.ua.nesting': () =>
    'no artifact inside tagged content nor tagged content inside an artifact; BDC/EMC balanced',
  'preflight.ua.nesting.wrong': (p: { readonly nesting: number }) =>
    `${p.nesting} wrongly nested or unbalanced marked-content sequence(s)`,
  'preflight.ua.types': (p: { readonly size: number }) =>
    `${p.size} structure types, all standard or mapped to one`,
  'preflight.ua.types.nonstandard': (p: { readonly unknown: string; readonly remapped: string }) =>
    `${p.unknown === '' ? '' : `non-standard types without a mapping: ${p.unknown}`}${p.remapped === '' ? '' : ` standard types remapped: ${p.remapped}`}`,
  'preflight.ua.headings': (p: { readonly levelsCount: number }) =>
    `${p.levelsCount} headings, starting at H1, no level skipped`,
  'preflight.ua.headings.skipped': (p: { readonly skips: string }) =>
    `heading levels skipped: ${p.skips}`,
  'preflight.ua.figures': (p: { readonly figuresCount: number }) =>
    `all ${p.figuresCount} figures have alternate text`,
  'preflight.ua.figures.no-alt': (p: { readonly bare: number; readonly figuresCount: number }) =>
    `${p.bare} of ${p.figuresCount} figures without /Alt or /ActualText`,
  'preflight.ua.toc': () =>
    'TOC and TOCI nest as ISO 32000-1 Table 333 says',
  'preflight.ua.toc.misplaced': (p: { readonly badTocCount: number }) =>
    `${p.badTocCount} TOC/TOCI element(s) out of place`,
  'preflight.ua.lists': (p: { readonly lists: number }) =>
    `${p.lists} list(s), L → LI → Lbl/LBody as ISO 32000-1 Table 336 says`,
  'preflight.ua.lists.misplaced': (p: { readonly badListCount: number }) =>
    `${p.badListCount} list element(s) out of place`,
  'preflight.ua.tabs': (p: { readonly annotatedCount: number }) =>
    `${p.annotatedCount} page(s) with annotations, each /Tabs /S`,
  'preflight.ua.tabs.wrong': (p: { readonly noTabs: string }) =>
    `/Tabs is not /S on page(s) ${p.noTabs}`,
  'preflight.ua.links': (p: { readonly linksCount: number }) =>
    `all ${p.linksCount} link annotations are in Link elements and have /Contents`,
  'preflight.ua.links.incomplete': (p: { readonly outsideLink: number; readonly linksCount: number; readonly undescribed: number }) =>
    `${p.outsideLink} of ${p.linksCount} link annotation(s) not in a Link element, ${p.undescribed} without /Contents`,
  'preflight.structure.version': (p: { readonly version: string; readonly pagesCount: number; readonly bytes: string }) =>
    `PDF ${p.version}, ${p.pagesCount} pages, ${p.bytes} KB`,
  'preflight.structure.encryption': () =>
    'the file is encrypted',
  'preflight.structure.id': () =>
    'trailer /ID present',
  'preflight.structure.id.missing': () =>
    'no trailer /ID',
  'preflight.structure.content': (p: { readonly broken: string }) =>
    `content streams cannot be decoded: ${p.broken}`,
  'preflight.meta.title': (p: { readonly title: string }) =>
    `Title "${p.title}"`,
  'preflight.meta.title.missing': () =>
    'no Info Title',
  'preflight.meta.dates': (p: { readonly created: string; readonly modified: string }) =>
    `CreationDate ${p.created}, ModDate ${p.modified}`,
  'preflight.xmp.present': () =>
    'no XMP metadata stream',
  'preflight.xmp.wellformed': (p: { readonly problem: string }) =>
    `XMP is malformed: ${p.problem}`,
  'preflight.xmp.wellformed.ok': (p: { readonly xmpCount: number }) =>
    `XMP well-formed (${p.xmpCount} characters)`,
  'preflight.fonts.embedded': (p: { readonly fontsCount: number }) =>
    `all ${p.fontsCount} fonts embedded`,
  'preflight.fonts.embedded.missing': (p: { readonly notEmbedded: string }) =>
    `not embedded: ${p.notEmbedded}`,
  'preflight.fonts.tounicode': () =>
    `every font has a ToUnicode map`,
  'preflight.fonts.tounicode.missing': (p: { readonly noUnicode: string }) =>
    `no ToUnicode: ${p.noUnicode}`,
  'preflight.colour.spaces': (p: { readonly spaces: string }) =>
    `colour spaces used: ${p.spaces}`,
  'preflight.colour.spaces.none': () =>
    'no colour operators',
  'preflight.colour.text': (p: { readonly textColours: string }) =>
    `text shows by fill colour: ${p.textColours}`,
  'preflight.fonts.widths': (p: { readonly mismatched: number; readonly codes: number; readonly details: string }) =>
    `${p.mismatched} of ${p.codes} codes declare a width other than the font program's advance (PDF/A-2 6.2.11.5): ${p.details}`,
  'preflight.fonts.widths.ok': (p: { readonly codes: number; readonly checkedCount: number }) =>
    `declared widths of all ${p.codes} codes in ${p.checkedCount} CIDFontType2 fonts equal the program's advances (±1/1000 em)`,
  'preflight.pdfx.version': (p: { readonly claim: string }) =>
    `claims ${p.claim}`,
  'preflight.pdfx.version.missing': () =>
    'no GTS_PDFXVersion (Info or XMP pdfxid)',
  'preflight.pdfx.pdfversion': (p: { readonly version: string }) =>
    `PDF ${p.version} (PDF/X-4 allows at most 1.6)`,
  'preflight.pdfx.xmp': () =>
    'XMP has the PDF/X-4 fields (pdfxid, xmpMM ids, RenditionClass, Trapped, dates)',
  'preflight.pdfx.xmp.missing': (p: { readonly missing: string }) =>
    `XMP lacks ${p.missing}`,
  'preflight.pdfx.trapped': (p: { readonly value: string; readonly text: string }) =>
    `Trapped ${p.value}${p.text}`,
  'preflight.pdfx.trapped.missing': () =>
    'no Trapped key',
  'preflight.outputintent': (p: { readonly intentsCount: number }) =>
    `${p.intentsCount} GTS_PDFX output intents (need exactly one)`,
  'preflight.outputintent.no-profile': (p: { readonly condition: string }) =>
    `GTS_PDFX intent "${p.condition}" has no embedded profile`,
  'preflight.outputintent.details': (p: { readonly condition: string; readonly profileCount: string; readonly deviceClass: string; readonly space: string; readonly version: string }) =>
    `GTS_PDFX "${p.condition}", profile ${p.profileCount} KB, class ${p.deviceClass}, space ${p.space}, v${p.version}`,
  'preflight.boxes': (p: { readonly noBoxes: string }) =>
    `no TrimBox/BleedBox on page(s) ${p.noBoxes}`,
  'preflight.boxes.nesting': (p: { readonly badNesting: string }) =>
    `TrimBox ⊄ BleedBox ⊄ MediaBox on page(s) ${p.badNesting}`,
  'preflight.boxes.bleed': (p: { readonly pagesCount: number; readonly trim: string; readonly bleed: string; readonly minBleed: string }) =>
    `${p.pagesCount} pages, trim ${p.trim}, bleed ${p.bleed} mm (need ${p.minBleed})`,
  'preflight.annotations': () =>
    'no annotations',
  'preflight.annotations.found': (p: { readonly annotsCount: number; readonly annots: string }) =>
    `${p.annotsCount} annotation(s): ${p.annots}`,
  'preflight.colour.rgb': (p: { readonly rgbOperators: number; readonly rgbImages: number }) =>
    `${p.rgbOperators} DeviceRGB operator(s), ${p.rgbImages} RGB image(s)`,
  'preflight.colour.text.rich-black': (p: { readonly rich: number }) =>
    `${p.rich} text show(s) in rich (four-colour) black`,
  'preflight.colour.text.k-only': (p: { readonly kOnly: number; readonly textShows: number; readonly textColours: number }) =>
    `${p.kOnly} of ${p.textShows} text shows K-only (${p.textColours} at 100 % K)`,
  'preflight.pdfa.id': (p: { readonly part: string; readonly conformance: string }) =>
    `claims PDF/A-${p.part}${p.conformance}`,
  'preflight.pdfa.id.missing': () =>
    'no pdfaid in the XMP',
  'preflight.pdfa.level': () =>
    'level A: tagged (MarkInfo /Marked true, StructTreeRoot)',
  'preflight.pdfa.level.not-tagged': () =>
    'claims level A but is not a tagged PDF',
  'preflight.pdfa.outputintent': (p: { readonly condition: string; readonly space: string }) =>
    `GTS_PDFA1 "${p.condition}", profile space ${p.space}`,
  'preflight.pdfa.outputintent.missing': () =>
    'no GTS_PDFA1 output intent with an embedded profile',
  'preflight.pdfa.colour': (p: { readonly space: string }) =>
    `device colour does not match the ${p.space} output intent`,
  'preflight.pdfa.colour.ok': (p: { readonly space: string }) =>
    `device colours match the ${p.space} output intent`,
  'preflight.nav.lang': (p: { readonly lang: string }) =>
    `/Lang ${p.lang}`,
  'preflight.nav.lang.missing': () =>
    'no /Lang in the catalog',
  'preflight.nav.displaytitle': () =>
    'DisplayDocTitle true',
  'preflight.nav.displaytitle.missing': () =>
    'DisplayDocTitle not set (viewers show the file name)',
  'preflight.nav.outline': (p: { readonly outlineCount: number; readonly outline: string }) =>
    `${p.outlineCount} bookmark(s); first: “${p.outline}”`,
  'preflight.nav.outline.missing': () =>
    'no bookmarks',
  'preflight.nav.outline.count': (p: { readonly outlineCount: number }) =>
    `outline root /Count ${p.outlineCount} = visible items`,
  'preflight.nav.outline.count.wrong': (p: { readonly outlineCount: string; readonly outlineVisible: number }) =>
    `outline root /Count ${p.outlineCount}, but ${p.outlineVisible} item(s) are visible`,
  'preflight.nav.links': () =>
    'no internal links (clickable table of contents)',
  'preflight.nav.links.ok': (p: { readonly internalCount: number; readonly size: number }) =>
    `all ${p.internalCount} internal links resolve (${p.size} named destinations)`,
  'preflight.nav.links.dead': (p: { readonly deadCount: number; readonly dead: string }) =>
    `${p.deadCount} dead link(s): ${p.dead}`,
  'preflight.nav.pagelabels': (p: { readonly labelsCount: number; readonly labels: string }) =>
    `page labels: ${p.labelsCount} range(s); ${p.labels}`,
  'preflight.nav.pagelabels.missing': () =>
    'no page labels',
  'preflight.email.size': (p: { readonly mb: string; readonly maxMb: number }) =>
    `${p.mb} MB (limit ${p.maxMb} MB)`,
  'preflight.email.page': (p: { readonly first: string; readonly first2: string; readonly bleedy: string }) =>
    `page ${p.first}×${p.first2} mm${p.bleedy === '' ? ', no bleed or marks' : `; bleed/marks on page(s) ${p.bleedy}`}`,
  'preflight.email.page.none': () =>
    'no pages',
  'preflight.xmp.info': (p: { readonly compared: number }) =>
    `${p.compared} Info entries agree with the XMP`,
  'preflight.images': () =>
    'no images',
  'preflight.images.ppi': (p: { readonly lowCount: number; readonly imagesCount: number; readonly minPpi: number; readonly low: string }) =>
    `${p.lowCount} of ${p.imagesCount} image(s) below ${p.minPpi} ppi: ${p.low}`,
  'preflight.images.ppi.summary': (p: { readonly imagesCount: number; readonly range: string; readonly spaces: string }) =>
    `${p.imagesCount} image placement(s), ${p.range}, colour ${p.spaces}`,
  'preflight.structure.read': (p: { readonly message: string }) =>
    `not a readable PDF: ${p.message}`,
  'preflight.meta.missing': (p: { readonly key: string }) =>
    `no Info ${p.key}`,
  'preflight.self-check.failed': (p: { readonly file: string; readonly report: string }) =>
    `the ${p.file} PDF fails our own check of what we wrote (a bug of ours; nothing was written):\n${p.report}`,
  'preflight.result': (p: { readonly profile: string; readonly failed: number; readonly warnings: number; readonly passed: number; readonly info: number }) =>
    `(${p.profile}; ${p.failed} failed, ${p.warnings} warnings, ${p.passed} passed, ${p.info} info)`,
  'preflight.xmp.info.differs': (p: { readonly missing: readonly string[]; readonly differing: readonly string[] }) =>
    [...p.missing.map((m) => `${m} not in XMP`), ...p.differing].join('; '),
};
