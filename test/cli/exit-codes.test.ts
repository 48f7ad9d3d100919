import { describe, expect, it } from "vitest";
import { exitCodeFor, failsAt } from "../../src/cli/exit-codes.js";
import { errorResult, okResult } from "../report/fixture.js";

describe("exit codes", () => {
  it("rank interrupted over unreadable over findings over success", () => {
    expect(exitCodeFor({ interrupted: true, unreadable: 2, failing: 2 })).toBe(130);
    expect(exitCodeFor({ interrupted: false, unreadable: 1, failing: 5 })).toBe(3);
    expect(exitCodeFor({ interrupted: false, unreadable: 0, failing: 1 })).toBe(1);
    expect(exitCodeFor({ interrupted: false, unreadable: 0, failing: 0 })).toBe(0);
  });

  it("--fail-on never keeps documents from failing the run, unreadable ones included", () => {
    expect(exitCodeFor({ interrupted: false, unreadable: 3, failing: 3, failOn: "never" })).toBe(0);
    expect(exitCodeFor({ interrupted: true, unreadable: 0, failing: 0, failOn: "never" })).toBe(130);
  });

  it("fails a document at its severity level only", () => {
    const withError = okResult();
    const warningOnly = okResult("b.docx", {});
    warningOnly.checklist = { ...warningOnly.checklist!, findings: warningOnly.checklist!.findings.filter((f) => f.severity === "warning") };
    expect(failsAt(withError, "error")).toBe(true);
    expect(failsAt(warningOnly, "error")).toBe(false);
    expect(failsAt(warningOnly, "warning")).toBe(true);
    expect(failsAt(withError, "never")).toBe(false);
    expect(failsAt(errorResult(), "warning")).toBe(false);
  });
});
