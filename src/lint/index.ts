/** The lint stage (TYPOGRAPHY R4, R16, R23, R24): warnings with file:line:column, and `--fix`. */
export { lintIssue, lintFiles, articleFiles } from './issue';
export { lintArticle, applyEdits, type Edit, type LintedFile } from './lint';
export { fixIssue, fixFile, formatFix, type AppliedFix } from './fix';
