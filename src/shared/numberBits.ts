// A number's 64 bits as two 32-bit halves, read without making its text: prints over many numbers (a
// list's column prints, the rows holding the same deal) hash them by their bits.
const float = new Float64Array(1);
const halves = new Uint32Array(float.buffer);

/** The halves of `n`'s bits, in one view shared by every caller: read both before the next call. */
export function numberBits(n: number): Uint32Array {
  float[0] = n;
  return halves;
}
