import type { IndicatorDefinitionInput } from "../models/indicator";
import { enrolment } from "./enrolment";
import { pupilTeacherRatio } from "./pupil-teacher-ratio";
import { pupilTrainedTeacherRatio } from "./pupil-trained-teacher-ratio";
import { averageClassSize } from "./average-class-size";
import { pupilClassroomRatio } from "./pupil-classroom-ratio";
import { femaleTeachersPercent, qualifiedTeachersPercent, trainedTeachersPercent } from "./teacher-shares";
import {
  schoolsWithAccessibleToilets,
  schoolsWithComputers,
  schoolsWithDrinkingWater,
  schoolsWithElectricity,
  schoolsWithHandwashing,
  schoolsWithInternet,
  schoolsWithRamps,
  schoolsWithToilets,
} from "./school-facilities";
import { dropoutStatus, promotionStatus, repetitionStatus } from "./pupil-status-rates";
import { atRiskPercent, disabilityPercent, femalePupilsPercent, meanScore, overAgePercent, passRate } from "./pupil-outcomes";
import { cvSchoolPtr, giniSchoolPtr, schoolsAbovePtrNorm } from "./school-ptr-distribution";

/**
 * The built-in indicator catalogue: JSON-serialisable definitions, passed to
 * `disaggregate` as a value (`options.catalogue`), never read from a global registry.
 * Extend it by spreading: `[...catalogue, myDefinition]`; a later definition with the
 * same id overrides an earlier one.
 */
export const catalogue: readonly IndicatorDefinitionInput[] = [
  enrolment,
  femalePupilsPercent,
  pupilTeacherRatio,
  pupilTrainedTeacherRatio,
  averageClassSize,
  pupilClassroomRatio,
  femaleTeachersPercent,
  trainedTeachersPercent,
  qualifiedTeachersPercent,
  schoolsWithElectricity,
  schoolsWithDrinkingWater,
  schoolsWithToilets,
  schoolsWithAccessibleToilets,
  schoolsWithRamps,
  schoolsWithInternet,
  schoolsWithComputers,
  schoolsWithHandwashing,
  repetitionStatus,
  promotionStatus,
  dropoutStatus,
  passRate,
  meanScore,
  overAgePercent,
  disabilityPercent,
  atRiskPercent,
  giniSchoolPtr,
  cvSchoolPtr,
  schoolsAbovePtrNorm,
];
