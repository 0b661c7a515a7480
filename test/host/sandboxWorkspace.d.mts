/** Writes the sandbox's sample files into `dir`; returns their names. */
export function writeSandboxWorkspace(dir: string): Promise<string[]>;
