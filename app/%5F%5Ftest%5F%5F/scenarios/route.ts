// POST /__test__/scenarios (issue 10, docs/testing.md): a fresh applicant or staff member in a
// named state (lib/test-kit/scenarios.ts). 201 with login ID, password, email, numbers and a
// one-time sign-in URL.
import { z } from "zod";
import { requireTestKit } from "@/lib/test-kit/gate";
import { kitHandle, kitJson, kitZodError, nsSchema, readJsonBody } from "@/lib/test-kit/kit-json";
import { createScenario, personaOf, PERSONAS } from "@/lib/test-kit/scenarios";

export const dynamic = "force-dynamic";

const bodySchema = z.strictObject({
  persona: z.string().transform((value, context) => {
    const persona = personaOf(value.trim());
    if (!persona) {
      context.addIssue({
        code: "custom",
        message: `persona must be one of ${PERSONAS.join(", ")} (or its Japanese name)`,
      });
      return z.NEVER;
    }
    return persona;
  }),
  ns: nsSchema,
  seed: z.string().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(50).optional(),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .regex(/^[a-z0-9._+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/, "email must be a plain address such as a@example.jp")
    .optional(),
  payment: z.enum(["unpaid", "paid"]).optional(),
});

export async function POST(request: Request) {
  requireTestKit(request);
  return kitHandle(async () => {
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    const parsed = bodySchema.safeParse(read.body);
    if (!parsed.success) return kitZodError(parsed.error);
    return kitJson(await createScenario(parsed.data), 201);
  });
}
