using Evidentia.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Evidentia.Search.Retrieval;

/// <summary>Turns text into analysed terms with the same chain as the index.</summary>
public static class QueryTerms
{
    /// <summary>The analysed terms of <paramref name="text"/> with their counts, in first-seen order.</summary>
    public static IReadOnlyList<(string Term, int Count)> Analyze(Analyzer analyzer, string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        using var stream = analyzer.GetTokenStream(IndexFields.All, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
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

        stream.End();
        return order.Select(t => (t, counts[t])).ToList();
    }

    /// <summary>The distinct analysed terms of <paramref name="text"/>.</summary>
    public static HashSet<string> Set(Analyzer analyzer, string text) =>
        Analyze(analyzer, text).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
}
