/** The types of build.js (plain JavaScript, so that the executable can run it without a loader). */
export declare function packageBuild(): Promise<void>;
export declare function sourceStamp(sourceDir?: string): string;
export declare function checkoutBuild(sourceDir?: string): Promise<URL>;
