// Length limits the database enforces (app.tg_requests__validate,
// comments_body_length), mirrored so a form can say them before sending and
// show every problem at once. The database stays the judge.
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 20_000;
export const COMMENT_MAX = 10_000;

/** "Up to 200 characters." until the text nears the limit, then how many are left. */
export function lengthHint(text: string, max: number): string {
  const length = text.trim().length;
  if (length > max) return `${length - max} characters over the limit of ${max}.`;
  if (length >= max * 0.8) return `${max - length} characters left.`;
  return `Up to ${max.toLocaleString('en')} characters.`;
}

/** What is wrong with a request's title and description, all at once (trimmed as the database trims). */
export function checkRequestText(values: {
  title: string;
  description: string;
}): Partial<Record<'title' | 'description', string>> {
  const problems: Partial<Record<'title' | 'description', string>> = {};
  const title = values.title.trim();
  const description = values.description.trim();
  if (!title) problems.title = 'Give the request a title.';
  else if (title.length > TITLE_MAX) {
    problems.title = `The title is ${title.length} characters long; keep it to ${TITLE_MAX} and put the rest in the description.`;
  }
  if (description.length > DESCRIPTION_MAX) {
    problems.description = `The description is ${description.length} characters long; the limit is ${DESCRIPTION_MAX}.`;
  }
  return problems;
}
