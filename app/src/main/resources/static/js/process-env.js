// @tanstack/query-core reads process.env.NODE_ENV (a bundler's convention); in the browser
// there is no bundler, so define it before the module loads. A file, not an inline script,
// so a Content-Security-Policy without 'unsafe-inline' allows it.
window.process = window.process || { env: { NODE_ENV: "production" } };
