import { TokenLinkLayout, tokenLinkMetadata } from "@/components/auth/token-link-layout";

export const metadata = tokenLinkMetadata;
export default TokenLinkLayout;
