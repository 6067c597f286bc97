// make cms: the editing UI and Decap's local proxy on one loopback address.
// /admin/ serves the page, its script and config (SAWT_ADMIN_DIR, written by `python -m sawt cms`)
// and Decap's bundle from node_modules; /api/v1 is decap-server's file-system mode, which reads and
// writes the files of GIT_REPO_DIRECTORY directly (no branches, no commits: you review and commit).
"use strict";
const path = require("path");
const express = require("express");
const { registerLocalFs } = require("decap-server/dist/middlewares");

const adminDir = process.env.SAWT_ADMIN_DIR;
const host = process.env.BIND_HOST || "127.0.0.1";
const port = Number(process.env.PORT || 8081);
const decapDist = path.join(path.dirname(require.resolve("decap-cms/package.json")), "dist");

// The page's Content-Security-Policy comes from sawt/volunteer/cms.py (admin_policy): one place.
const policy = process.env.SAWT_ADMIN_CSP;

async function main() {
  const app = express();
  app.get("/", (request, response) => response.redirect("/admin/"));
  app.use("/admin", (request, response, next) => {
    response.set({ "Content-Security-Policy": policy, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
    next();
  });
  app.use("/admin", express.static(adminDir), express.static(decapDist, { index: false }));
  await registerLocalFs(app, { logLevel: process.env.LOG_LEVEL || "warn" });
  app.listen(port, host, () => {
    console.log(`Sawt's editing UI: http://${host}:${port}/admin/ (saves into ${process.env.GIT_REPO_DIRECTORY})`);
    console.log("Press Ctrl+C to stop.");
  });
}

main().catch((error) => { console.error(error.message || error); process.exit(1); });
