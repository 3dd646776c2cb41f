"""LTI 1.3 and OneRoster (issue 18) — WORK IN PROGRESS, NOT INSTALLED: this app is not in
INSTALLED_APPS yet and nothing here runs or is tested. Still to write: settings (INSTALLED_APPS,
LTI_DEFAULT_OPEN_DAYS, middleware for iframe cookies and frame-ancestors), migrations, views and urls
(OIDC login, launch, JWKS, deep-link picker, NRPS pull), admin, templates, and the simulated-LMS tests.
"""
