// The one call to action of an email: a big button, and the raw link under it for clients that
// break buttons. The raw link is skipped in the plain-text part, where the button already
// prints its URL.
import { Button, Link, Section, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { getEmailMessages } from "../messages";
import { styles } from "./styles";

export function ActionButton({ href, label, locale }: { href: string; label: string; locale: Locale }) {
  return (
    <Section style={styles.buttonSection}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
      <Text style={{ ...styles.muted, margin: "16px 0 0" }} data-skip-in-text={true}>
        {getEmailMessages(locale).layout.buttonFallback}{" "}
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}
