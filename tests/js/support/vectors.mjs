// The test vectors shared with the Python tests (tests/vectors/*.json).

import { readFileSync } from "node:fs";

export function vectors(name) {
  return JSON.parse(readFileSync(new URL(`../../vectors/${name}`, import.meta.url), "utf8"));
}
