// Signing in to the dashboard: the authorization-code flow with PKCE (S256), a state and a nonce, run by the page
// itself against the provider that /sign-in.json names (gateway README, "Signing in"). Only the code verifier,
// state, nonce and the view to come back to wait in sessionStorage while the browser is at the provider; the tokens
// live in this page's memory only (never in storage, never in the URL: the code and state are taken out of the
// address bar at once). In-page links keep the page (dashboard.js), so the sign-in survives moving between views;
// a reload asks the provider again without a prompt (prompt=none) when this tab was signed in.
'use strict';

const SIGN_IN_PENDING = 'drugsplan.signin.pending';
const SIGNED_IN_TAB = 'drugsplan.signin.active';
const ROLES = ['submitter', 'reviewer', 'reader', 'admin'];

const signIn = { config: null, session: null, refreshTimer: null };

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomToken(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function codeChallenge(verifier) {
  return base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

/** The claims of a JWT, read without checking its signature: the gateway and the services verify the token. */
function jwtClaims(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent([...atob(part)].map(c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

function redirectUri() {
  return location.origin + '/';
}

function accountArea() {
  return document.getElementById('account');
}

function setSignInState(state, message) {
  accountArea().dataset.signIn = state;
  const status = document.getElementById('sign-in-status');
  status.replaceChildren(...(message ? [message] : []));
  document.getElementById('sign-in').hidden = !['signed-out', 'expired', 'failed', 'unavailable'].includes(state);
  document.getElementById('sign-out').hidden = state !== 'signed-in';
}

// ---------- the flow ----------

async function beginSignIn(silent) {
  // ask for the configuration again: an outage since the page loaded is said here, not on a browser error page
  const config = await readSignInConfig();
  if (!config) {
    return;
  }
  // the token endpoint is where the code is exchanged: if it does not answer, neither will the login page
  try {
    await fetch(config.tokenEndpoint, { method: 'GET', mode: 'no-cors', cache: 'no-store' });
  } catch (error) {
    setSignInState('unavailable', el('p', { class: 'error', role: 'alert' }, 'The sign-in provider does not answer; '
      + 'signing in is not possible now. Published data stays readable.'));
    return;
  }
  const verifier = randomToken(32);
  const pending = { state: randomToken(16), nonce: randomToken(16), verifier, silent: Boolean(silent),
    returnTo: location.pathname + location.search };
  sessionStorage.setItem(SIGN_IN_PENDING, JSON.stringify(pending));
  const query = new URLSearchParams({ response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(),
    scope: config.scope, state: pending.state, nonce: pending.nonce, code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256' });
  if (silent) {
    query.set('prompt', 'none');
  }
  location.assign(config.authorizationEndpoint + '?' + query.toString());
}

/**
 * Takes the provider's answer (?code=...&state=... or ?error=...&state=...) out of the address bar before any view
 * reads it, and gives back the view the person signed in from; the exchange itself runs afterwards.
 */
function takeSignInAnswer() {
  const params = new URLSearchParams(location.search);
  if (!params.has('state') || !(params.has('code') || params.has('error'))) {
    return null;
  }
  const stored = sessionStorage.getItem(SIGN_IN_PENDING);
  sessionStorage.removeItem(SIGN_IN_PENDING);
  const pending = stored ? JSON.parse(stored) : null;
  history.replaceState(null, '', pending && pending.returnTo ? pending.returnTo : '/');
  return { pending, code: params.get('code'), state: params.get('state'), issuer: params.get('iss'),
    error: params.get('error'), errorDescription: params.get('error_description') };
}

async function tokenRequest(form) {
  const response = await fetch(signIn.config.tokenEndpoint, { method: 'POST', cache: 'no-store',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error(body.error_description || body.error || ('the token endpoint answered ' + response.status));
  }
  return body;
}

async function finishSignIn(answer) {
  const { pending } = answer;
  if (!pending || pending.state !== answer.state) {
    throw new Error('the answer does not belong to a sign-in started in this tab');
  }
  // RFC 9207: a provider that names itself in the answer must be the one this page asked
  if (answer.issuer && answer.issuer !== signIn.config.issuer) {
    throw new Error('the answer comes from another provider (' + answer.issuer + ')');
  }
  if (answer.error) {
    if (pending.silent) {
      return false; // no session at the provider any more: simply signed out
    }
    throw new Error(answer.errorDescription || answer.error);
  }
  const tokens = await tokenRequest({ grant_type: 'authorization_code', code: answer.code, redirect_uri: redirectUri(),
    client_id: signIn.config.clientId, code_verifier: pending.verifier });
  if (tokens.id_token) {
    const id = jwtClaims(tokens.id_token);
    const audiences = [].concat(id.aud);
    if (id.nonce !== pending.nonce || id.iss !== signIn.config.issuer || !audiences.includes(signIn.config.clientId)) {
      throw new Error('the identity token is not the answer to this sign-in (nonce, issuer or audience differ)');
    }
  }
  keepSession(tokens);
  return true;
}

function keepSession(tokens) {
  const claims = jwtClaims(tokens.access_token);
  signIn.session = { accessToken: tokens.access_token, refreshToken: tokens.refresh_token || null,
    idToken: tokens.id_token || (signIn.session && signIn.session.idToken) || null, claims,
    expiresAt: Date.now() + 1000 * (tokens.expires_in || Math.max(0, claims.exp - claims.iat)) };
  sessionStorage.setItem(SIGNED_IN_TAB, '1');
  clearTimeout(signIn.refreshTimer);
  // renewed half a minute before it expires (Keycloak's access tokens live 5 minutes)
  const renewIn = Math.max(5000, signIn.session.expiresAt - Date.now() - 30000);
  signIn.refreshTimer = setTimeout(() => renew().catch(() => {}), renewIn);
}

async function renew() {
  const session = signIn.session;
  if (!session || !session.refreshToken) {
    throw new Error('no way to renew the sign-in');
  }
  try {
    keepSession(await tokenRequest({ grant_type: 'refresh_token', refresh_token: session.refreshToken,
      client_id: signIn.config.clientId }));
  } catch (error) {
    forgetSession();
    setSignInState('expired', el('p', {}, 'Your sign-in has ended (' + error.message + '). Sign in again to see '
      + 'your submissions.'));
    showSubmissions();
    throw error;
  }
}

function forgetSession() {
  clearTimeout(signIn.refreshTimer);
  signIn.session = null;
  sessionStorage.removeItem(SIGNED_IN_TAB);
}

/** The access token for a request, renewed first when it has expired; null when nobody is signed in. */
async function accessToken() {
  if (!signIn.session) {
    return null;
  }
  if (Date.now() > signIn.session.expiresAt - 5000) {
    await renew();
  }
  return signIn.session.accessToken;
}

function signOut() {
  const session = signIn.session;
  forgetSession();
  if (signIn.config && signIn.config.endSessionEndpoint && session) {
    const query = new URLSearchParams({ client_id: signIn.config.clientId, post_logout_redirect_uri: redirectUri() });
    if (session.idToken) {
      query.set('id_token_hint', session.idToken);
    }
    location.assign(signIn.config.endSessionEndpoint + '?' + query.toString());
    return;
  }
  setSignInState('signed-out', el('p', {}, 'Signed out.'));
  showSubmissions();
}

async function readSignInConfig() {
  let response;
  try {
    response = await fetch('/sign-in.json', { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch (error) {
    response = null;
  }
  const body = response ? await response.json().catch(() => ({})) : {};
  if (response && response.ok && body.enabled) {
    signIn.config = body;
    return body;
  }
  if (response && response.ok) {
    setSignInState('not-configured', el('p', {}, 'Signing in is not offered by this gateway (no sign-in provider '
      + 'is configured). Published data needs no sign-in.'));
  } else {
    setSignInState('unavailable', el('p', { class: 'error', role: 'alert' }, (body.detail
      || 'Signing in is not possible now: the gateway did not answer.')));
  }
  return null;
}

// ---------- who is signed in, and their submissions ----------

function whoIsSignedIn() {
  const c = signIn.session.claims;
  const roles = [].concat(c.groups || []).filter(r => ROLES.includes(r));
  const facts = el('dl', { class: 'facts', id: 'signed-in-as' },
    el('dt', {}, 'Signed in as'), el('dd', { 'data-claim': 'name' }, c.name || c.preferred_username || c.sub),
    el('dt', {}, 'Reporter'), el('dd', { 'data-claim': 'reporter' }, c.reporter || 'none'),
    el('dt', {}, 'Roles'), el('dd', { 'data-claim': 'roles' }, roles.length ? roles.join(', ') : 'none'));
  setSignInState('signed-in', facts);
}

function warningList(summary) {
  const items = [...(summary.warnings || []).map(w => el('li', { 'data-warning': w.code },
    el('strong', {}, w.code), ' ', w.row ? '(' + w.row + ') ' : '', w.message || '')),
  ...(summary.conflicts || []).map(c => el('li', { 'data-conflict': c.code },
    el('strong', {}, 'Rejected: ' + c.code), ' ', c.row ? '(' + c.row + ') ' : '', c.message || ''))];
  if (!items.length) {
    return el('p', {}, 'No warning and no rejected row.');
  }
  const more = summary.warned > (summary.warnings || []).length
    ? el('p', {}, 'The first ' + summary.warnings.length + ' of ' + formatNumber(summary.warned) + ' warnings.') : null;
  return el('div', {}, el('ul', {}, ...items), more);
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

async function showSubmissions() {
  const target = document.getElementById('submissions');
  const title = document.getElementById('submissions-title');
  if (!signIn.session) {
    title.textContent = 'Your submissions';
    target.replaceChildren(...(signIn.config ? [el('p', {}, 'Sign in as a focal point to see your submissions and '
      + 'their warnings.')] : []));
    target.dataset.state = 'signed-out';
    return;
  }
  const claims = signIn.session.claims;
  const reviewer = [].concat(claims.groups || []).includes('reviewer');
  target.dataset.state = 'loading';
  try {
    const token = await accessToken();
    if (reviewer) {
      target.dataset.count = String(await showReviewQueue(target, title, token));
      target.dataset.state = 'listed';
      return;
    }
    const admin = [].concat(claims.groups || []).includes('admin');
    title.textContent = admin ? 'Latest submissions of every reporter' : 'My submissions' + (claims.reporter
      ? ' (' + claims.reporter + ')' : '');
    const page = await getJson('/submissions?size=10', token);
    // the list has counts only: each submission's own resource has its warnings and rejected rows
    const details = await Promise.all(page.items.map(s => getJson('/submissions/' + encodeURIComponent(s.id), token)));
    const rows = page.items.map((s, i) => el('tr', { 'data-submission': s.id, 'data-reporter': s.reporter },
      el('td', {}, when(s.receivedAt)), el('td', {}, s.reporter), el('td', {}, s.status),
      el('td', {}, details[i].review ? details[i].review.state : ''),
      num(s.received), num(s.accepted), num(s.rejected), num(details[i].warned),
      el('td', {}, el('details', {}, el('summary', {}, 'Warnings and rejections'), warningList(details[i])))));
    const note = el('p', {}, formatNumber(page.total) + ' submissions in all; the latest ' + rows.length + ' are shown.');
    target.replaceChildren(note, rows.length
      ? table(title.textContent, ['Received', 'Reporter', 'Status', 'Review', 'Rows', 'Accepted', 'Rejected',
        'Warnings', 'Details'], rows)
      : el('p', {}, 'No submission yet.'));
    target.dataset.view = 'submissions';
    target.dataset.count = String(rows.length);
    target.dataset.state = 'listed';
  } catch (error) {
    if (!signIn.session) {
      return; // the sign-in ended while reading: renew() said so
    }
    target.replaceChildren(el('p', { class: 'error', role: 'alert' }, 'Submissions are not available: ' + error.message));
    target.dataset.state = error.status === 401 || error.status === 403 ? 'refused' : 'unavailable';
  }
}

// ---------- start ----------

/** Called by dashboard.js before the first view renders; the promise settles once sign-in is decided. */
function startSignIn() {
  const answer = takeSignInAnswer();
  document.getElementById('sign-in').addEventListener('click', () => beginSignIn(false));
  document.getElementById('sign-out').addEventListener('click', signOut);
  return (async () => {
    if (!window.crypto || !crypto.subtle) {
      setSignInState('unavailable', el('p', { class: 'error' }, 'Signing in needs a secure page (HTTPS).'));
      return;
    }
    const config = await readSignInConfig();
    if (!config) {
      showSubmissions();
      return;
    }
    if (answer) {
      try {
        if (await finishSignIn(answer)) {
          whoIsSignedIn();
          await showSubmissions();
          return;
        }
      } catch (error) {
        forgetSession();
        setSignInState('failed', el('p', { class: 'error', role: 'alert' }, 'Signing in failed: ' + error.message));
        showSubmissions();
        return;
      }
    } else if (sessionStorage.getItem(SIGNED_IN_TAB)) {
      // this tab was signed in before the reload: ask the provider again, without a prompt
      sessionStorage.removeItem(SIGNED_IN_TAB);
      await beginSignIn(true);
      return;
    }
    setSignInState('signed-out', null);
    showSubmissions();
  })();
}
