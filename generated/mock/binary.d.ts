// Copied by modelspec from generator/mock/binary.ts. Do not edit here: change that file and run `npm run generate`.
export interface BinaryAnswer {
    contentType: string;
    bytes: Uint8Array;
}
/** The answer for a binary route: the example's bytes and type, else a placeholder of the declared type. */
export declare function binaryAnswer(declared: {
    readonly contentType: string;
}, example: {
    response?: object;
} | undefined): BinaryAnswer;
/**
 * A tiny file of the media type: a 1×1 white PNG, an empty WAV, one silent MP3 frame. For other
 * types a short text naming the type stands in; a test that needs real bytes gives an example.
 */
export declare function placeholder(contentType: string): Uint8Array;
