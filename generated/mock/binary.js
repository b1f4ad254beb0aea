// Copied by modelspec from generator/mock/binary.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * The mock server's binary answers (an image, audio): the bytes of the offering's example, written
 * `{ contentType, base64 }`, or a tiny placeholder of the declared media type when it has none.
 * Node-only like the rest of the mock; `handle.ts` calls `binaryAnswer` for offerings whose
 * `binaryResponse` is set.
 */
import { Buffer } from "node:buffer";
/** The answer for a binary route: the example's bytes and type, else a placeholder of the declared type. */
export function binaryAnswer(declared, example) {
    const response = example?.response;
    if (response && typeof response.contentType === "string" && typeof response.base64 === "string") {
        return { contentType: response.contentType, bytes: new Uint8Array(Buffer.from(response.base64, "base64")) };
    }
    return { contentType: declared.contentType, bytes: placeholder(declared.contentType) };
}
/**
 * A tiny file of the media type: a 1×1 white PNG, an empty WAV, one silent MP3 frame. For other
 * types a short text naming the type stands in; a test that needs real bytes gives an example.
 */
export function placeholder(contentType) {
    const type = contentType.split(";")[0].trim().toLowerCase();
    if (type === "image/png")
        return new Uint8Array(Buffer.from(PNG_1X1, "base64"));
    if (type === "audio/wav" || type === "audio/x-wav" || type === "audio/wave")
        return emptyWav();
    if (type === "audio/mpeg" || type === "audio/mp3")
        return silentMp3Frame();
    return new TextEncoder().encode(`modelspec mock placeholder: ${type}`);
}
/** A 1×1 8-bit grey PNG (white), made for this file. */
const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR42mP4DwABAQEAHLCMmQAAAABJRU5ErkJggg==";
/** A RIFF/WAVE header with no samples: 8 kHz, mono, 16-bit PCM. */
function emptyWav() {
    const out = Buffer.alloc(44);
    out.write("RIFF", 0, "ascii");
    out.writeUInt32LE(36, 4);
    out.write("WAVEfmt ", 8, "ascii");
    out.writeUInt32LE(16, 16); // fmt chunk size
    out.writeUInt16LE(1, 20); // PCM
    out.writeUInt16LE(1, 22); // channels
    out.writeUInt32LE(8000, 24); // sample rate
    out.writeUInt32LE(16000, 28); // byte rate
    out.writeUInt16LE(2, 32); // block align
    out.writeUInt16LE(16, 34); // bits per sample
    out.write("data", 36, "ascii");
    out.writeUInt32LE(0, 40);
    return new Uint8Array(out);
}
/** One MPEG-1 Layer III frame, 128 kbit/s at 44.1 kHz (417 bytes), whose side info and data are zero: silence. */
function silentMp3Frame() {
    const out = new Uint8Array(417);
    out.set([0xff, 0xfb, 0x90, 0x00]);
    return out;
}
