using System.Text;
using System.Text.RegularExpressions;

namespace Evidentia.Core.Text;

/// <summary>
/// GARD's symptom tables (from the Human Phenotype Ontology), which MedQuAD and MEDIQA keep flattened into one
/// run of words: "Signs and Symptoms Approximate number of patients (when available) Biliary cirrhosis Very
/// frequent Dehydration Occasional Asthma - Bronchiectasis - The Human Phenotype Ontology (HPO) has …". Each row
/// is a sign and its frequency ("Very frequent", "Frequent", "Occasional", "Very rare", "5%", "3/5", or "-" when
/// unknown). Put back on lines, the table is a list under its heading (<see cref="ShortLists"/>): "Signs and
/// Symptoms Approximate number of patients (when available):" then "- Biliary cirrhosis: Very frequent",
/// "- Asthma" …; the words stay the source's, the empty cells ("-") go.
/// </summary>
public static partial class SymptomTables
{
    private const string Heading = "Signs and Symptoms Approximate number of patients (when available)";

    /// <summary><paramref name="text"/> with every flattened symptom table on lines; text without one as it is.</summary>
    public static string Unflatten(string text)
    {
        var at = text.IndexOf(Heading + " ", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 64);
        var from = 0;
        while (at >= 0)
        {
            var body = at + Heading.Length + 1;
            // The table stops at the explanation that follows it, a link to the full list, a sentence or a paragraph.
            var end = End().Match(text, body) is { Success: true } m ? m.Index : text.Length;
            // Rows follow one another from the heading on (\G); words after the last one that are no row (the start of
            // the sentence that follows) stay text.
            var rows = Row().Matches(text[body..end] + " ").ToList();
            if (rows.Count == 0)
            {
                result.Append(text, from, body - from);
                from = body;
            }
            else
            {
                result.Append(text, from, at - from).Append(Heading).Append(":\n");
                result.AppendJoin('\n', rows.Select(r => r.Groups["frequency"].Value == "-"
                    ? $"- {r.Groups["sign"].Value}"
                    : $"- {r.Groups["sign"].Value}: {r.Groups["frequency"].Value}"));
                from = Math.Min(body + rows[^1].Index + rows[^1].Length, text.Length);
                while (from < text.Length && text[from] == ' ')
                {
                    from++;
                }

                result.Append(from < text.Length && text[from] != '\n' ? "\n\n" : "");
            }

            at = text.IndexOf(Heading + " ", from, StringComparison.Ordinal);
        }

        return result.Append(text, from, text.Length - from).ToString();
    }

    // A sign (the fewest words before a frequency) and its frequency, then a space.
    [GeneratedRegex(@"\G(?<sign>[^ ].*?) (?<frequency>Very frequent|Frequent|Occasional|Very rare|\d+(?:\.\d+)?%|\d+/\d+|-) ")]
    private static partial Regex Row();

    [GeneratedRegex(@"The Human Phenotype Ontology|View complete list|\n|[.!?] ")]
    private static partial Regex End();
}
