import { describe, expect, it } from "vitest";
import { asciiFileName, contentDisposition } from "./content-disposition";

describe("contentDisposition", () => {
  it("gives a plain ASCII name in both parameters", () => {
    expect(contentDisposition("lesson-1.pdf")).toBe(`attachment; filename="lesson-1.pdf"; filename*=UTF-8''lesson-1.pdf`);
  });

  it("percent-encodes UTF-8 in filename* and stands in underscores for filename", () => {
    expect(contentDisposition("Урок 2.mp4")).toBe(`attachment; filename="____ 2.mp4"; filename*=UTF-8''%D0%A3%D1%80%D0%BE%D0%BA%202.mp4`);
  });

  it("never lets quotes, backslashes or line breaks into the header", () => {
    const header = contentDisposition('evil"; filename="x.exe\r\nSet-Cookie: a=b\\.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toContain(`filename="evil_; filename=_x.exeSet-Cookie: a=b_.txt"`);
    expect(header).toContain("filename*=UTF-8''evil%22%3B%20filename%3D%22x.exeSet-Cookie%3A%20a%3Db%5C.txt");
  });

  it("encodes the characters RFC 5987 reserves, keeps the ones it allows", () => {
    expect(contentDisposition("a'b(c)*%.txt")).toContain("filename*=UTF-8''a%27b%28c%29%2A%25.txt");
    expect(contentDisposition("a!#$&+-.^_`|~.txt")).toContain("filename*=UTF-8''a!#$&+-.^_`|~.txt");
  });

  it("names an empty name 'download'", () => {
    expect(contentDisposition("   ")).toBe(`attachment; filename="download"; filename*=UTF-8''download`);
    expect(asciiFileName("ß")).toBe("_");
  });
});
