import { gunzipSync } from 'node:zlib';

/** A file's bytes, unpacked when they are gzip'd (the data sets come both ways). */
export function gunzipIfCompressed(bytes: Buffer): Buffer {
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}
