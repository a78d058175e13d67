using System.Text.RegularExpressions;

namespace Evidentia.Core.Text;

/// <summary>
/// GARD's symptom tables (from the Human Phenotype Ontology), which MedQuAD and MEDIQA keep flattened into one
/// run of words: "Signs and Symptoms Approximate number of patients (when available) Biliary cirrhosis Very
/// frequent Dehydration Occasional Asthma - Bronchiectasis - The Human Phenotype Ontology (HPO) has …". Each row
/// is a sign and its frequency ("Very frequent", "Frequent", "Occasional", "Very rare", "5%", "3/5", or "-" when
/// unknown). The splitter keeps a table whole, as one passage (its "-" cells are no bullets), and an answer shows
/// it row by row ("… (when available): Biliary cirrhosis: Very frequent; Dehydration: Occasional; Asthma."); its
/// quote stays the source's run of words.
/// </summary>
public static partial class SymptomTables
{
    /// <summary>The words a table starts with.</summary>
    public const string Heading = "Signs and Symptoms Approximate number of patients (when available)";

    /// <summary>
    /// Where the table that starts at <paramref name="start"/> ends (after its last row): -1 when no table starts there.
    /// It stops at the explanation that follows it, a link to the full list, a sentence or a paragraph.
    /// </summary>
    public static int End(string text, int start)
    {
        if (string.CompareOrdinal(text, start, Heading + " ", 0, Heading.Length + 1) != 0)
        {
            return -1;
        }

        var body = start + Heading.Length + 1;
        var end = Stop().Match(text, body) is { Success: true } m ? m.Index : text.Length;
        var rows = Rows(text[body..end]);
        return rows.Count == 0 ? -1 : body + rows[^1].Index + rows[^1].Length - 1;
    }

    /// <summary>Whether a passage is a whole table (as the splitter keeps it): its heading, then rows to its end.</summary>
    public static bool Is(string passage) => WholeRows(passage) is not null;

    /// <summary>A passage that is a whole table, row by row: "Heading: sign: frequency; sign; …."; null for any other passage.</summary>
    public static string? Inline(string passage) =>
        WholeRows(passage) is { } rows
            ? Heading + ": " + string.Join("; ", rows.Select(r =>
                r.Groups["frequency"].Value == "-" ? r.Groups["sign"].Value : $"{r.Groups["sign"].Value}: {r.Groups["frequency"].Value}")) + "."
            : null;

    // The rows of a passage that is a table from its heading to its end; null for any other passage.
    private static List<Match>? WholeRows(string passage)
    {
        if (!passage.StartsWith(Heading + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var rows = Rows(passage[(Heading.Length + 1)..]);
        return rows.Count > 0 && Heading.Length + 1 + rows[^1].Index + rows[^1].Length - 1 == passage.Length ? rows : null;
    }

    // Rows follow one another (\G) from the start; words after the last one (the start of the sentence that follows) are no row.
    private static List<Match> Rows(string table) => Row().Matches(table + " ").ToList();

    // A sign (the fewest words before a frequency) and its frequency, then a space.
    [GeneratedRegex(@"\G(?<sign>[^ ].*?) (?<frequency>Very frequent|Frequent|Occasional|Very rare|\d+(?:\.\d+)?%|\d+/\d+|-) ")]
    private static partial Regex Row();

    [GeneratedRegex(@"The Human Phenotype Ontology|View complete list|\n|[.!?] ")]
    private static partial Regex Stop();
}
