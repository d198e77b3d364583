// The 職種 page's fields and labels: what the browser form needs on first load. No zod here
// (lib/schemas/job-types.ts holds the schemas and re-exports all of this).

/** The page's select fields, in order. */
export const JOB_TYPE_FIELDS = ["jobType1", "jobType2", "jobType3", "jobType4"] as const;
export type JobTypeField = (typeof JOB_TYPE_FIELDS)[number];

/** Field labels as the form and the check-answers page show them. */
export const JOB_TYPES_LABELS = {
  jobTypes: "職種",
  jobType1: "職種1",
  jobType2: "職種2",
  jobType3: "職種3",
  jobType4: "職種4",
} as const;
