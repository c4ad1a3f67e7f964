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
