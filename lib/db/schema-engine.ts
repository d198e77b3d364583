// Loads Prisma's WebAssembly schema engine without the --experimental-wasm-modules flag,
// so migrations run offline with no native engine download.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm";
import { log } from "@/lib/log";

type EngineModule = typeof SchemaEngineWasm;
export type SchemaEngine = Awaited<ReturnType<EngineModule["SchemaEngine"]["new"]>>;

const require = createRequire(import.meta.url);

// The engine reports a Rust panic's message through this global before throwing.
const panicHolder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
panicHolder.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message: (message) => log.error("schema engine panic", { panic: message }),
};

async function loadEngineModule(): Promise<EngineModule> {
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const glue = (await import(
    /* webpackIgnore: true */ path.join(packageDir, "schema_engine_bg.js")
  )) as EngineModule & { __wbg_set_wasm(exports: WebAssembly.Exports): void };
  const bytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

export async function openSchemaEngine(connectionString: string, schemaPath: string): Promise<SchemaEngine> {
  const engineModule = await loadEngineModule();
  const datamodel = await readFile(schemaPath, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  return engineModule.SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, () => {}, adapter);
}
