import { EmisInputError } from "../../models/errors";

/** Bytes handed on at a time when the input is one big array (so chunked reads can cut early). */
export const SLICE_BYTES = 1 << 22;

/** What the streaming readers accept as input. */
export type CsvSource = string | Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/** Turn any {@link CsvSource} into an async sequence of byte chunks. */
export async function* byteChunks(fn: string, input: CsvSource): AsyncGenerator<Uint8Array> {
  if (typeof input === "string" || input instanceof Uint8Array) {
    const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
    for (let s = 0; s < bytes.length; s += SLICE_BYTES) yield bytes.subarray(s, s + SLICE_BYTES);
  } else if (input !== null && typeof input === "object" && typeof (input as ReadableStream<Uint8Array>).getReader === "function") {
    const reader = (input as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  } else if (input !== null && typeof input === "object" && Symbol.asyncIterator in input) {
    for await (const chunk of input as AsyncIterable<Uint8Array>) yield chunk;
  } else if (input !== null && typeof input === "object" && Symbol.iterator in input) {
    for (const chunk of input as Iterable<Uint8Array>) yield chunk;
  } else {
    throw new EmisInputError(
      "invalid-input",
      `${fn} reads a string, a Uint8Array, an (async) iterable of Uint8Array chunks or a ReadableStream, got ${input === null ? "null" : typeof input}`,
    );
  }
}
