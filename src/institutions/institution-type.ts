/**
 * Institution types. The API uses stable English values (they survive a change of wording in the
 * Chinese label and are safe in URLs and query strings); people see the Chinese label, and the
 * import file may use either.
 */
export enum InstitutionType {
  Kindergarten = 'kindergarten',
  PrimarySchool = 'primary_school',
  JuniorMiddleSchool = 'junior_middle_school',
  SeniorHighSchool = 'senior_high_school',
  CompleteMiddleSchool = 'complete_middle_school',
  NineYearSchool = 'nine_year_school',
  SecondaryVocationalSchool = 'secondary_vocational_school',
  PrivateSchool = 'private_school',
  OffCampusTraining = 'off_campus_training',
}

export const INSTITUTION_TYPE_LABELS: Record<InstitutionType, string> = {
  [InstitutionType.Kindergarten]: '幼儿园',
  [InstitutionType.PrimarySchool]: '小学',
  [InstitutionType.JuniorMiddleSchool]: '初级中学',
  [InstitutionType.SeniorHighSchool]: '高级中学',
  [InstitutionType.CompleteMiddleSchool]: '完全中学',
  [InstitutionType.NineYearSchool]: '九年一贯制学校',
  [InstitutionType.SecondaryVocationalSchool]: '中等职业学校',
  [InstitutionType.PrivateSchool]: '民办学校',
  [InstitutionType.OffCampusTraining]: '校外培训机构',
};

const BY_LABEL = new Map(Object.entries(INSTITUTION_TYPE_LABELS).map(([value, label]) => [label, value]));

/** '校外培训机构' or 'off_campus_training' → 'off_campus_training'; anything else is returned as is for the validator to refuse. */
export function institutionTypeFromText(text: string): string {
  return BY_LABEL.get(text) ?? text;
}
