/** Chinese wording of every message, by code (the compiler checks it against the English). */
import type { Catalog } from '../messages';
import type { ForbiddenReason } from '../characters';
import type { Phrase } from './phrases';
import { schemaSide } from './schema-text';

// yaml's messages by code; the English catalog quotes yaml's own (precise) words.
const ZH_YAML: Readonly<Record<string, string>> = {
  MULTIPLE_DOCS: '文件中只能有一个 YAML 文档（不要出现第二个 ---）',
  BAD_INDENT: '缩进不正确',
  MISSING_CHAR: '缺少字符（例如引号或括号没有闭合）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行；请检查冒号和缩进',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不正确；请检查冒号和缩进',
  UNEXPECTED_TOKEN: '出现了意外的字符',
  TAB_AS_INDENT: '不能用 Tab 缩进，请使用空格',
  BAD_SCALAR_START: '取值不能以此字符开头，请给取值加引号',
  TAG_RESOLVE_FAILED: '无法识别的标签（!tag）',
  DUPLICATE_ANCHOR: '锚点（&name）重复',
};

// JSON schema type names, as the editor knows them.
const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文字',
  integer: '整数',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表',
  object: '映射（“键: 值”的若干行）',
  null: '空',
};

// Why a character cannot be printed (characters.ts).
function forbidden(p: ForbiddenReason): string {
  const words = {
    control: `控制字符${p.name === '' ? '' : `（${p.name}）`}`,
    surrogate: '半个代理对（不是字符）',
    'non-character': '非字符码位',
    'beyond-unicode': '超出 Unicode 范围（U+10FFFF）',
    nul: 'NUL 字符',
  };
  return words[p.reason] ?? String(p.reason);
}

// Words inside other messages (phrases.ts); anything else (template syntax) is shown as it is.
const phrase = (name: Phrase | string): string => PHRASES[name as Phrase] ?? String(name);
// The phrases themselves.
const PHRASES: Readonly<Record<Phrase, string>> = {
  'frames.text-block': '版心',
  'frames.header-band': '页眉区',
  'frames.footer-band': '页脚区',
  'frames.trimmed-page': '成品页面',
  'frames.line': '一行',
  'frames.picture': '图片',
  'frames.rule': '线条',
  'frames.mark': '符号',
  'document.sub-expression': '子表达式 (…)',
  'document.literal-value': '字面值',
  'document.partial': '局部模板 {{> …}}',
  'lint.numeral': '汉字“一”',
  'lint.full-width-hyphen': '全角连字符“－”',
};

// The build's stages (build.ts names them in English).
const STAGE_ZH: Readonly<Record<string, string>> = {
  'read and validate': '读取与校验',
  lint: '排版检查',
  fonts: '载入字体',
  frames: '版面边界检查',
  images: '读取图片',
  typeset: '排版',
  'print settings': '印刷设置',
  'content hash': '计算内容摘要',
  'images (e-mail)': '准备电子版图片',
  'images (print)': '准备印刷版图片',
  'render e-mail': '生成电子版',
  'preflight e-mail': '电子版预检',
  'render print': '生成印刷版',
  'preflight print': '印刷版预检',
  write: '写入文件',
};

// Unicode blocks `bulletin fonts` counts (fonts.ts names them in English).
const BLOCKS_ZH: Readonly<Record<string, string>> = {
  'CJK ideographs': '中日韩统一表意文字',
  'CJK Extension A': '扩展 A 区汉字',
  'CJK Extension B': '扩展 B 区汉字',
  'CJK Extensions C–F': '扩展 C–F 区汉字',
  'CJK punctuation': '中文标点',
  'full-width forms': '全角字符',
  'Latin (ASCII)': '拉丁字母（ASCII）',
  'general punctuation': '通用标点',
};

// Invisible characters pasted text carries (paste.ts), by code point.
const INVISIBLE_NAMES: Readonly<Record<string, string>> = {
  'U+00AD': '软连字符',
  'U+200B': '零宽空格',
  'U+200C': '零宽不连字',
  'U+200D': '零宽连字',
  'U+2060': '词连接符',
  'U+FEFF': '字节顺序标记（BOM）',
};
const invisible = (codePoint: string): string => `${INVISIBLE_NAMES[codePoint] ?? '不可见控制字符'} ${codePoint}`;

