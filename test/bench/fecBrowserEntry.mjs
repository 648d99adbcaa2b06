/**
 * Bundled by test/bench/fecBrowser.mjs for Chromium: the FEC reader and the
 * open items, timed in the page against reading and splitting the same bytes.
 */
/* global window, performance, TextDecoder, gc -- runs in the page (gc with --js-flags=--expose-gc) */
import { openItemsAt, readFec } from "../../src/core/books/index.ts";
import { generateFec } from "./fecSample.mjs";

function once(fn) {
  if (typeof gc === "function") gc();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

window.recouvreFecBench = {
  run(lines, rounds, at) {
    const bytes = generateFec(lines);
    let result;
    const readLines = () => new TextDecoder("utf-8").decode(bytes).split("\n").length;
    const readFields = () => {
      let fields = 0;
      for (const line of new TextDecoder("utf-8").decode(bytes).split("\n")) fields += line.split("\t").length;
      return fields;
    };
    const full = () => {
      result = openItemsAt(readFec(bytes, "bench.txt").lines, at);
    };
    const samples = [[], [], []];
    for (let round = 0; round <= rounds; round++) {
      const times = [once(readLines), once(readFields), once(full)];
      if (round > 0) times.forEach((t, i) => samples[i].push(t));
    }
    result = undefined;
    if (typeof gc === "function") gc();
    const heapBefore = performance.memory ? performance.memory.usedJSHeapSize : NaN;
    full();
    if (typeof gc === "function") gc();
    const heapWith = performance.memory ? performance.memory.usedJSHeapSize : NaN;
    return { bytes: bytes.length, samples, heapHeld: heapWith - heapBefore, customerLines: result.counts.lines, open: result.open.length };
  },
};
