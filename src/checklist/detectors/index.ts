/** Every detector, registered once by name. Keep sorted. */
import type { Detector } from "../types.js";
import { achievements } from "./achievements.js";
import { causes } from "./causes.js";
import { causesSubjective } from "./causes-subjective.js";
import { criticism } from "./criticism.js";
import { evaluationResult } from "./evaluation-result.js";
import { learning } from "./learning.js";
import { measures } from "./measures.js";
import { measuresDeadline } from "./measures-deadline.js";
import { measuresOwner } from "./measures-owner.js";
import { meeting } from "./meeting.js";
import { nextSteps } from "./next-steps.js";
import { opinionsCount } from "./opinions-count.js";
import { opinionsSolicited } from "./opinions-solicited.js";
import { previousRectification } from "./previous-rectification.js";
import { problems } from "./problems.js";
import { qualityAchievementHeavy } from "./quality-achievement-heavy.js";
import { qualityMeasureNoDeadline } from "./quality-measure-no-deadline.js";
import { qualityMeasureNoOwner } from "./quality-measure-no-owner.js";
import { qualityOcrLowConfidence } from "./quality-ocr-low-confidence.js";
import { qualityObjectiveCausesOnly } from "./quality-objective-causes-only.js";
import { qualityProblemMeasureMismatch } from "./quality-problem-measure-mismatch.js";
import { qualityProblemNoMeasure } from "./quality-problem-no-measure.js";
import { qualitySpunText } from "./quality-spun-text.js";
import { qualityVagueMeasures } from "./quality-vague-measures.js";
import { rectifiedProgress } from "./rectified-progress.js";
import { talks } from "./talks.js";

export const DETECTORS: ReadonlyMap<string, Detector> = new Map(
  [
    achievements,
    causes,
    causesSubjective,
    criticism,
    evaluationResult,
    learning,
    measures,
    measuresDeadline,
    measuresOwner,
    meeting,
    nextSteps,
    opinionsCount,
    opinionsSolicited,
    previousRectification,
    problems,
    qualityAchievementHeavy,
    qualityMeasureNoDeadline,
    qualityMeasureNoOwner,
    qualityObjectiveCausesOnly,
    qualityOcrLowConfidence,
    qualityProblemMeasureMismatch,
    qualityProblemNoMeasure,
    qualitySpunText,
    qualityVagueMeasures,
    rectifiedProgress,
    talks,
  ].map((d) => [d.name, d]),
);
