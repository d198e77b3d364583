// Every page object, and a catalogue of them for the locator contract.
export * from "./base.js";
export * from "./applicant.js";
export * from "./staff.js";
export * from "./sandbox.js";
