/**
 * The command line: a thin shell over the library API. STUB: analyze → JSONL on stdout.
 */
import { Command } from "commander";
import { analyze } from "../index.js";

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command("report-check");
  program
    .command("analyze")
    .argument("<paths...>")
    .option("--format <formats>", "jsonl", "jsonl")
    .option("--include-text")
    .action(async (paths: string[], opts: { includeText?: boolean }) => {
      for await (const r of analyze(paths, { includeText: opts.includeText ?? false })) {
        process.stdout.write(JSON.stringify(r) + "\n");
      }
    });
  await program.parseAsync(argv);
  return exitCode;
}
