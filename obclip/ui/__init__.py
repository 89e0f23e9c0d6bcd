"""The device's local web app (`obclip ui`): `app` (routes, loopback-only), `jobs` (one generation at a time,
its events), `history` (the user's images, opt-in), `static/` (the page). docs/ui.md says why it is built so."""
