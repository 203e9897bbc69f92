export { checkDraft } from './check-draft';
export { checkFollowerChange, type FollowerChange } from './check-follower';
export { checkSettingsChange } from './check-settings';
export {
  type AcceptedSubmission,
  checkSubmission,
  type ReadSubmission,
  readSubmission,
  type SubmissionContext,
  type SubmissionInput,
} from './check-submission';
export { BODY_LIMITS } from './limits';
export { type Refusal, type RefusalCode, refusalError } from './refusal';
export { type CheckedRichText, checkRichText, isSafeHref } from './schema';