export const zh: Catalog = {
  'diagnostic.warning-prefix': () => '警告：',
  'diagnostic.hint-prefix': () => '提示：',
  'manifest.too-many-keys.hint': () =>
    '清单通常只有几十个键；是否误粘贴了数据文件？',
  'manifest.nested-too-deeply': (p) =>
    `嵌套层数过多（上限 ${p.limit} 层映射和列表）`,
  'manifest.nested-too-deeply.hint': () =>
    '清单只需要几层；请检查缩进和括号',
  'manifest.value-too-long.hint': () =>
    '长文本应写在文章中，而不是 YAML 取值中',
  'manifest.aliases-expand-too-far.hint': () =>
    '长列表只引用一次，或直接写出取值',
  'manifest.key-not-plain': () =>
    '键必须是普通文字',
  'manifest.too-many-aliases': () =>
    '别名（*name）过多，请直接写出取值',
  'manifest.alias-without-anchor': () =>
    '别名（*name）之前没有对应的锚点（&name）',
  'manifest.yaml-unreadable': (p) =>
    `无法读取 YAML：${p.text}`,
  'manifest.duplicate-key': (p) =>
    `键${p.shown}重复：同一层级中每个键只能出现一次`,
  'workspace.file-not-found': (p) =>
    `找不到文件：${p.display}`,
  'workspace.permission-denied': (p) =>
    `${p.display} 无法读取：没有读取权限`,
  'workspace.permission-denied.hint': () =>
    '请为该文件加上读取权限（例如 chmod a+r），或重新复制该文件',
  'workspace.symlink-loop': (p) =>
    `${p.display} 是指向自身的符号链接`,
  'workspace.symlink-loop.hint': () =>
    '请用文件本身替换该链接',
  'workspace.path-too-long': (p) =>
    `路径 ${p.display} 过长`,
  'workspace.path-too-long.hint': () =>
    '请使用较短的文件名',
  'workspace.cannot-read': (p) =>
    `${p.display} 无法读取（${p.code}）`,
  'workspace.cannot-read.hint': () =>
    '请检查磁盘和该文件后重新生成',
  'workspace.not-regular-file.hint': () =>
    '请指定保存在项目文件夹中的普通文件',
  'workspace.save-as-utf8': () =>
    '请将文件另存为 UTF-8 编码',
  'workspace.saved-as-utf16': (p) =>
    `${p.display} 是 UTF-16 编码，不是 UTF-8`,
  'workspace.invalid-utf8': (p) =>
    `${p.display} 不是有效的 UTF-8 文本（第 ${p.bad} 字节）`,
  'workspace.file-too-large': (p) =>
    `${p.display} 超过 ${p.mb} MB（此类文件的上限）`,
  'workspace.write-relative-path': () =>
    '请写相对于本文件、且不超出文件夹的路径，例如文章中写 ../images/photo.jpg',
  'workspace.invalid-path': () =>
    '路径为空或无效',
  'workspace.absolute-path': (p) =>
    `"${p.relPath}" 是绝对路径或网址`,
  'workspace.path-outside-folder': (p) =>
    `"${p.relPath}" 指向 ${p.root}/ 之外`,
  'workspace.symlink-outside-folder': (p) =>
    `"${p.relPath}" 是指向 ${p.root}/ 之外的符号链接`,
  'workspace.symlink-outside-folder.hint': () =>
    '请把文件复制到文件夹中，不要使用链接',
  'manifest.not-a-calendar-date': (p) =>
    `${p.key}: ${p.text} 不是日历上存在的日期`,
  'manifest.missing-required-property': (p) =>
    `缺少必填项 "${p.name}"`,
  'manifest.did-you-mean': (p) =>
    `是否应为 "${p.guess}"？`,
  'manifest.unknown-property': (p) =>
    `未知的属性 "${p.name}"`,
  'manifest.blank': () =>
    '不能为空白',
  'manifest.pattern-mismatch': (p) =>
    `格式不正确，应符合 ${p.pattern}`,
  'manifest.not-the-constant': (p) =>
    `必须是 ${p.value}`,
  'manifest.empty': () =>
    '不能为空',
  'manifest.too-short': (p) =>
    `至少需要 ${p.limit} 个字符`,
  'manifest.too-long': (p) =>
    `最多 ${p.limit} 个字符`,
  'manifest.empty-list': () =>
    '至少需要列出一项',
  'manifest.too-few-items': (p) =>
    `至少需要列出 ${p.limit} 项`,
  'manifest.too-many-items': (p) =>
    `最多列出 ${p.limit} 项`,
  'manifest.duplicate-item': (p) =>
    `不能重复列出同一项（第 ${p.first} 项和第 ${p.second} 项）`,
  'manifest.out-of-range': (p) =>
    `必须 ${p.cmp} ${p.limit}`,
  'manifest.invalid-value': () =>
    '取值无效',
  'manifest.invalid-value-detail': (p) =>
    `取值无效：${schemaSide(p.description, 'zh')}`,
  'manifest.for-example': (p) =>
    `例如：${p.shown}`,
  'characters.forbidden-character': (p) =>
    `此处不允许不可见字符 ${p.codePoint}（${forbidden(p)}）`,
  'characters.forbidden-character.hint': () =>
    '请删除它：它通常来自从其他程序复制来的文字',
  'characters.more-forbidden-characters': (p) =>
    `……本文件中另有 ${p.more} 个不可见字符`,
  'characters.entity-not-printable.hint': () =>
    '请删除它，或直接输入想要的字符',
  'settings.chars-per-line-too-many': (p) =>
    `page.charsPerLine：${p.textWidth} 个 ${p.em}pt 的字在 ${p.pageWidth} mm 宽的页面上只留下 ${p.outerMargin} mm 外边距（至少需要 5 mm）`,
  'settings.chars-per-line-too-many.hint': (p) =>
    `在此字号和内边距下每行最多 ${p.fits} 个字；也可减小 bodySize 或 marginInner`,
  'settings.lines-per-page-too-many': (p) =>
    `page.linesPerPage：${p.linesPerPage} 行（行距 ${p.pitch}pt，自 ${p.textTop} mm 起）在 ${p.pageHeight} mm 高的页面上放不下页码`,
  'settings.lines-per-page-too-many.hint': (p) =>
    `最多可排 ${p.fits} 行；也可减小 linePitch 或 marginTop`,
  'layout.unbreakable-text': (p) =>
    `“${p.text}”（${p.textCount} 个字符，无可断行处）超过行宽，已在字符之间断行`,
  'layout.unbreakable-text.hint': () =>
    '如为长数字，可分节书写或缩短；如为网址或路径，请确认其完整无误',
  'layout.block-taller-than-page': () =>
    '此段内容超过一页的高度，会超出版面',
  'layout.block-taller-than-page.hint': () =>
    '请缩短，或拆分为几段',
  'layout.keep-with-next-taller-than-page': () =>
    '标题及须与其同页的行超过一页的高度，已跨页拆开',
  'layout.keep-with-next-taller-than-page.hint': () =>
    '请缩短标题',
  'layout.title-too-many-lines': (p) =>
    `标题排成 ${p.lines} 行（超过 ${p.max} 行）`,
  'layout.title-too-many-lines.hint': () =>
    '请缩短标题，其余内容可放入副标题（front matter 的 subtitle:）',
  'layout.title-too-long-for-running-head': (p) =>
    `标题“${p.title}”过长，页眉中印作“${p.shortened}”`,
  'layout.title-too-long-for-running-head.hint': () =>
    '可在 front matter 中设置 runningHead: 自行指定页眉短标题',
  'layout.running-head-too-long': (p) =>
    `页眉“${p.title}”与刊名页眉放不下`,
  'layout.set-shorter-running-head': () =>
    '请在 front matter 中设置更短的 runningHead:',
  'frames.outside-frame': (p) =>
    `第 ${p.page} 页的${p.excerpt === '' ? '' : `“${p.excerpt}”`}${phrase(p.what)}超出${phrase(p.frame)} ${p.by} pt`,
  'frames.outside-frame.hint': () =>
    '请缩短文字，或在合适处断开',
  'layout.running-head-parts-too-close': (p) =>
    `第 ${p.page} 页页眉两部分相距 ${p.gap} pt（至少需 1 字）`,
  'document.template-escaped-braces': (p) =>
    `${p.where}：{{ 前的反斜杠会让花括号原样印出`,
  'document.template-escaped-braces.hint': () =>
    '请删去反斜杠；字段写作 {{字段名}}',
  'document.template-invalid': (p) =>
    `${p.where}：模板写法有误：${p.err}`,
  'document.template-unknown-field': (p) =>
    `${p.where}：未知字段 {{${p.missing}}}`,
  'document.template-unknown-field.hint': (p) =>
    `此处可用的字段：${p.fields}`,
  'document.template-fill-failed': (p) =>
    `${p.where}：模板无法填写：${p.err}`,
  'document.template-output-too-long.hint': () =>
    '页眉、页码或文件名只需一小行',
  'document.template-construct-not-allowed': (p) =>
    `${p.where}：模板中不允许使用 ${phrase(p.what)}`,
  'document.template-allowed-constructs': () =>
    '请只用 {{字段}}，以及 {{#if 字段}}…{{else}}…{{/if}} 或 {{#unless 字段}}…{{/unless}}',
  'document.template-field-syntax': () =>
    '字段写作 {{名称}}，例如 "{{year}}年第{{number}}期"',
  'document.date-format': (p) =>
    `date: ${p.text} 不是 YYYY-MM-DD 格式`,
  'document.output-name-unusable': (p) =>
    `templates.outputName："${p.name}" 不能用作文件名`,
  'document.output-name-unusable.hint': () =>
    '不要使用 / \\ : * ? " < > | 字符，也不要以点开头',
  'document.output-name-too-long': (p) =>
    `templates.outputName：文件名 "${p.name}-print.pdf" 长 ${p.bytes} 字节（上限 ${p.MAX_OUTPUT_NAME_BYTES}）`,
  'document.output-name-too-long.hint': () =>
    '请缩短模板：一个汉字占 3 字节',
  'document.footnote-definition-not-supported': (p) =>
    `不支持脚注 [^${p.definition}]`,
  'document.link-reference-not-supported': (p) =>
    `不支持链接引用定义 [${p.definition}]: …（它会从正文中消失）`,
  'document.footnote-definition-not-supported.hint': () =>
    '请把注释写在句后的括号里，或作为文末的一段',
  'document.link-reference-not-supported.hint': () =>
    '请在使用处直接写链接：[文字](https://…)',
  'document.footnote-reference-not-supported': (p) =>
    `不支持脚注引用 ${p.ref}`,
  'document.footnote-reference-not-supported.hint': () =>
    '请把注释写在句后的括号里',
  'document.date-outside-issue-month': (p) =>
    `日期 ${p.date} 不在本期文件夹名所示的月份 ${p.id} 内`,
  'document.date-outside-issue-month.hint': (p) =>
    `复制来的一期会保留旧日期：请改为 ${p.id} 内的日期，或重命名文件夹`,
  'document.number-out-of-sequence': (p) =>
    `期号 ${p.number} 与上一期 ${p.id}（第${p.number2}期，${p.date}）不衔接：应为 ${p.expected}`,
  'document.number-out-of-sequence.hint': () =>
    '复制来的一期会保留旧期号；用 `bulletin new` 新建一期会自动设置期号和日期',
  'article.front-matter-example': () =>
    '文件开头应为：\n  ---\n  title: 文章标题\n  source: 来源\n  date: 2024-02-02\n  ---',
  'article.no-front-matter': () =>
    '文章开头缺少 --- 信息块',
  'article.front-matter-not-closed': () =>
    '从此处开始的 --- 信息块没有以 --- 行结束',
  'document.paragraph-too-long': (p) =>
    `此段落有 ${p.length} 个字符，超过上限 ${p.MAX_PARAGRAPH_CHARS}`,
  'document.paragraph-too-long.hint': () =>
    '请用空行把它分成若干段',
  'document.empty-heading': () =>
    '标题为空',
  'document.empty-heading.hint': () =>
    '请在 # 后写标题文字',
  'document.image-path-relative': () =>
    '路径相对于本文章文件，例如 ../images/photo.jpg',
  'document.image-not-found': (p) =>
    `找不到图片：${p.src}`,
  'document.heading-levels': () =>
    '文章标题写在开头信息块的 title: 中；正文标题用 ## 表示“一、”，### 表示“（一）”，#### 表示“1.”，##### 表示“（1）”',
  'document.list-too-deep': () =>
    '列表最多嵌套一层',
  'document.list-too-deep.hint': () =>
    '子项只缩进一层（与上一级文字对齐）；更深的层次请在文字中写成“（1）……”',
  'document.heading-in-list': () =>
    '列表项中不能有标题',
  'document.heading-in-list.hint': () =>
    '请在列表结束后空一行再写标题',
  'document.link-address-invalid': (p) =>
    `链接地址“${p.detail}”不是网址或电子邮件地址`,
  'document.link-address-invalid.hint': () =>
    '请写完整地址，例如 [委员会网站](https://www.example.cn) 或 <someone@example.cn>',
  'document.level-one-heading': () =>
    '正文中不能使用 # 一级标题',
  'document.heading-too-deep': () =>
    '###### 标题层级过深，最多四级',
  'document.underlined-heading': () =>
    '文字下一行的 === 或 --- 会被当作标题下划线，不支持这种写法',
  'document.underlined-heading.hint': () =>
    '请在标题文字前写 ##，或删除 === / --- 这一行',
  'document.block-quote-not-supported': () =>
    '不支持引用块（> ……）',
  'document.block-quote-not-supported.hint': () =>
    '请删除 >，写成普通段落',
  'document.table-not-supported': () =>
    '不支持表格',
  'document.table-not-supported.hint': () =>
    '请把表格写成段落，或作为图片插入：![说明](../images/table.png)',
  'document.indented-code-not-supported': () =>
    '不支持缩进代码块',
  'document.indented-code-not-supported.hint': () =>
    '缩进 4 个及以上空格的行会成为代码块，请删除缩进',
  'document.code-block-not-supported': () =>
    '不支持代码块（```）',
  'document.code-block-not-supported.hint': () =>
    '请删除 ``` 行',
  'document.horizontal-rule-not-supported': () =>
    '不支持分隔线（---、***）',
  'document.horizontal-rule-not-supported.hint': () =>
    '请删除这一行',
  'document.html-not-supported': () =>
    '不支持 HTML',
  'document.html-not-supported.hint': () =>
    '请写纯文字；粗体用 **粗体**，着重号用 *着重*',
  'document.image-not-alone': () =>
    '图片必须单独成段',
  'document.image-not-alone.hint': () =>
    '请在 ![说明](路径) 前后各空一行',
  'document.image-in-heading': () =>
    '标题或图片说明中不能包含图片',
  'document.image-in-heading.hint': () =>
    '请让图片单独成段',
  'document.strikethrough-not-supported': () =>
    '不支持删除线（~~……~~）',
  'document.strikethrough-not-supported.hint': () =>
    '请删除 ~~',
  'document.unsupported-markdown': (p) =>
    `不支持的 Markdown 写法（${p.what}）`,
  'document.unsupported-markdown.hint': () =>
    '请只使用段落、## 标题、**粗体**、*着重* 和 ![说明](图片)',
  'document.article-listed-twice': (p) =>
    `${p.file} 被列出两次（另见 ${p.earlier}）`,
  'document.article-not-listed': (p) =>
    `${p.display} 没有列在 ${p.issueFile} 中`,
  'document.image-not-used': (p) =>
    `${p.display} 没有被任何文章使用`,
  'document.image-not-used.hint': (p) =>
    `请在文章中用 ![说明](../images/${p.name}) 插入，或删除该文件`,
  'document.article-empty': (p) =>
    `${p.file} 只有标题，没有正文`,
  'document.article-empty.hint': () =>
    '请在 --- 行之后写正文，或从 issue.yaml 中删去这篇文章',
  'document.invisible-character': (p) =>
    `文中有不可见字符 ${invisible(p.codePoint)}，不会印出（R4）`,
  'document.invisible-character.hint': () =>
    '它随粘贴的文字带入；请删除它（重新输入它前后的字）',
  'document.no-such-issue': (p) =>
    `没有名为 "${p.issueId}" 的一期（找不到 issues/${p.issueId}/issue.yaml）`,
  'document.no-such-issue.hint': (p) =>
    `现有的各期：${p.existing.length === 0 ? '（无）' : p.existing.join('、')}`,
  'lint.fix-remove': (p) =>
    `删除 ${p.from}`,
  'lint.fix-replace': (p) =>
    `将 ${p.from} 改为 ${p.to}`,
  'lint.ascii-punctuation': (p) =>
    `中文中使用了半角“${p.ch}”（R4）`,
  'lint.radical': (p) =>
    `“${p.ch}”（${p.code}）是部首符号，不是汉字（R4）`,
  'lint.radical.hint': () =>
    '请重新输入这个字',
  'lint.replacement-character': () =>
    '文中有 U+FFFD“�”：转换编码时丢失了字符（R4）',
  'lint.replacement-character.hint': () =>
    '请从原文件重新复制这段文字',
  'lint.number-separator': () =>
    '条、章编号后的分隔空格',
  'lint.space-between-chinese': () =>
    '两个汉字之间有空格：将印成一个字宽的空白（R4）',
  'lint.space-between-chinese.hint': () =>
    '若是复制粘贴带来的多余空格，请删除；若用于分隔，请改用全角空格“　”，即不再提示',
  'lint.invisible-character': (p) =>
    `文中有不可见字符 ${invisible(p.codePoint)}，不会印出（R4）`,
  'lint.invisible-character.hint': () =>
    '它随粘贴的文字带入；`bulletin check --fix` 会删除它（看得见的文字不变）',
  'lint.ascii-full-stop': () =>
    '汉字后使用了半角“.”（R4）',
  'lint.unpaired-emphasis-marker': (p) =>
    `“${p.marker}”没有配对，将原样印出，不是着重`,
  'lint.unpaired-emphasis-marker.hint': (p) =>
    `着重请成对书写（*着重*）；要印出该符号请写 \\${p.marker}；乘号请用 ×（3×4）`,
  'lint.item-joined-to-paragraph': (p) =>
    `“${p.number}”开始新的一项，但这一行会与上一行合并成一段`,
  'lint.item-joined-to-paragraph.hint': () =>
    '请在它前面空一行（--fix 会这样做），或在上一行末尾加反斜杠 \\ 只保留换行',
  'lint.short-lines-joined': (p) =>
    `${p.linesCount} 个短行会合并成一段：“${p.lines}”`,
  'lint.short-lines-joined.hint': () =>
    '要每行单独一行，请在除最后一行外的每行末尾加反斜杠 \\（或两个空格）；要分成段落，请在各行之间空一行',
  'lint.ellipsis': (p) =>
    `用“${p.m}”表示省略号（R4）`,
  'lint.dash': (p) =>
    `用“${p.m}”表示破折号（R4）`,
  'lint.unbalanced-bracket': (p) =>
    `本段中的“${p.mark}”没有配对的“${p.missing}”（R23）`,
  'lint.unbalanced-bracket.hint': (p) =>
    `请补上“${p.missing}”或删除这个“${p.mark}”`,
  'lint.document-number-year-brackets': (p) =>
    `发文字号的年份用了“${p.m}${p.value}”（R23）`,
  'lint.straight-quote': (p) =>
    `中文中使用了直引号 ${p.straight}（R23）`,
  'lint.straight-quote.hint': (p) =>
    `请把 ${p.straight} 改为 ${p.open} 或 ${p.close}，并检查与之配对的引号`,
  'lint.range-dash': (p) =>
    `${phrase(p.name)}被用作连接号（R24）`,
  'lint.single-dash': () =>
    '汉字之间只有一个“—”；破折号应为“——”（R24）',
  'lint.single-dash.hint': () =>
    '如表示破折号，请改为“——”',
  'lint.ascii-tilde-range': () =>
    '中文数字范围中使用了半角“~”（R24）',
  'lint.full-width-digits': (p) =>
    `使用了全角数字“${p.m}”（R16）`,
  'lint.fix-invalid-utf8': (p) =>
    `${p.display} 不是有效的 UTF-8 文本`,
  'lint.fix-cannot-write': (p) =>
    `无法写入 ${p.file}：${p.message}`,
  'images.unsupported-format': (p) =>
    `${p.displayName} 不是 JPEG 或 PNG 图片`,
  'images.unsupported-format.hint': () =>
    '请把图片另存为 .jpg 或 .png',
  'images.unreadable': (p) =>
    `无法读取图片 ${p.displayName}：${p.reason}`,
  'images.unreadable.hint': () =>
    '请用图片编辑软件打开并重新保存为 JPEG 或 PNG',
  'images.too-many-pixels': (p) =>
    `图片 ${p.name}${p.size} 超过 ${p.MAX_IMAGE_PIXELS} 百万像素`,
  'images.too-many-pixels.hint': () =>
    '请把长边缩小到 6000 像素以内',
  'images.low-resolution': (p) =>
    `图片 ${p.displayName} 在印刷尺寸下只有 ${p.shown} ppi（印刷需要 ${p.minPpi} ppi），印出来会模糊`,
  'images.low-resolution.hint': (p) =>
    `请换用更大的原图：像素尺寸至少为现在的 ${p.factor} 倍`,
  'layout.character-not-in-font.hint': () =>
    '请在丛刊设置的 fonts.fallback 中加入含该字的字体，或改用常用字、文字说明',
  'cli.interrupted-while-starting': (p) =>
    `\n启动时被中断（${p.signal}）：未读取或写入任何文件\n`,
  'output.interrupted-after-write': (p) =>
    `\n已中断（${p.signal}），但 PDF 已经写好，内容完整\n`,
  'output.interrupted-nothing-written': (p) =>
    `\n已中断（${p.signal}）：未写任何文件，原有 PDF 保持不变\n`,
  'output.folder-is-symlink': (p) =>
    `${p.shown} 是符号链接：PDF 只写入项目内的真实文件夹`,
  'output.folder-is-symlink.hint': (p) =>
    `请删除该链接（rm ${p.shown}）后重新生成，之后再把 PDF 复制到别处`,
  'output.folder-is-file': (p) =>
    `${p.shown} 是一个文件，但 PDF 要写入同名的文件夹`,
  'output.folder-is-file.hint': () =>
    '请移走或删除该文件后重新生成',
  'build.saddle-stitch-padded': (p) =>
    `骑马钉：印刷文件补空白页 ${p.pages} → ${p.padded} 页（加在末尾）`,
  'build.profiles-folder': () =>
    '请检查路径；配置文件位于项目根目录的 profiles/ 下',
  'build.profile-not-cmyk-output': (p) =>
    `${p.relative} 不是 CMYK 输出（印刷）ICC 配置文件`,
  'build.profile-not-cmyk-output.hint': () =>
    '请向印刷厂索取其印刷用 CMYK 配置文件（.icc）',
  'build.too-many-pages-for-saddle-stitch': (p) =>
    `印刷文件共 ${p.pages} 页，超过骑马钉的页数上限（print.bindingLimit ${p.bindingLimit}）`,
  'build.too-many-pages-for-saddle-stitch.hint': () =>
    '请在 series.yaml 的 print: 下设 `binding: perfect`（胶装），或经印厂同意后提高 print.bindingLimit',
  'build.fonts-folder': () =>
    '请检查路径；字体位于项目根目录的 fonts/ 下',
  'build.font-unreadable': (p) =>
    `字体文件 ${p.relative}（${p.setting}）无法读取`,
  'build.font-unusable': (p) =>
    `${p.relative}（${p.setting}）不是可用的字体：${p.message}`,
  'build.font-unusable.hint': () =>
    '请使用单字重 TrueType（.ttf）字体文件',
  'report.more-like-this': (p) =>
    `  ……另有 ${p.more} 条同类警告`,
  'report.warnings-hidden': (p) =>
    `有 ${p.hidden} 条警告未显示；查看全部：${p.listAllCommand}`,
  'report.progress.stage-done': (p) =>
    `正在排版……${p.stage} 完成（${p.seconds} 秒）`,
  'open.viewer-failed': (p) =>
    `无法打开查看程序（${p.command}）；请自行打开 ${p.target}`,
  'help.option-help': () =>
    '显示命令帮助',
  'fonts.list.glyphs': () =>
    '个字形',
  'fonts.coverage.complete': (p) =>
    `第 ${p.issueId} 期的每个字符都至少有一种字体包含`,
  'fonts.coverage.missing': (p) =>
    `第 ${p.issueId} 期中没有任何字体包含的字符（${p.missingCount} 个）：`,
  'fonts.coverage.count': (p) =>
    `（${p.count} 处）`,
  'new.no-issue-to-copy': () =>
    '没有可作为起点的一期（issues/ 下没有带期号和日期的 issue.yaml）',
  'new.no-issue-to-copy.hint': () =>
    '请先手工复制一期文件夹；之后 `bulletin new` 会接着编号',
  'new.bad-folder-name': (p) =>
    `"${p.requestedId}" 不能用作文件夹名`,
  'new.bad-folder-name.hint': () =>
    '请用年月，例如 2024-03',
  'new.issue-exists': (p) =>
    `issues/${p.id} 已存在；未做任何修改`,
  'new.issue-exists.hint': () =>
    '请换一个名称：bulletin new <期号>，例如 bulletin new 2024-04',
  'new.summary.created': (p) =>
    `已根据 issues/${p.from}/ 新建 issues/${p.id}/`,
  'new.summary.fields': (p) =>
    `  第${p.number}期，日期 ${p.date}，编辑 ${p.editor}`,
  'new.summary.next': (p) =>
    `下一步：bulletin import <文件>… --issue ${p.id}`,
  'import.skipped.table': (p) =>
    `一个表格（${p.rows} 行，开头为“${p.node}”）未导入`,
  'import.skipped.table.hint': () =>
    '请改写成段落，或存成图片后用 ![说明](../images/….png) 插入',
  'import.note.picture-unprintable': (p) =>
    `第 ${p.counter} 张图片是 ${p.contentType} 格式，无法印刷；请另存为 JPEG 或 PNG 后手工加入`,
  'import.skipped.text-box': (p) =>
    `一个文本框（“${p.start}”）：其文字作为普通段落放在此处`,
  'import.note.text-box-not-found': (p) =>
    `转换后的文字中找不到文本框（“${p.start}”）`,
  'import.skipped.text-box.hint': () =>
    '请把这段文字移到文中合适的位置，或删除',
  'import.draft.todo-title': () =>
    'TODO：标题',
  'import.draft.todo-source': () =>
    '# source: TODO —— 来源（原文中未找到）',
  'import.draft.todo-date': () =>
    '# date: TODO —— 发布日期 YYYY-MM-DD（原文中未找到）',
  'import.draft.todo-caption': () =>
    'TODO：图片说明',
  'import.note.picture-not-jpeg-png': (p) =>
    `第 ${p.counter} 张图片（${p.local}）不是 JPEG 或 PNG；请转换后手工加入`,
  'import.no-such-issue': (p) =>
    `没有名为 "${p.issueId}" 的一期`,
  'import.no-such-issue.hint': () =>
    '请先新建一期：bulletin new',
  'import.no-such-section': (p) =>
    `${p.issueDisplay} 中没有栏目“${p.section}”`,
  'import.unsupported-file-type': (p) =>
    `无法导入 ${p.file}：只支持 .docx、.html（保存的微信文章）和 .txt`,
  'import.unsupported-file-type.hint': () =>
    '在 Word 中“另存为” .docx；.doc 或 .pdf 请把文字复制到 .txt 文件',
  'import.summary.article': (p) =>
    `${p.from} → ${p.file}（“${p.title}”，栏目：${p.section}）`,
  'import.summary.fixes': (p) =>
    `  已自动修正 ${p.fixes} 处字符（R4：半角标点、省略号、部首字等）`,
  'import.summary.todo-field': (p) =>
    `  ${p.file}：TODO ${p.field}：原文中未找到，请补上`,
  'import.summary.todo-caption': (p) =>
    `  ${p.file}:${p.line}：TODO 图片没有说明`,
  'import.summary.skipped': (p) =>
    `  ${p.file}:${p.line}：${p.what}\n    提示：${p.hint}`,
  'import.summary.listed': (p) =>
    `已列入 issues/${p.issue}/issue.yaml 的“${p.section}”栏目`,
  'import.summary.check-heading': (p) =>
    `检查 issues/${p.issue}：`,
  'import.summary.check-passed': () =>
    '检查通过',
  'import.summary.check-problems': (p) =>
    `检查发现 ${p.valueCount} 个问题，排版前需修正`,
  'watch.status.built': (p) =>
    `第 ${p.build} 次排版：${p.pageCount} 页，${p.ms} ms`,
  'watch.status.warnings': (p) =>
    `，${p.warningsCount} 条警告`,
  'watch.status.problems-last-good': (p) =>
    `发现 ${p.errors} 个问题；显示的是上一次成功的 PDF`,
  'watch.status.problems-no-pdf': (p) =>
    `发现 ${p.errors} 个问题；尚无 PDF`,
  'watch.status.serving': (p) =>
    `预览：${p.url}（正在监视 issues/${p.issueId}、丛刊文件和字体；按 Ctrl-C 结束）\n`,
  'cli.help.new-argument-issue': () =>
    '新一期的文件夹名（默认：最新一期的下个月）',
  'cli.help.new': () =>
    '根据最新一期新建下一期（期号、日期、编辑、栏目）',
  'cli.help.import-argument-files': () =>
    '.docx、微信文章 .html（连同 _files 文件夹保存）或 .txt 文件',
  'cli.help.import-option-issue': () =>
    '文章加入的那一期，如 2024-03',
  'cli.help.import-option-section': () =>
    'issue.yaml 中的栏目名（默认：第一个栏目）',
  'cli.help.import': () =>
    '把文章转成 Markdown 并列入 issue.yaml',
  'cli.help.watch-argument-issue': () =>
    'issues/ 下的期号目录，如 2024-02（默认：当前所在的一期）',
  'cli.help.watch-option-open': () =>
    '在浏览器中打开预览',
  'cli.help.watch-option-port': () =>
    '127.0.0.1 上的端口（默认：任一空闲端口）',
  'cli.help.watch': () =>
    '每次修改后重新排版，并在浏览器预览中显示电子版',
  'cli.help.fonts-argument-issue': () =>
    '要检查字符的一期（默认：最新一期）',
  'cli.help.fonts': () =>
    '列出字体及其覆盖范围，以及本期中没有任何字体包含的字符',
  'cli.help.program': () =>
    '把委员会简报排成可付印的 PDF',
  'cli.help.option-version': () =>
    '显示版本号',
  'cli.help.build': () =>
    '校验、排版并把 PDF 写入 out/<issue>/',
  'cli.help.check': () =>
    '完整校验与排版，但不写文件',
  'cli.help.argument-issue': () =>
    'issues/ 下的期号目录，如 2024-02',
  'cli.help.option-json': () =>
    '以 JSON 输出诊断信息',
  'cli.help.option-fix': () =>
    '先对 Markdown 文件自动修正排版问题，并列出修改',
  'cli.help.option-verbose': () =>
    '同时输出各阶段用时、排版统计和全部警告',
  'cli.help.option-open': () =>
    '完成后用默认 PDF 查看程序打开电子版',
  'cli.help.preflight-argument-pdf': () =>
    '要检查的 PDF 文件（本工具或其他工具生成）',
  'cli.help.preflight-option-print': () =>
    '按 PDF/X-4 印刷文件检查',
  'cli.help.preflight-option-email': () =>
    '按电子版（PDF/A-2a、PDF/UA-1）检查',
  'cli.help.preflight': () =>
    '检查 PDF 并输出通过/不通过报告（通过退出码 0，不通过 1）',
  'cli.preflight-profile-required': () =>
    '--print 与 --email 只能选一个\n',
  'cli.summary.typesetting': (p) =>
    `  排版：${p.lines} 行，挤进 ${p.pushIns} 行，推出 ${p.pushOuts} 行，最大字间加宽 ${p.maxExtraPerGap} em，超过 0.5 em 的 ${p.linesOverThreshold} 行，超出版心宽度的 ${p.linesOverMeasure} 行\n`,
  'cli.summary.per-gap': () =>
    '字间',
  'cli.summary.check-passed': (p) =>
    `检查通过：共 ${p.pageCount} 页，未写文件（${p.totalMs} ms）\n`,
  'cli.summary.file-written': (p) =>
    `${p.relative}  ${p.pages} 页  ${p.bytes} KB\n`,
  'cli.summary.done': (p) =>
    `完成，用时 ${p.totalMs} ms\n`,
  'cli.summary.nothing-written': () =>
    '；未写任何文件',
  'cli.summary.fixable': (p) =>
    `；\`bulletin check --fix\` 可自动修正其中 ${p.fixable} 处`,
  'cli.summary.counts': (p) =>
    `${p.errors} 个错误，${p.warnings} 个警告${p.outcome}${p.fix}`,
  'cli.internal-error.no-log': () =>
    '（无日志：临时文件夹不可写）',
  'cli.internal-error': (p) =>
    `bulletin 内部错误（不是输入内容的问题）；请附上 ${p.log} 报告此问题\n`,
  'manifest.too-many-keys': (p) =>
    `键过多：至少 ${p.keys} 个（每个文件上限 ${p.limit} 个）`,
  'manifest.value-too-long': (p) =>
    `取值长达 ${p.length} 个字符，过长（上限 ${p.limit} 个）`,
  'manifest.aliases-expand-too-far': (p) =>
    `本文件中的别名（*name）展开后超过 ${p.limit} 个取值`,
  'manifest.yaml-syntax': (p) =>
    `YAML 语法错误：${ZH_YAML[p.code] ?? p.detail}`,
  'manifest.allowed-here': (p) =>
    `此处可用：${p.known.join('、')}`,
  'manifest.more-unknown-properties': (p) =>
    `……此映射中另有 ${p.more} 个未知的属性（未一一列出）`,
  'manifest.not-one-of': (p) =>
    `必须是以下之一：${p.allowed.join('、')}`,
  'manifest.wrong-type': (p) =>
    `必须是${p.types.map((name) => TYPE_NAMES[name] ?? name).join('或')}`,
  'manifest.schema-other': (p) =>
    p.zh,
  'workspace.not-regular-file': (p) =>
    `${p.display} 不是普通文件，而是${{ folder: '文件夹', fifo: '命名管道（FIFO）', socket: '套接字', device: '设备文件' }[p.kind] ?? p.kind}`,
  'characters.entity-not-printable': (p) =>
    `${p.entity} 表示 ${p.codePoint === '' ? '不存在的字符' : p.codePoint}（${forbidden(p)}），无法印出`,
  'document.template-output-too-long': (p) =>
    `${p.where}：填写后的文字长 ${p.length} 个字符（上限 ${p.limit}）`,
  'document.template-block-needs-one-field': (p) =>
    `${p.where}：模板中不允许使用 ${p.block}（不是恰好一个字段）`,
  'output.disk-full': () =>
    '磁盘已满：无法写入 PDF；原有 PDF 保持不变',
  'output.disk-full.hint': () =>
    '请清理磁盘空间后重新生成',
  'output.read-only-disk': (p) =>
    `${p.dir} 位于只读磁盘上；原有 PDF 保持不变`,
  'output.read-only-disk.hint': () =>
    '请在可写磁盘上的项目副本中生成',
  'output.no-write-permission': (p) =>
    `没有写入 ${p.file} 的权限；原有 PDF 保持不变`,
  'output.no-write-permission.hint': (p) =>
    `请为自己加上 ${p.dir} 的写权限（例如 chmod u+w ${p.dir}）后重新生成`,
  'output.name-too-long': (p) =>
    `输出文件名过长（${p.bytes} 字节；文件系统最多允许 255 字节）；原有 PDF 保持不变`,
  'output.name-too-long.hint': () =>
    '请缩短丛刊文件中的 templates.outputName',
  'output.file-locked': (p) =>
    `${p.file} 正被其他程序打开（已锁定）；原有 PDF 保持不变`,
  'output.file-locked.hint': () =>
    '请关闭该文件（例如在 PDF 阅读器中）后重新生成',
  'output.in-the-way': (p) =>
    `${p.file} 占用了 PDF 的位置（是文件夹或其他文件）；原有 PDF 保持不变`,
  'output.in-the-way.hint': () =>
    '请移走或删除它后重新生成',
  'output.io-error': () =>
    '磁盘报告读写错误；原有 PDF 保持不变',
  'output.io-error.hint': () =>
    '请检查磁盘（或网络驱动器）后重新生成',
  'report.stage': (p) =>
    STAGE_ZH[p.stage] ?? p.stage,
  'fonts.block-name': (p) =>
    BLOCKS_ZH[p.name] ?? p.name,
  'import.no-such-section.hint': (p) =>
    `现有栏目：${p.titles.join('、')}`,
  'import.already-imported': (p) =>
    `已导入过（内容相同）：${p.earlier}`,
  'import.already-imported.hint': (p) =>
    `请去掉它；如要重新导入，先删除 ${p.earlier}（及 issue.yaml 中的对应行）`,
  'import.file-given-twice': (p) =>
    `与 ${p.twice} 是同一个文件（内容相同），列了两次`,
  'import.file-given-twice.hint': () =>
    '每个文件只列一次',
  'import.files-not-found': (p) =>
    `找不到文件：${p.missing.join('、')}`,
  'import.note.picture-not-saved': (p) =>
    `第 ${p.counter} 张图片（${p.src}）不在保存的 _files 文件夹中；请用“网页，全部”重新保存`,
  'new.summary.sections': (p) =>
    `  栏目（尚无文章）：${p.sections.join('、')}`,
  'layout.character-not-in-font': (p) =>
    `字符“${p.ch}”（${p.code}）不在字体 ${p.font} 中${p.fallbacks === '' ? '' : `，也不在备用字体（${p.fallbacks}）中`}`,
  'preflight.ua.id': (p) =>
    `声明为 PDF/UA-${p.part}`,
  'preflight.ua.id.missing': () =>
    'XMP 中没有 pdfuaid:part',
  'preflight.ua.title': (p) =>
    `dc:title “${p.title}”，DisplayDocTitle 为 true`,
  'preflight.ua.title.missing': (p) =>
    [p.hasTitle ? '' : '缺少 dc:title', p.displayTitle ? '' : 'DisplayDocTitle 不为 true'].filter((s) => s !== '').join('；'),
  'preflight.ua.lang': (p) =>
    `文档语言 ${p.lang}`,
  'preflight.ua.lang.missing': () =>
    '目录字典中没有 /Lang',
  'preflight.ua.tagged': (p) =>
    `MarkInfo /Marked 为 true，StructTreeRoot 含 ${p.elementsCount} 个元素`,
  'preflight.ua.tagged.not-tagged': (p) =>
    `不是带标签的 PDF（MarkInfo /Marked ${p.marked}，StructTreeRoot ${p.hasTree ? '存在' : '缺失'}，Suspects ${p.suspects}）`,
  'preflight.ua.content': (p) =>
    `页面内容均已标记：结构树中有 ${p.scans} 段标记内容，其余为工件（artifact）`,
  'preflight.ua.content.unmarked': (p) =>
    `${p.unmarked} 个绘制操作既非工件也未加标签；${p.untreedCount} 个 MCID 不在 ParentTree 中${p.untreed === '' ? '' : `（${p.untreed}）`}`,
  'preflight.ua.nesting': () =>
    '工件内没有带标签内容，带标签内容内也没有工件；BDC/EMC 配对完整',
  'preflight.ua.nesting.wrong': (p) =>
    `${p.nesting} 段标记内容嵌套错误或未配对`,
  'preflight.ua.types': (p) =>
    `${p.size} 种结构类型，均为标准类型或已映射到标准类型`,
  'preflight.ua.types.nonstandard': (p) =>
    [p.unknown === '' ? '' : `未映射的非标准类型：${p.unknown}`, p.remapped === '' ? '' : `被重新映射的标准类型：${p.remapped}`].filter((s) => s !== '').join('；'),
  'preflight.ua.headings': (p) =>
    `${p.levelsCount} 个标题，从 H1 开始，没有跳级`,
  'preflight.ua.headings.skipped': (p) =>
    `标题跳级：${p.skips}`,
  'preflight.ua.figures': (p) =>
    `全部 ${p.figuresCount} 个图形都有替代文字`,
  'preflight.ua.figures.no-alt': (p) =>
    `${p.figuresCount} 个图形中有 ${p.bare} 个没有 /Alt 或 /ActualText`,
  'preflight.ua.toc': () =>
    'TOC 与 TOCI 的嵌套符合 ISO 32000-1 表 333',
  'preflight.ua.toc.misplaced': (p) =>
    `${p.badTocCount} 个 TOC/TOCI 元素位置不对`,
  'preflight.ua.lists': (p) =>
    `${p.lists} 个列表，L → LI → Lbl/LBody 符合 ISO 32000-1 表 336`,
  'preflight.ua.lists.misplaced': (p) =>
    `${p.badListCount} 个列表元素位置不对`,
  'preflight.ua.tabs': (p) =>
    `${p.annotatedCount} 页有注释，均为 /Tabs /S`,
  'preflight.ua.tabs.wrong': (p) =>
    `以下页面的 /Tabs 不是 /S：${p.noTabs}`,
  'preflight.ua.links': (p) =>
    `全部 ${p.linksCount} 个链接注释都在 Link 元素中并有 /Contents`,
  'preflight.ua.links.incomplete': (p) =>
    `${p.linksCount} 个链接注释中有 ${p.outsideLink} 个不在 Link 元素中，${p.undescribed} 个没有 /Contents`,
  'preflight.structure.version': (p) =>
    `PDF ${p.version}，共 ${p.pagesCount} 页，${p.bytes} KB`,
  'preflight.structure.encryption': () =>
    '文件已加密',
  'preflight.structure.id': () =>
    'trailer 中有 /ID',
  'preflight.structure.id.missing': () =>
    'trailer 中没有 /ID',
  'preflight.structure.content': (p) =>
    `内容流无法解码：${p.broken}`,
  'preflight.meta.title': (p) =>
    `Title "${p.title}"`,
  'preflight.meta.title.missing': () =>
    'Info 中没有 Title',
  'preflight.meta.dates': (p) =>
    `CreationDate ${p.created}，ModDate ${p.modified}`,
  'preflight.xmp.present': () =>
    '没有 XMP 元数据流',
  'preflight.xmp.wellformed': (p) =>
    `XMP 格式错误：${p.problem}`,
  'preflight.xmp.wellformed.ok': (p) =>
    `XMP 格式正确（${p.xmpCount} 个字符）`,
  'preflight.fonts.embedded': (p) =>
    `全部 ${p.fontsCount} 种字体均已嵌入`,
  'preflight.fonts.embedded.missing': (p) =>
    `未嵌入：${p.notEmbedded}`,
  'preflight.fonts.tounicode': () =>
    '每种字体都有 ToUnicode 映射',
  'preflight.fonts.tounicode.missing': (p) =>
    `没有 ToUnicode：${p.noUnicode}`,
  'preflight.colour.spaces': (p) =>
    `使用的颜色空间：${p.spaces}`,
  'preflight.colour.spaces.none': () =>
    '没有颜色操作',
  'preflight.colour.text': (p) =>
    `文字的填充颜色：${p.textColours}`,
  'preflight.fonts.widths': (p) =>
    `${p.codes} 个编码中有 ${p.mismatched} 个声明的宽度与字体程序的步进不同（PDF/A-2 6.2.11.5）：${p.details}`,
  'preflight.fonts.widths.ok': (p) =>
    `${p.checkedCount} 种 CIDFontType2 字体中全部 ${p.codes} 个编码的声明宽度与字体程序的步进一致（±1/1000 em）`,
  'preflight.pdfx.version': (p) =>
    `声明为 ${p.claim}`,
  'preflight.pdfx.version.missing': () =>
    '没有 GTS_PDFXVersion（Info 或 XMP pdfxid）',
  'preflight.pdfx.pdfversion': (p) =>
    `PDF ${p.version}（PDF/X-4 最高允许 1.6）`,
  'preflight.pdfx.xmp': () =>
    'XMP 含 PDF/X-4 所需字段（pdfxid、xmpMM 标识、RenditionClass、Trapped、日期）',
  'preflight.pdfx.xmp.missing': (p) =>
    `XMP 缺少 ${p.missing}`,
  'preflight.pdfx.trapped': (p) =>
    `Trapped ${p.value}${p.text}`,
  'preflight.pdfx.trapped.missing': () =>
    '没有 Trapped 键',
  'preflight.outputintent': (p) =>
    `${p.intentsCount} 个 GTS_PDFX 输出意图（应恰好一个）`,
  'preflight.outputintent.no-profile': (p) =>
    `GTS_PDFX 输出意图“${p.condition}”没有嵌入特性文件`,
  'preflight.outputintent.details': (p) =>
    `GTS_PDFX “${p.condition}”，特性文件 ${p.profileCount} KB，类别 ${p.deviceClass}，颜色空间 ${p.space}，v${p.version}`,
  'preflight.boxes': (p) =>
    `以下页面没有 TrimBox/BleedBox：${p.noBoxes}`,
  'preflight.boxes.nesting': (p) =>
    `以下页面的 TrimBox ⊄ BleedBox ⊄ MediaBox 不成立：${p.badNesting}`,
  'preflight.boxes.bleed': (p) =>
    `共 ${p.pagesCount} 页，成品尺寸 ${p.trim}，出血 ${p.bleed} mm（至少 ${p.minBleed}）`,
  'preflight.annotations': () =>
    '没有注释',
  'preflight.annotations.found': (p) =>
    `${p.annotsCount} 个注释：${p.annots}`,
  'preflight.colour.rgb': (p) =>
    `${p.rgbOperators} 个 DeviceRGB 操作，${p.rgbImages} 幅 RGB 图像`,
  'preflight.colour.text.rich-black': (p) =>
    `${p.rich} 处文字使用四色叠印黑`,
  'preflight.colour.text.k-only': (p) =>
    `${p.textShows} 处文字中 ${p.kOnly} 处仅用 K（${p.textColours} 为 100 % K）`,
  'preflight.pdfa.id': (p) =>
    `声明为 PDF/A-${p.part}${p.conformance}`,
  'preflight.pdfa.id.missing': () =>
    'XMP 中没有 pdfaid',
  'preflight.pdfa.level': () =>
    'A 级：带标签（MarkInfo /Marked 为 true，有 StructTreeRoot）',
  'preflight.pdfa.level.not-tagged': () =>
    '声明为 A 级，但不是带标签的 PDF',
  'preflight.pdfa.outputintent': (p) =>
    `GTS_PDFA1 “${p.condition}”，特性文件颜色空间 ${p.space}`,
  'preflight.pdfa.outputintent.missing': () =>
    '没有嵌入特性文件的 GTS_PDFA1 输出意图',
  'preflight.pdfa.colour': (p) =>
    `设备颜色与 ${p.space} 输出意图不符`,
  'preflight.pdfa.colour.ok': (p) =>
    `设备颜色与 ${p.space} 输出意图相符`,
  'preflight.nav.lang': (p) =>
    `/Lang ${p.lang}`,
  'preflight.nav.lang.missing': () =>
    '目录字典中没有 /Lang',
  'preflight.nav.displaytitle': () =>
    'DisplayDocTitle 为 true',
  'preflight.nav.displaytitle.missing': () =>
    '未设置 DisplayDocTitle（阅读器会显示文件名）',
  'preflight.nav.outline': (p) =>
    `${p.outlineCount} 个书签；第一个：“${p.outline}”`,
  'preflight.nav.outline.missing': () =>
    '没有书签',
  'preflight.nav.outline.count': (p) =>
    `书签根的 /Count ${p.outlineCount} 等于可见项数`,
  'preflight.nav.outline.count.wrong': (p) =>
    `书签根的 /Count 为 ${p.outlineCount}，但可见项有 ${p.outlineVisible} 个`,
  'preflight.nav.links': () =>
    '没有内部链接（可点击的目录）',
  'preflight.nav.links.ok': (p) =>
    `全部 ${p.internalCount} 个内部链接都能解析（${p.size} 个命名目标）`,
  'preflight.nav.links.dead': (p) =>
    `${p.deadCount} 个失效链接：${p.dead}`,
  'preflight.nav.pagelabels': (p) =>
    `页码标签：${p.labelsCount} 段；${p.labels}`,
  'preflight.nav.pagelabels.missing': () =>
    '没有页码标签',
  'preflight.email.size': (p) =>
    `${p.mb} MB（上限 ${p.maxMb} MB）`,
  'preflight.email.page': (p) =>
    `页面 ${p.first}×${p.first2} mm${p.bleedy === '' ? '，没有出血和裁切标记' : `；以下页面有出血或标记：${p.bleedy}`}`,
  'preflight.email.page.none': () =>
    '没有页面',
  'preflight.xmp.info': (p) =>
    `${p.compared} 项 Info 与 XMP 一致`,
  'preflight.images': () =>
    '没有图像',
  'preflight.images.ppi': (p) =>
    `${p.imagesCount} 幅图像中有 ${p.lowCount} 幅低于 ${p.minPpi} ppi：${p.low}`,
  'preflight.images.ppi.summary': (p) =>
    `${p.imagesCount} 处图像，${p.range}，颜色 ${p.spaces}`,
  'preflight.structure.read': (p) =>
    `不是可读的 PDF：${p.message}`,
  'preflight.meta.missing': (p) =>
    `缺少 Info ${p.key}`,
  'preflight.self-check.failed': (p) =>
    `${p.file} PDF 未通过我们对所写内容的自检（这是我们程序的错误；没有写入任何文件）：\n${p.report}`,
  'preflight.result': (p) =>
    `（${p.profile}；${p.failed} 项不通过，${p.warnings} 项警告，${p.passed} 项通过，${p.info} 项信息）`,
  'preflight.xmp.info.differs': (p) =>
    [...p.missing.map((m) => `XMP 中缺少 ${m}`), ...p.differing].join('；'),
};
