using System.Text;

namespace Evidentia.Ingestion.Readers;

/// <summary>
/// Caps how deep a page's elements nest before the HTML parser sees it, as browsers do (Blink and WebKit stop at
/// 512): the parser's tree construction costs time in proportion to the depth for every tag, so a page of 100,000
/// nested elements took minutes. Start tags past the cap, and their end tags, are left out (each as a space); their
/// text stays. One linear pass over the source; a page within the cap is returned as it is.
/// </summary>
public static class HtmlDepth
{
    public const int MaxDepth = 512;

    // Elements without content, and elements the parser closes by themselves (a new <p> or <li> ends the open one):
    // neither adds a level here.
    private static readonly HashSet<string> Flat = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "basefont", "bgsound", "frame", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rtc", "rp",
        "thead", "tbody", "tfoot", "colgroup", "caption",
    };

    // Elements whose content is text up to their end tag.
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    // How far down the open elements an end tag looks for its start tag (a stray end tag is ignored).
    private const int EndTagReach = 64;

    public static string Cap(string html)
    {
        var open = new List<(string Name, bool Removed)>();
        var removed = new List<(int Start, int End)>();
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var start = i;
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                i = SkipPast(html, i + 4, "-->");
                continue;
            }

            var end = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = end ? i + 2 : i + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                // <!DOCTYPE …>, <?…>, or a '<' that is text.
                i = html[Math.Min(i + 1, html.Length - 1)] is '!' or '?' ? SkipPast(html, i + 1, ">") : i + 1;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }

            var name = html[nameStart..nameEnd];
            i = TagEnd(html, nameEnd);
            if (end)
            {
                // Pop to the nearest open element of this name; an end tag of a removed one is removed too.
                for (var k = open.Count - 1; k >= Math.Max(0, open.Count - EndTagReach); k--)
                {
                    if (string.Equals(open[k].Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        if (open[k].Removed)
                        {
                            removed.Add((start, i));
                        }

                        open.RemoveRange(k, open.Count - k);
                        break;
                    }
                }

                continue;
            }

            if (RawText.Contains(name))
            {
                i = SkipPast(html, i, "</" + name, StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (Flat.Contains(name) || html[i - 2] == '/')
            {
                continue;
            }

            var beyond = open.Count >= MaxDepth;
            if (beyond)
            {
                removed.Add((start, i));
            }

            open.Add((name, beyond));
        }

        if (removed.Count == 0)
        {
            return html;
        }

        var capped = new StringBuilder(html.Length);
        var from = 0;
        foreach (var (s, e) in removed)
        {
            capped.Append(html, from, s - from).Append(' ');
            from = e;
        }

        return capped.Append(html, from, html.Length - from).ToString();
    }

    // The index after the '>' that ends a tag whose name ends at i (quoted attribute values may hold '>').
    private static int TagEnd(string html, int i)
    {
        char? quote = null;
        for (; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }

    private static int SkipPast(string html, int i, string marker, StringComparison comparison = StringComparison.Ordinal)
    {
        var at = html.IndexOf(marker, i, comparison);
        return at < 0 ? html.Length : at + marker.Length;
    }
}
