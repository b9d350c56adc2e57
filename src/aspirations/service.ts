/**
 * The face of the aspirations feature: what its routes and other features call. Citizens' input,
 * end to end, is split by concern: rules.ts (what an aspiration is), submission.ts, view.ts,
 * tracking.ts (the citizen's side), case-handling.ts (the council's side), notify.ts, jobs.ts and
 * records.ts (the API, Open311, the home page, statistics, personal data).
 */

export {
  AUTO_ROUTE_MIN_GUESSES,
  type AutoRouteCategory,
  type AutoRouteResult,
  type AutoRouteSettings,
  autoRouteSettings,
  changeAutoRoute,
} from './auto-route.ts';
export {
  act,
  addAnswerTemplate,
  answerTemplates,
  bulkAct,
  type CaseFile,
  caseFile,
  inbox,
  suggestedKomisi,
  waitingAspirations,
} from './case-handling.ts';
export { askWhetherResolved, aspirationJobs, foldFigureSums, removeOrphanPhotos, resolvedAfter } from './jobs.ts';
export { type CitizenMessage, tellReporter } from './notify.ts';
export { offlineDraftPaths, offlineDraftTexts } from './offline.ts';
export {
  emptyFigures,
  type Figures,
  monthsBetween,
  type PerformanceFigures,
  type PerformanceFilter,
  performanceFigures,
  type Spread,
} from './performance.ts';
export {
  aspirationPersonalData,
  aspirationStatistics,
  type PublicRecord,
  publicRecords,
  recentlyAnswered,
  responsesBetween,
  responsesOfMember,
  thisMonth,
} from './records.ts';
export {
  type ActionResult,
  type AspirationError,
  allChannels,
  CONSENT_VERSION,
  type FieldProblem,
  type FollowUpKind,
  followUpKinds,
  intakeChannels,
  isCode,
  kinds,
  MAX_PHOTOS,
  NEW_ASPIRATION,
  PHOTO_FOLDER,
  SUBMISSION_KEY,
  type Submission,
} from './rules.ts';
export {
  alertSpikes,
  type PlaceVolume,
  poissonTail,
  type RisingStem,
  risingStems,
  SPIKE_MIN,
  SPIKE_P,
  type Spike,
  spikes,
  volumeByKelurahan,
} from './spikes.ts';
export type { StaffAction } from './staff-steps.ts';
export {
  checkFirstStep,
  fileReceivedAspiration,
  findSimilar,
  type ReceivedProblem,
  type Similar,
  submitAspiration,
} from './submission.ts';
export {
  type CategoryModelReport,
  categoryModelReport,
  MIN_EXAMPLES,
  type ModelEvaluation,
  suggestCategories,
  trainCategoryModel,
} from './suggestions.ts';
export {
  aspirationOfToken,
  aspirationPath,
  type CitizenAction,
  citizenAct,
  listPublicAspirations,
  photoFile,
  publicAspiration,
  sendTrackingLink,
  support,
  type TrackResult,
} from './tracking.ts';
export {
  handOverToPpid,
  type InformationAspiration,
  informationAspirationsToMove,
  recordTrailStep,
  type TrailStep,
} from './trail.ts';
export {
  type AspirationView,
  type Deadline,
  isOpen,
  projectForAspiration,
  type TimelineEvent,
  type Viewer,
} from './view.ts';
export {
  type Change,
  type LateAspiration,
  type Load,
  type MemberPlaces,
  type Trends,
  trends,
  type Workload,
  workload,
} from './workload.ts';
