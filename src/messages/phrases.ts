/**
 * Words that go inside other messages (what lies outside which frame, what a template may not
 * contain). A message's param of this type is worded by the catalog of the printing moment too.
 */
export type Phrase =
  | 'frames.text-block'
  | 'frames.header-band'
  | 'frames.footer-band'
  | 'frames.trimmed-page'
  | 'frames.line'
  | 'frames.picture'
  | 'frames.rule'
  | 'frames.mark'
  | 'document.sub-expression'
  | 'document.literal-value'
  | 'document.partial'
  | 'lint.numeral'
  | 'lint.full-width-hyphen';
