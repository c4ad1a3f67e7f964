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
import { pupilQualifiedTeacherRatio } from "./pupil-qualified-teacher-ratio";
import { meanTeacherAge, meanTeacherExperience, noviceTeachersPercent, ruralRemotePostingPercent } from "./teacher-characteristics";
import { accessibleSchoolsPercent, disabilityFunctioningPercent, nomadicPupilsPercent } from "./equity-groups";
import {
  adjustedNetEnrolmentRatePrimary,
  grossEnrolmentRatioLowerSecondary,
  grossEnrolmentRatioPrimary,
  grossEnrolmentRatioUpperSecondary,
  grossIntakeRatio,
  grossIntakeRatioLastGradeLowerSecondary,
  grossIntakeRatioLastGradePrimary,
  netEnrolmentRateLowerSecondary,
  netEnrolmentRatePrimary,
  netIntakeRate,
  outOfSchoolRateLowerSecondary,
  outOfSchoolRatePrimary,
} from "./participation";
import {
  cumulativeDropoutRate,
  dropoutRateUis,
  effectivePromotionRate,
  effectiveTransitionRate,
  grossTransitionRate,
  promotionRateUis,
  repetitionRateUis,
  survivalRateLastGrade,
} from "./flow-indicators";
import {
  homeGrownPracticesPercent,
  inclusiveMaterialsPercent,
  inclusivePedagogyIndex,
  localContentPercent,
  motherTongueUsePercent,
} from "./inclusive-pedagogy";

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
  pupilQualifiedTeacherRatio,
  averageClassSize,
  pupilClassroomRatio,
  femaleTeachersPercent,
  trainedTeachersPercent,
  qualifiedTeachersPercent,
  meanTeacherAge,
  meanTeacherExperience,
  noviceTeachersPercent,
  ruralRemotePostingPercent,
  schoolsWithElectricity,
  schoolsWithDrinkingWater,
  schoolsWithToilets,
  schoolsWithAccessibleToilets,
  schoolsWithRamps,
  schoolsWithInternet,
  schoolsWithComputers,
  schoolsWithHandwashing,
  accessibleSchoolsPercent,
  grossEnrolmentRatioPrimary,
  grossEnrolmentRatioLowerSecondary,
  grossEnrolmentRatioUpperSecondary,
  netEnrolmentRatePrimary,
  netEnrolmentRateLowerSecondary,
  adjustedNetEnrolmentRatePrimary,
  outOfSchoolRatePrimary,
  outOfSchoolRateLowerSecondary,
  grossIntakeRatio,
  netIntakeRate,
  grossIntakeRatioLastGradePrimary,
  grossIntakeRatioLastGradeLowerSecondary,
  repetitionRateUis,
  promotionRateUis,
  dropoutRateUis,
  effectivePromotionRate,
  survivalRateLastGrade,
  cumulativeDropoutRate,
  grossTransitionRate,
  effectiveTransitionRate,
  repetitionStatus,
  promotionStatus,
  dropoutStatus,
  passRate,
  meanScore,
  overAgePercent,
  disabilityPercent,
  atRiskPercent,
  disabilityFunctioningPercent,
  nomadicPupilsPercent,
  inclusivePedagogyIndex,
  inclusiveMaterialsPercent,
  localContentPercent,
  homeGrownPracticesPercent,
  motherTongueUsePercent,
  giniSchoolPtr,
  cvSchoolPtr,
  schoolsAbovePtrNorm,
];
