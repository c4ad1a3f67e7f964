export { catalogue } from "./catalogue";
export { parseIndicator, resolveIndicators } from "./resolve-indicators";
export type { Catalogue } from "./resolve-indicators";
export { enrolment } from "./enrolment";
export { pupilTeacherRatio } from "./pupil-teacher-ratio";
export { pupilTrainedTeacherRatio } from "./pupil-trained-teacher-ratio";
export { averageClassSize } from "./average-class-size";
export { pupilClassroomRatio } from "./pupil-classroom-ratio";
export { femaleTeachersPercent, trainedTeachersPercent, qualifiedTeachersPercent } from "./teacher-shares";
export {
  schoolsWithElectricity,
  schoolsWithDrinkingWater,
  schoolsWithToilets,
  schoolsWithAccessibleToilets,
  schoolsWithRamps,
  schoolsWithInternet,
  schoolsWithComputers,
  schoolsWithHandwashing,
} from "./school-facilities";
export { repetitionStatus, promotionStatus, dropoutStatus } from "./pupil-status-rates";
export { passRate, meanScore, overAgePercent, disabilityPercent, atRiskPercent, femalePupilsPercent } from "./pupil-outcomes";
export { giniSchoolPtr, cvSchoolPtr, schoolsAbovePtrNorm } from "./school-ptr-distribution";
export { pupilQualifiedTeacherRatio } from "./pupil-qualified-teacher-ratio";
export { meanTeacherAge, meanTeacherExperience, noviceTeachersPercent, ruralRemotePostingPercent } from "./teacher-characteristics";
export { accessibleSchoolsPercent, disabilityFunctioningPercent, nomadicPupilsPercent } from "./equity-groups";
export {
  grossEnrolmentRatio,
  netEnrolmentRate,
  adjustedNetEnrolmentRate,
  outOfSchoolRate,
  grossIntakeRatioLastGrade,
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
} from "./participation";
export {
  repetitionRateUis,
  promotionRateUis,
  dropoutRateUis,
  effectivePromotionRate,
  survivalRateLastGrade,
  cumulativeDropoutRate,
  grossTransitionRate,
  effectiveTransitionRate,
} from "./flow-indicators";
export {
  inclusivePedagogyIndex,
  inclusiveMaterialsPercent,
  localContentPercent,
  homeGrownPracticesPercent,
  motherTongueUsePercent,
  pedagogyScaleReliability,
} from "./inclusive-pedagogy";
export { flowRates, cohortSurvival } from "./compute/flow-rates";
export type { GradeFlow, GradeRates, CohortSurvivalOptions } from "./compute/flow-rates";
export { loadCatalogue } from "./load-catalogue";
export type { LoadCatalogueOptions } from "./load-catalogue";
export { gapTrend } from "./time-series";
export type { GapTrend, GapTrendOptions, GapYear } from "./time-series";
export { indicatorPage, indicatorIndex } from "./indicator-docs";
