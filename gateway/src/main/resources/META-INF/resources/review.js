// The review queue of a signed-in reviewer (issue 16): the submissions waiting for the bodies of the token, each
// opened to its warnings (accepted with a note), its rows beside what is official (old -> new) and the trend a
// release would draw beside the official one; released or returned one or many at once through the bulk API, which
// answers per submission. What was chosen and what came of it is said in data-* attributes for the browser tests.
'use strict';

const QUEUE_SIZE = 100;

async function sendJson(path, token, body) {
  const response = await fetch(API + path, { method: 'POST', body: JSON.stringify(body),
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer ' + token } });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(answer.detail || answer.title || ('the server answered ' + response.status));
    error.status = response.status;
    throw error;
  }
  return answer;
}

function labelled(id, text, control) {
  control.id = id;
  return el('p', {}, el('label', { for: id }, text), ' ', control);
}

async function showReviewQueue(target, title, token) {
  const queue = await getJson('/review/queue?size=' + QUEUE_SIZE, token);
  title.textContent = 'Review queue (' + (queue.bodies.length ? queue.bodies.join(', ') : 'no body') + ')';
  const details = el('div', { id: 'review-details', 'data-state': 'closed' });
  const rows = queue.items.map(item => queueRow(item, token, details));
  const intro = el('p', {}, rows.length
    ? formatNumber(rows.length) + ' submissions wait for the release of ' + queue.bodies.join(', ')
      + (rows.length === QUEUE_SIZE ? ' (the oldest ' + QUEUE_SIZE + ' are shown)' : '') + ', oldest first.'
    : 'No submission waits for the release of ' + queue.bodies.join(', ') + '.');
  target.replaceChildren(intro, ...(rows.length ? [table(title.textContent, ['Select', 'Received', 'Reporter',
    'Measures', 'Rows', 'Deletions', 'Warnings', 'Waiting for', 'Details'], rows), bulkActions(target, token)] : []),
  details);
  target.dataset.view = 'review-queue';
  return rows.length;
}

function queueRow(item, token, details) {
  const select = el('input', { type: 'checkbox', 'data-select': item.id,
    'aria-label': 'Select the submission of ' + item.reporter + ' received ' + when(item.receivedAt) });
  const open = el('button', { type: 'button', 'data-open': item.id }, 'Open');
  open.addEventListener('click', () => openSubmission(item, token, details));
  const waiting = item.reviewingBodies.filter(b => !item.releasedBy.includes(b));
  return el('tr', { 'data-queue-item': item.id, 'data-reporter': item.reporter },
    el('td', {}, select), el('td', {}, when(item.receivedAt)), el('td', {}, item.reporter),
    el('td', {}, item.measures.map(m => measureName(m)).join('; ')), num(item.accepted), num(item.deleted),
    num(item.warnings), el('td', {}, waiting.join(', ')), el('td', {}, open));
}

function bulkActions(target, token) {
  const publishAt = el('input', { type: 'datetime-local' });
  const note = el('input', { type: 'text', maxlength: '2000' });
  const comment = el('input', { type: 'text', maxlength: '2000' });
  const release = el('button', { type: 'button', id: 'release-selected' }, 'Release selected');
  const giveBack = el('button', { type: 'button', id: 'return-selected' }, 'Return selected');
  const outcome = el('p', { id: 'review-outcome', role: 'status' });
  const selected = () => [...target.querySelectorAll('input[data-select]:checked')].map(c => c.dataset.select);
  release.addEventListener('click', () => bulk(target, token, outcome, 'release', selected(), {
    publishAt: publishAt.value ? new Date(publishAt.value).toISOString() : null, note: note.value || null }));
  giveBack.addEventListener('click', () => {
    if (!comment.value.trim()) {
      outcome.textContent = 'A return needs a comment for the focal point.';
      comment.focus();
      return;
    }
    bulk(target, token, outcome, 'return', selected(), { comment: comment.value });
  });
  return el('fieldset', { class: 'review-actions' }, el('legend', {}, 'Release or return the selected submissions'),
    labelled('release-publish-at', 'Publish at (empty: at once, your local time)', publishAt),
    labelled('release-note', 'Note on the release', note), release,
    labelled('return-comment', 'Comment for the focal point (needed to return)', comment), giveBack, outcome);
}

async function bulk(target, token, outcome, step, submissions, body) {
  if (!submissions.length) {
    outcome.textContent = 'Select at least one submission.';
    return;
  }
  outcome.textContent = (step === 'release' ? 'Releasing ' : 'Returning ') + submissions.length + '...';
  try {
    const answer = await sendJson('/review/' + step, token, Object.assign({ submissions }, body));
    const refused = answer.outcomes.filter(o => o.problem).map(o => o.submission.slice(0, 8) + ': ' + o.problem.detail);
    const done = (step === 'release' ? 'Released ' : 'Returned ') + answer.applied + ', refused ' + answer.refused + '.';
    await showSubmissions();
    // the queue was drawn again: say the outcome in its new status line
    const line = document.getElementById('review-outcome') || target.appendChild(el('p', { id: 'review-outcome',
      role: 'status' }));
    line.textContent = done + (refused.length ? ' ' + refused.join('; ') : '');
    line.dataset.applied = String(answer.applied);
    line.dataset.refused = String(answer.refused);
  } catch (error) {
    outcome.textContent = 'Nothing was ' + (step === 'release' ? 'released' : 'returned') + ': ' + error.message;
  }
}

// ---------- one submission, opened ----------

async function openSubmission(item, token, details) {
  details.dataset.state = 'loading';
  details.replaceChildren(el('p', { class: 'note' }, 'Loading the submission of ' + item.reporter + '...'));
  try {
    const id = encodeURIComponent(item.id);
    const [summary, rows, trends] = await Promise.all([getJson('/submissions/' + id, token),
      getJson('/submissions/' + id + '/rows?size=100', token), getJson('/submissions/' + id + '/trends', token)]);
    details.replaceChildren(el('h3', {}, 'Submission of ' + item.reporter + ', received ' + when(item.receivedAt)),
      warningsToAccept(summary, item, token, details), rowsBesideOfficial(rows), draftTrends(trends));
    details.dataset.submission = item.id;
    details.dataset.state = 'open';
    details.querySelector('h3').scrollIntoView({ block: 'nearest' });
  } catch (error) {
    details.replaceChildren(el('p', { class: 'error', role: 'alert' }, 'The submission could not be read: '
      + error.message));
    details.dataset.state = 'unavailable';
  }
}

function warningsToAccept(summary, item, token, details) {
  const warnings = summary.warnings || [];
  if (!warnings.length) {
    return el('p', { 'data-warnings': '0' }, 'No plausibility warning.');
  }
  const rows = warnings.map(w => el('tr', { 'data-warning': w.code, 'data-row': w.row },
    el('td', {}, w.accepted ? 'accepted' : el('input', { type: 'checkbox', 'data-accept': w.row + '|' + w.code,
      'aria-label': 'Accept ' + w.code + ' on ' + w.row })),
    el('td', {}, w.code), el('td', {}, w.row || ''), el('td', {}, w.message || ''),
    el('td', {}, w.accepted ? w.accepted.by + ' (' + w.accepted.body + '), ' + when(w.accepted.at) + ': '
      + w.accepted.note : '')));
  const note = el('input', { type: 'text', maxlength: '2000' });
  const accept = el('button', { type: 'button', id: 'accept-warnings' }, 'Accept the checked warnings');
  const status = el('p', { role: 'status' });
  accept.addEventListener('click', async () => {
    const chosen = [...details.querySelectorAll('input[data-accept]:checked')].map(c => {
      const [row, code] = c.dataset.accept.split('|');
      return { row, code };
    });
    if (!chosen.length || !note.value.trim()) {
      status.textContent = 'Check the warnings that stand and say why in the note.';
      return;
    }
    try {
      await sendJson('/submissions/' + encodeURIComponent(item.id) + '/warnings/accept', token,
        { warnings: chosen, note: note.value });
      await openSubmission(item, token, details);
    } catch (error) {
      status.textContent = 'The warnings were not accepted: ' + error.message;
    }
  });
  const shown = summary.warned > warnings.length ? ' (the first ' + warnings.length + ' of '
    + formatNumber(summary.warned) + ')' : '';
  return el('div', { 'data-warnings': String(warnings.length) },
    table('Plausibility warnings' + shown, ['Accept', 'Code', 'Row', 'Why', 'Accepted'], rows),
    labelled('accept-note', 'Why the checked values stand as sent', note), accept, status);
}

function officialText(official) {
  return official ? formatNumber(official.value) + (flagOf(official.status) ? ' (' + official.status + ')' : '') : 'none';
}

function rowsBesideOfficial(page) {
  const rows = page.rows.map(r => el('tr', { 'data-review-row': r.series + '|' + r.period },
    el('td', {}, r.series), el('td', {}, formatPeriod(r.period)), el('td', {}, r.action),
    el('td', { class: 'num' }, page.officialKnown ? officialText(r.official) : 'unknown'),
    el('td', { class: 'num' }, r.action === 'DELETE' ? 'deleted' : formatNumber(r.value)
      + (flagOf(r.status) ? ' (' + r.status + ')' : '')), el('td', {}, r.reviewComment || '')));
  const more = rows.length === page.size ? el('p', { class: 'note' }, 'The first ' + page.size + ' rows.') : null;
  return el('div', {}, table('Rows: what is official now and what a release makes official', ['Series', 'Period',
    'Action', 'Official now', 'After release', 'Review comment'], rows), more,
  page.officialKnown ? null : el('p', { class: 'warning' }, 'The store did not answer: official values unknown.'));
}

function trendText(trend) {
  if (!trend) {
    return 'none';
  }
  return (trend.overall ? assessmentLabel(trend.overall.assessment) + ', ' : '') + 'latest ' + formatNumber(trend.latest.value) + ' ('
    + formatPeriod(trend.latest.period) + ')';
}

function draftTrends(view) {
  const rows = view.series.map(s => el('tr', { 'data-draft-series': s.seriesKey },
    el('td', {}, s.seriesKey), el('td', {}, s.changedPeriods.map(formatPeriod).join(', ')),
    el('td', { 'data-trend': 'official' }, trendText(s.official)),
    el('td', { 'data-trend': 'draft' }, s.problem || trendText(s.draft))));
  return table('Trends: official now and after the release', ['Series', 'Changed periods', 'Official trend',
    'Trend after release'], rows);
}
