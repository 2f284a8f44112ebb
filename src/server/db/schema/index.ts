// The database schema as typed code: every table as the migrations leave it, the home of the row types
// (typeof table.$inferSelect). drizzle-kit reads this folder to generate new migrations (drizzle.config.ts);
// what its builder cannot say (INCLUDE indexes, functions, triggers) lives in the SQL migrations, and each table
// notes it where it is declared. tests/integration/schema.test.ts checks this against a migrated database.
export * from "./tenancy"
export * from "./contacts"
export * from "./content"
export * from "./rollups"
export * from "./health"
