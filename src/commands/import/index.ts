export async function importArticles(_r: string, _i: string, _f: string[], _o: { section?: string }): Promise<unknown> { return {}; }
export function formatImport(_r: unknown): string { return ''; }
