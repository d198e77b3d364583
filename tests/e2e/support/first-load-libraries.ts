// Issue 14: no page of the budget list may load zod or react-hook-form before the user starts on
// its form (components/form/use-server-form.ts loads the schema then). Each library is known in a
// minified chunk by a string only it holds: a class name of zod's core, an option of useForm.
export const LIBRARY_MARKS = { zod: "$ZodType", "react-hook-form": "shouldUnregister" } as const;

/** The libraries whose mark is in this script. */
export function librariesIn(script: string): string[] {
  return Object.entries(LIBRARY_MARKS)
    .filter(([, mark]) => script.includes(mark))
    .map(([name]) => name);
}
