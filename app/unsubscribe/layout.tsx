import { tokenLinkMetadata } from "@/components/auth/token-link-layout";

// The signed token in the URL unsubscribes its owner: never indexed, never sent on as a referrer.
export const metadata = tokenLinkMetadata;

export default function UnsubscribeLayout({ children }: { children: React.ReactNode }) {
  return children;
}
