/** An IDX file's bytes (MNIST's format): the magic number, each dimension, then the body. */
export function idxFile(magic: number, dims: number[], body: number[]): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(body)]);
}
