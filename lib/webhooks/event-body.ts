// The JSON body of a webhook request: { id, object: "event", type, created, data }. Built from the
// stored event, so every attempt and every resend of one event sends the same bytes (jsonb keeps
// keys in one order).
export function eventBody(event: { id: string; type: string; data: unknown; createdAt: Date }): string {
  return JSON.stringify({ id: event.id, object: "event", type: event.type, created: Math.floor(event.createdAt.getTime() / 1000), data: event.data });
}
