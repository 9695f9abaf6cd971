export async function watchIssue(_r: string, _i: string, _o: { open: boolean; port: number }): Promise<void> {}
