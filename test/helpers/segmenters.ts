import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Whether the optional nodejieba backend is installed and loads here (tests of it are skipped otherwise). */
export function nodejiebaLoads(): boolean {
  try {
    require("nodejieba");
    return true;
  } catch {
    return false;
  }
}
