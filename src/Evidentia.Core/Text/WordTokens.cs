using System.Text.RegularExpressions;

namespace Evidentia.Core.Text;

/// <summary>The lower-case letter-and-digit runs of a text: the words the composer and the claim verifier compare.</summary>
public static partial class WordTokens
{
    public static IEnumerable<string> Of(string text) => Pattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Pattern();
}
