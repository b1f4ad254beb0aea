/** The types of source-hash.js (plain JavaScript, so that the executable can run it without a loader). */
export declare function filesUnder(dir: string, prefix?: string): string[];
export declare function installedVersion(name: string, from: string): string;
export declare function hashSources(
  dir: string,
  options?: { keep?: (relative: string) => boolean; libraries?: readonly string[]; prelude?: string },
): string;
