import { z } from 'zod';

/**
 * One article per JSON Lines line: `id` (else `url`) identifies it; `text` or `html` holds it;
 * `title`, `date`, `outlet`, `url` are optional metadata (null counts as absent). Unknown fields
 * are ignored.
 */
export const JsonlArticleSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]).nullish(),
    url: z.string().min(1).nullish(),
    title: z.string().nullish(),
    date: z.string().nullish(),
    outlet: z.string().nullish(),
    text: z.string().nullish(),
    html: z.string().nullish(),
  })
  .refine((a) => a.id != null || a.url != null, { message: 'needs an "id" or a "url"', path: ['id'] })
  .refine((a) => (a.text ?? '').trim() !== '' || (a.html ?? '').trim() !== '', { message: 'needs a non-empty "text" or "html"', path: ['text'] });

export type JsonlArticle = z.infer<typeof JsonlArticleSchema>;

/** Parses one line; returns the article or an error message naming the field. */
export function parseJsonlLine(line: string): { article: JsonlArticle } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { error: `invalid JSON: ${(e as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'not a JSON object' };
  const parsed = JsonlArticleSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `field "${issue.path.join('.') || '(root)'}": ${issue.message}` };
  }
  return { article: parsed.data };
}

/** True when every non-blank line of `text` is a JSON object (stdin format sniffing). */
export function looksLikeJsonl(text: string): boolean {
  let any = false;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    if (!t.startsWith('{')) return false;
    try {
      const v = JSON.parse(t);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    } catch {
      return false;
    }
    any = true;
  }
  return any;
}
