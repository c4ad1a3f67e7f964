/** Column order of the written seed files (every optional field of the models the generator fills). */
export const COLUMNS = {
  schools: ["school_id", "name", "dzongkhag", "gewog", "thromde", "level", "type", "ownership", "location", "distance_road_km", "distance_hq_km", "classrooms", "electricity", "drinking_water", "toilets", "accessible_toilet", "ramp", "internet", "computers", "handwashing"],
  students: ["student_id", "school_id", "year", "grade", "sex", "age", "disability", "wg_seeing", "wg_hearing", "wg_walking", "wg_selfcare", "wg_communication", "wg_learning", "cfm_anxiety", "cfm_depression", "residence_location", "nomadic", "ses_quintile", "repeater", "status", "passed", "score", "attendance"],
  teachers: ["teacher_id", "school_id", "year", "sex", "birth_year", "experience_years", "qualification", "qualified", "trained", "fte", "teaching", "posting"],
  sections: ["section_id", "school_id", "year", "grade", "pupils", "multigrade"],
} as const;
