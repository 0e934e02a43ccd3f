import { Text } from "@react-email/components";
import { Fragment } from "react";
import { toParagraphs } from "../format";
import { styles } from "./styles";

/** Merchant- or sender-written text: blank lines make paragraphs, single newlines line breaks. */
export function Paragraphs({ text, paragraphs }: { text?: string; paragraphs?: string[] }) {
  const blocks = paragraphs ?? toParagraphs(text);
  return (
    <>
      {blocks.map((paragraph, index) => (
        <Text key={index} style={styles.text}>
          {paragraph.split("\n").map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </Text>
      ))}
    </>
  );
}
