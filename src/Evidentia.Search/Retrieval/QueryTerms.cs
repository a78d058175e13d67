using System.Text.RegularExpressions;
using Evidentia.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Evidentia.Search.Retrieval;

/// <summary>Turns text into analysed terms with the same chain as the index.</summary>
public static partial class QueryTerms
{
    /// <summary>The analysed terms of <paramref name="text"/> with their counts, in first-seen order.</summary>
    public static IReadOnlyList<(string Term, int Count)> Analyze(Analyzer analyzer, string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var value in Tokens(analyzer, text))
        {
            if (counts.TryGetValue(value, out var n))
            {
                counts[value] = n + 1;
            }
            else
            {
                counts[value] = 1;
                order.Add(value);
            }
        }

        return order.Select(t => (t, counts[t])).ToList();
    }

    /// <summary>
    /// The form an analysed term shares with words of its family that the stemmer leaves apart, or null: the English
    /// stemmer keeps "-ment" on a short stem ("treatment", not "treat" as for "treated") and "-i" of "-osis" ("diagnosi",
    /// not "diagnos" as for "diagnosed").
    /// </summary>
    public static string? Shared(string term) =>
        term.Length >= 8 && term.EndsWith("ment", StringComparison.Ordinal) ? term[..^4]
        : term.Length >= 6 && term.EndsWith("osi", StringComparison.Ordinal) ? term[..^1]
        : null;

    /// <summary>
    /// The distinct analysed terms of <paramref name="text"/>, and for each pair of <paramref name="pairs"/> that stands in
    /// it, term after term, the pair itself ("first line"): what <see cref="Compound.In"/> looks for; with
    /// <paramref name="families"/>, the <see cref="Shared"/> form of each term too.
    /// </summary>
    public static HashSet<string> Set(Analyzer analyzer, string text, IReadOnlySet<string>? pairs = null, bool families = false)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var term in Tokens(analyzer, text))
        {
            set.Add(term);
            if (families && Shared(term) is { } shared)
            {
                set.Add(shared);
            }

            if (pairs is { Count: > 0 } && previous is not null && pairs.Contains(previous + " " + term))
            {
                set.Add(previous + " " + term);
            }

            previous = term;
        }

        return set;
    }

    /// <summary>
    /// The hyphenated words of a question, in small letters (but a first capital), whose parts it uses nowhere else ("first-line", "long-term"), as
    /// analysed terms: such a part says what it says only beside the others ("first" in "first diagnosed" is no first-line
    /// anything). Names ("CRISPR-Cas12a", "PD-L1", "X-linked") are written apart as often ("Cas12a", "PD L1"): not compounds.
    /// </summary>
    public static IReadOnlyList<Compound> Compounds(Analyzer analyzer, string question)
    {
        var elsewhere = Set(analyzer, Hyphenated().Replace(question, " "));
        return Hyphenated().Matches(question)
            .Select(m => Analyze(analyzer, m.Value).Select(t => t.Term).ToArray())
            .Where(parts => parts.Length >= 2 && !parts.Any(elsewhere.Contains))
            .Select(parts => new Compound(parts))
            .ToList();
    }

    private static IEnumerable<string> Tokens(Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream(IndexFields.All, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            yield return term.ToString();
        }

        stream.End();
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}-])\p{L}\p{Ll}+(-\p{Ll}+)+(?![\p{L}\p{N}-])")]
    private static partial Regex Hyphenated();
}

/// <summary>The analysed parts of a hyphenated word of a question, in order ("first", "line").</summary>
public sealed record Compound(IReadOnlyList<string> Parts)
{
    /// <summary>Each pair of neighbouring parts ("first line"), as <see cref="QueryTerms.Set"/> records it.</summary>
    public IEnumerable<string> Pairs => Parts.Zip(Parts.Skip(1), (a, b) => a + " " + b);

    /// <summary>Whether the parts stand together in analysed text (read with <see cref="Pairs"/> as its pairs).</summary>
    public bool In(HashSet<string> words) => Pairs.All(words.Contains);
}
