// Client-side checks that give immediate feedback; the core validates again and its
// `validation` errors are shown next to the same fields.
import type { MessageKey } from './i18n/it';
import type { ProfileInput } from './bindings/ProfileInput';

export const PROFILE_MAX_LENGTH = 200;

export type ProfileField = keyof ProfileInput;
export type FieldProblem = { key: MessageKey; params?: Record<string, string | number> };
export type ProfileProblems = Partial<Record<ProfileField, FieldProblem>>;

export function validateProfile(input: ProfileInput): ProfileProblems {
  const problems: ProfileProblems = {};
  const name = input.coordinator_name.trim();
  const org = input.organisation.trim();
  if (name === '') problems.coordinator_name = { key: 'profile.nameRequired' };
  else if (name.length > PROFILE_MAX_LENGTH)
    problems.coordinator_name = { key: 'profile.tooLong', params: { max: PROFILE_MAX_LENGTH } };
  if (org === '') problems.organisation = { key: 'profile.orgRequired' };
  else if (org.length > PROFILE_MAX_LENGTH)
    problems.organisation = { key: 'profile.tooLong', params: { max: PROFILE_MAX_LENGTH } };
  return problems;
}

export function trimProfile(input: ProfileInput): ProfileInput {
  return { coordinator_name: input.coordinator_name.trim(), organisation: input.organisation.trim() };
}
