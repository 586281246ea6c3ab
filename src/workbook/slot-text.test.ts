import { describe, expect, it } from "vitest";
import { slotText } from "./slot-text";

describe("the command in a <Run> slot", () => {
  it("is the text as typed", () => {
    expect(slotText("docker ps -a")).toBe("docker ps -a");
  });

  it("decodes what the renderer escaped", () => {
    expect(slotText("docker run busybox sh -c &quot;echo hi &gt; /f &amp;&amp; cat /f&quot;")).toBe('docker run busybox sh -c "echo hi > /f && cat /f"');
    expect(slotText("echo &#39;a&#x27; &lt;b&gt;")).toBe("echo 'a' <b>");
  });

  it("drops a wrapping paragraph and surrounding whitespace", () => {
    expect(slotText("\n<p>docker   images</p>\n")).toBe("docker images");
  });

  it("leaves unknown references alone", () => {
    expect(slotText("a &bogus; b &#0;")).toBe("a &bogus; b &#0;");
  });
});
