// What the whole-application check needs from outside the application: today in Japan and the
// current code lists (国籍, 職種).
import "server-only";
import { now } from "@/lib/clock";
import { countryOptions } from "@/lib/reference/countries";
import { jobTypeCodes } from "@/lib/reference/job-types";
import { todayInJapan } from "@/lib/schemas/normalize";
import type { CheckOptions } from "@/lib/applications/application-check";

export function checkOptions(): CheckOptions {
  return {
    today: todayInJapan(now()),
    countryCodes: countryOptions().map((country) => country.value),
    jobTypeCodes: jobTypeCodes(),
  };
}
