import { ReportCheckError } from "../../src/model/errors.js";

/** The ReportCheckError a promise rejects with; fails the test when it resolves or throws anything else. */
export async function errorOf(p: Promise<unknown>): Promise<ReportCheckError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ReportCheckError) return e;
    throw e;
  }
  throw new Error("expected a ReportCheckError");
}
