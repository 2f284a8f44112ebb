import type { FastifyError, FastifyReply, FastifyRequest } from "fastify"
import { ZodError } from "zod"
import { sqlState } from "./db/client"

/** Errors services throw; one handler maps them to status codes. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message)
  }
}
export class BadRequest extends AppError {
  constructor(message: string, issues?: { path: string; message: string }[]) {
    super(400, "bad_request", message, issues)
  }
}
export class Unauthorized extends AppError {
  constructor(message = "a valid API token is required: Authorization: Bearer <token>") {
    super(401, "unauthorized", message)
  }
}
export class Forbidden extends AppError {
  constructor(message = "your role may not do this") {
    super(403, "forbidden", message)
  }
}
export class NotFound extends AppError {
  constructor(what = "resource") {
    super(404, "not_found", `${what} not found`)
  }
}
export class Conflict extends AppError {
  constructor(message: string) {
    super(409, "conflict", message)
  }
}

export function zodIssues(err: ZodError) {
  return err.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message }))
}

export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    return reply.status(err.status).send({ error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } })
  }
  if (err instanceof ZodError) {
    const issues = zodIssues(err)
    return reply
      .status(400)
      .send({ error: { code: "validation_failed", message: `invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues } })
  }
  // Input the database refuses as data (a NUL byte in text, a number out of range) is the caller's error.
  if (sqlState(err)?.startsWith("22")) {
    return reply
      .status(400)
      .send({ error: { code: "invalid_value", message: "a value in this request cannot be stored (unsupported characters or out of range)" } })
  }
  const status = (err as FastifyError).statusCode
  if (status && status >= 400 && status < 500) {
    return reply.status(status).send({ error: { code: (err as FastifyError).code?.toLowerCase() ?? "bad_request", message: err.message } })
  }
  req.log.error(err)
  return reply.status(500).send({ error: { code: "internal", message: "something went wrong on our side" } })
}
