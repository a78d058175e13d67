using System.Text.RegularExpressions;
using Evidentia.Core.Text;

namespace Evidentia.Core.Answers;

/// <summary>
/// Checks a generated sentence against the passages it cites: every number in it must appear in them, and
/// most of its content words (compared after light suffix stripping) must too. A paraphrase passes; a claim
/// the passages do not make does not.
/// </summary>
public static partial class ClaimVerifier
{
    /// <summary>Share of a sentence's content words that its cited passages must contain.</summary>
    public const double MinSupport = 0.8;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "in", "on", "and", "or", "to", "with", "for", "by", "is", "are", "was", "were", "be", "been",
        "that", "this", "it", "its", "as", "at", "from", "may", "can", "which", "these", "those", "there", "their", "they",
        "has", "have", "had", "also", "such", "than", "then", "into", "about", "some", "most", "more", "other", "people",
        "usually", "often", "generally", "typically", "include", "includ", "who", "what", "when", "how", "your", "you",
    };

    /// <summary>The share of <paramref name="sentence"/>'s content words found in <paramref name="cited"/>, or 0 when a number is not.</summary>
    public static double Support(string sentence, IEnumerable<string> cited)
    {
        var evidence = string.Join(' ', cited).ToLowerInvariant();
        var evidenceWords = WordTokens.Of(evidence).Select(Stem).ToHashSet(StringComparer.Ordinal);
        var numbers = NumberPattern().Matches(sentence).Select(m => m.Value).ToList();
        if (numbers.Any(n => !NumberPattern().Matches(evidence).Select(m => m.Value).Contains(n)))
        {
            return 0;
        }

        var content = WordTokens.Of(sentence).Where(w => !StopWords.Contains(w) && !char.IsDigit(w[0])).Select(Stem).Distinct().ToList();
        return content.Count == 0 ? 0 : (double)content.Count(evidenceWords.Contains) / content.Count;
    }

    public static bool Supports(string sentence, IEnumerable<string> cited) => Support(sentence, cited) >= MinSupport;

    // Enough to match "treated"/"treatment"/"treats" and "infections"/"infection": strip a few common endings.
    private static string Stem(string word)
    {
        foreach (var suffix in (string[])["ments", "ment", "ings", "ing", "ions", "ion", "ies", "es", "ed", "ly", "s"])
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)?")]
    private static partial Regex NumberPattern();
}
