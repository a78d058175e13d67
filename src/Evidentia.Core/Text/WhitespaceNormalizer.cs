namespace Evidentia.Core.Text;

/// <summary>
/// Collapses the whitespace of source text the way every reader needs it: runs of spaces and tabs
/// become one space, lines are trimmed, and blank lines become one paragraph break ("\n\n").
/// Single line breaks are kept, since they separate list items and headings.
/// </summary>
public static class WhitespaceNormalizer
{
    public static string Normalize(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        var pendingBreaks = 0;
        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = CollapseSpaces(rawLine);
            if (line.Length == 0)
            {
                pendingBreaks = sb.Length == 0 ? 0 : 2;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n', Math.Max(1, pendingBreaks));
            }

            sb.Append(line);
            pendingBreaks = 1;
        }

        return sb.ToString();
    }

    /// <summary>Collapses every whitespace run (newlines too) to one space and trims: the form used to compare quotes with source files.</summary>
    public static string CollapseAll(string text) => CollapseSpaces(text.Replace('\n', ' ').Replace('\r', ' '));

    /// <summary>
    /// The Windows-1252 punctuation that C1 control characters (U+0080–U+009F) stand for in text decoded as Latin-1 by
    /// mistake: "Crohn\u0092s" is "Crohn’s" (BioASQ PMID 28639684). One character for one, so offsets stay exact.
    /// </summary>
    public static char Repair(char c) => c is >= '\u0080' and <= '\u009f' && Windows1252[c - 0x80] is var r && r != '\0' ? r : c;

    // Windows-1252's characters for bytes 0x80–0x9F; '\0' where it has none (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    private static readonly char[] Windows1252 =
    [
        '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0',
        '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
    ];

    private static string CollapseSpaces(string line)
    {
        var sb = new System.Text.StringBuilder(line.Length);
        var space = false;
        foreach (var raw in line)
        {
            var c = Repair(raw);
            if (char.IsWhiteSpace(c) || c == '\u00A0' || char.IsControl(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
