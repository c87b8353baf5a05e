/**
 * Text from rule files and posts is shown on terminals and in CI logs. Control characters in it
 * could move the cursor, clear the screen, recolour or hide the output (ANSI escapes), start a new
 * line that a CI runner reads as a command (`::error…` in GitHub Actions), or reorder what is shown
 * (bidirectional overrides, "Trojan Source"). These are shown as visible stand-ins instead.
 */

// C0 controls but tab, DEL, C1 controls, and the bidirectional embedding, override and isolate marks.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The same but line feeds and carriage returns, for callers that show line breaks their own way.
const UNSAFE_INLINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function standIn(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟ (U+2400 block)
  if (code === 0x7f) return "\u2421"; // ␡
  return "\uFFFD";
}

/**
 * `s` with every unsafe character replaced by one visible character (␛ for ESC, ␊ for a line
 * feed, U+FFFD for the rest), so the length in UTF-16 units, and every offset into it, is kept.
 * With `keepLineBreaks`, line feeds and carriage returns are kept.
 */
export function printable(s: string, keepLineBreaks = false): string {
  const re = keepLineBreaks ? UNSAFE_INLINE : UNSAFE;
  re.lastIndex = 0;
  return re.test(s) ? s.replace(re, standIn) : s;
}
